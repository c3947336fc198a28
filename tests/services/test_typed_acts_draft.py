"""A tab's draft keeps the acts typed outside the catalogue
(components/form_guard.py, assets/form_guard.js): the script hands them
back to CaseFormState.restore_acts as objects of their boxes, after the
catalogue ids, and services.typed_act_drafts.from_draft checks each again
as the small form does (the browser may have changed them) before the
picker adds it. What cannot be restored is said under the picker, not
dropped in silence.

The citations and frames below are test data, not a statement of the
decree's content."""

import pytest

from tests.security.conftest import new_state
from tests.services.conftest import catalogue_id
from tests.services.test_draft_acts import _opened, _run
from tests.services.test_procedure_on_the_spot import spot_form
from tests.services.test_typed_acts import typed_form, typed_row
from tests.services.test_typed_acts_on_the_spot import SMALL
from xlvphc.components import form_guard
from xlvphc.services import typed_act_drafts, typed_acts
from xlvphc.services.case_input import MAX_ACTS
from xlvphc.services.errors import PermissionDenied
from xlvphc.state.case_form import CaseFormState
from xlvphc.state.on_the_spot import OnTheSpotState

# What the script keeps of a typed row (assets/form_guard.js, TYPED_KEYS).
KEPT = ("id", "decree", "article", "clause", "point", "act", "frame_min",
        "frame_max", "field")


def kept(row: dict) -> dict:
    """A chosen typed act as the tab's draft holds it."""
    return {key: row[key] for key in KEPT}


def test_from_draft_gives_back_the_rows_the_small_form_gave(people):
    officer = people["canbo.a"]
    first = typed_row(officer)
    second = typed_row(officer, **SMALL)
    found = typed_act_drafts.from_draft(officer, [kept(first), kept(second)])
    assert found == {"rows": [first, second], "message": ""}
    # Numbers sent as numbers are read as the boxes' text would be.
    as_numbers = {**kept(first), "article": 9, "clause": 1}
    assert typed_act_drafts.from_draft(officer, [as_numbers])["rows"] == [first]


def test_from_draft_checks_each_row_again_and_says_what_it_dropped(people):
    officer = people["canbo.a"]
    good = typed_row(officer)
    found = typed_act_drafts.from_draft(
        officer,
        [
            kept(good),
            {**kept(good), "act": "Đánh bạc bằng hiện vật"},  # same citation
            {**kept(good), "article": "8", "point": "a"},  # in the catalogue
            {**kept(good), "frame_min": "9000000"},  # frame reversed
            "12",
        ],
    )
    assert found["rows"] == [good]
    assert found["message"].startswith(
        "3 hành vi ngoài danh mục của bản nháp không khôi phục được ("
    )
    assert "đã có trong danh mục" in found["message"]
    assert found["message"].endswith("nhập lại nếu cần.")


@pytest.mark.parametrize(
    "junk",
    [None, "", "[]", {"decree": "282/2025/NĐ-CP"}, 7, [], True],
)
def test_from_draft_takes_nothing_from_what_is_no_list(people, junk):
    assert typed_act_drafts.from_draft(people["canbo.a"], junk) == {
        "rows": [],
        "message": "",
    }


def test_from_draft_refuses_a_longer_list_than_a_case_holds(people):
    officer = people["canbo.a"]
    rows = [
        kept(typed_row(officer, typed_article=str(50 + i)))
        for i in range(MAX_ACTS + 1)
    ]
    assert typed_act_drafts.from_draft(officer, rows) == {"rows": [], "message": ""}
    restored = typed_act_drafts.from_draft(officer, rows[:MAX_ACTS])["rows"]
    assert len(restored) == MAX_ACTS


def test_from_draft_needs_the_right_to_write_cases(people):
    row = kept(typed_row(people["canbo.a"]))
    with pytest.raises(PermissionDenied):
        typed_act_drafts.from_draft(people["giamsat"], [row])


def test_restore_acts_adds_catalogue_and_typed_acts_of_the_draft(people):
    officer = people["canbo.a"]
    state = _opened()
    listed = catalogue_id(8, 1, "a", "282/2025/NĐ-CP")
    typed = typed_row(officer)
    forged = {**kept(typed), "article": "77", "point": "z"}
    _run(state, "restore_acts", [str(listed), kept(typed), forged])
    assert [s["id"] for s in state.selected] == [str(listed), typed["id"]]
    assert state._act_ids() == str(listed)
    assert state._typed_acts() == [typed]
    assert state.errors[typed_acts.LIST_KEY].startswith(
        "1 hành vi ngoài danh mục của bản nháp không khôi phục được (Điểm là"
    )
    # Asked again (the script asked twice), or reworded: each citation once.
    _run(state, "restore_acts", [kept(typed), {**kept(typed), "act": "Khác hẳn"}])
    assert [s["id"] for s in state.selected] == [str(listed), typed["id"]]


def test_restore_acts_stops_at_the_most_acts_and_before_open(people):
    officer = people["canbo.a"]
    state = _opened()
    rows = [
        kept(typed_row(officer, typed_article=str(50 + i))) for i in range(MAX_ACTS)
    ]
    _run(state, "add_typed_act", typed_form(typed_article="49"))
    _run(state, "restore_acts", rows)
    assert len(state.selected) == MAX_ACTS
    # A form not opened yet (or by nobody logged in) takes nothing.
    _root, fresh = new_state(CaseFormState, "")
    _run(fresh, "restore_acts", rows[:1])
    assert fresh.selected == []


def test_a_restored_typed_act_is_saved_on_the_spot_with_its_fine(people):
    """The page opens and restores through CaseFormState; its substate
    OnTheSpotState saves, with the fine the draft put back in the act's
    box."""
    state = _opened()
    row = typed_row(people["canbo.a"], **SMALL)
    _run(state, "restore_acts", [kept(row)])
    spot = state.get_substate([OnTheSpotState.get_name()])
    form = spot_form(fine=None)
    form.pop("act_ids")
    # The draft's fine is judged as a typed one: outside the typed frame.
    _run(spot, "decide", {**form, f"fine_{row['id']}": "450.000"})
    assert "Mức phạt phải trong khung" in spot.errors[f"fine_{row['id']}"]
    returned = repr(_run(spot, "decide", {**form, f"fine_{row['id']}": "400.000"}))
    assert spot.errors == {}
    assert "Đã ra quyết định xử phạt không lập biên bản." in returned


def test_the_form_tells_the_script_the_chosen_rows():
    """The draft can keep typed acts only if the form hands their rows to
    the script (data-xl-typed), beside the ids (data-xl-acts)."""
    attrs = form_guard.guard_attrs("ho-so-moi", CaseFormState)
    assert "JSON.stringify" in str(attrs["data-xl-typed"])
    assert "case_form_state.selected" in str(attrs["data-xl-typed"])
