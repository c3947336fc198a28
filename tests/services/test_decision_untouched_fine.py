"""The decision form's fines when circumstances are typed (user trial): a
click on «Ra quyết định» right after a circumstance was typed sent the box's
old amount (the average, 35.000.000) before the suggestion reached the box
from the server, and the decision was refused ("Mức phạt phải cao hơn …")
while the box showed the suggestion; and a fine the officer typed, equal to
the average, was replaced by the suggestion as if left untouched.

The form now sends, beside each box, whether the officer typed in it
(case_input.FINE_TYPED: "1" typed, "0" untouched). The service takes an
untouched box at the fine it suggests itself, whatever amount the box still
showed, and says so; a typed amount is the officer's, kept or refused, never
replaced. Also: with no sanctioning title chosen and no title typed, the
refusal is at the title to choose, not at the box whose hint says to leave
it blank."""

import pytest

from tests.security.conftest import new_state, run_coroutine
from tests.services.conftest import decision_form
from tests.services.test_procedure import FAMILY_MID, case_row, new_case, version
from xlvphc.services import case_queries, cases
from xlvphc.services.case_input import FINE_TYPED, NO_SIGNER_TITLE
from xlvphc.services.errors import ValidationFailed
from xlvphc.state.case_form import DecisionFormState
from xlvphc.state.session import SessionState

# FAMILY_MID: 5.000.000–10.000.000, average 7.500.000. One aggravating
# circumstance: above the average, below the maximum (NĐ 68/2025).
AVERAGE = "7.500.000"
AGGRAVATED = 8_750_000
CITED = "khoản 2 Điều 37 Nghị định 282/2025/NĐ-CP"


def _form(officer, fine: str, typed: str | None, **fields):
    """A recorded case and its decision form with `fine` in the act's box,
    its flag `typed` ("1", "0", or None for no flag)."""
    case_id = new_case(officer, FAMILY_MID)
    act_id = case_queries.get_case(officer, case_id)["acts"][0]["id"]
    form = decision_form(version=version(case_id), **fields)
    form[f"fine_{act_id}"] = fine
    if typed is not None:
        form[f"{FINE_TYPED}{act_id}"] = typed
    return case_id, f"fine_{act_id}", form


def test_an_untouched_box_sent_before_its_suggestion_arrived_takes_the_suggestion(
    people,
):
    """The trial's race: the box still showed the average when sent."""
    officer = people["canbo.a"]
    case_id, _key, form = _form(officer, AVERAGE, "0", aggravating="Tái phạm")

    number, notes = cases.issue_decision_told(officer, case_id, form)

    assert number
    assert case_row(case_id).fine_total == AGGRAVATED
    # The officer is told which fine was used, and that the box said other.
    assert len(notes) == 1
    assert CITED in notes[0]
    assert "8.750.000 đồng, mức gợi ý" in notes[0]
    assert f"còn ghi {AVERAGE} đồng" in notes[0]


def test_an_untouched_box_that_showed_the_suggestion_is_told_without_a_mismatch(
    people,
):
    officer = people["canbo.a"]
    case_id, _key, form = _form(officer, "8.750.000", "0", aggravating="Tái phạm")

    _number, notes = cases.issue_decision_told(officer, case_id, form)

    assert case_row(case_id).fine_total == AGGRAVATED
    assert len(notes) == 1 and "còn ghi" not in notes[0]


def test_an_untouched_box_follows_circumstances_removed_before_the_click(people):
    """The circumstance was deleted and the box still held its suggestion:
    with none left, the fine is the average, said with the box's amount."""
    officer = people["canbo.a"]
    case_id, _key, form = _form(officer, "8.750.000", "0")

    _number, notes = cases.issue_decision_told(officer, case_id, form)

    assert case_row(case_id).fine_total == 7_500_000
    assert len(notes) == 1
    assert "7.500.000 đồng, mức trung bình của khung" in notes[0]
    assert "còn ghi 8.750.000 đồng" in notes[0]


def test_an_untouched_box_as_the_form_filled_it_needs_no_word(people):
    """No circumstance, the average shown and used: nothing to tell."""
    officer = people["canbo.a"]
    case_id, _key, form = _form(officer, AVERAGE, "0")

    _number, notes = cases.issue_decision_told(officer, case_id, form)

    assert case_row(case_id).fine_total == 7_500_000
    assert notes == []


def test_an_untouched_box_is_not_judged_on_what_it_showed(people):
    """What an untouched box holds is not the officer's: not refused."""
    officer = people["canbo.a"]
    case_id, _key, form = _form(officer, "abc", "0", mitigating="Tự nguyện khai báo")

    cases.issue_decision(officer, case_id, form)

    assert case_row(case_id).fine_total == 6_250_000


def test_a_typed_fine_equal_to_the_average_is_the_officers_and_is_not_replaced(
    people,
):
    """Typed 7.500.000 (the average) with an aggravating circumstance: not
    swapped for the suggestion, but refused with the allowed range."""
    officer = people["canbo.a"]
    case_id, key, form = _form(officer, AVERAGE, "1", aggravating="Tái phạm")

    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(officer, case_id, form)

    assert "cao hơn 7.500.000 đồng và thấp hơn 10.000.000 đồng" in (
        refused.value.errors[key]
    )
    assert case_row(case_id).status == "recorded"


@pytest.mark.parametrize("typed", ["1", None])
def test_a_typed_fine_the_circumstances_allow_is_kept(people, typed):
    """Flagged typed, or sent without a flag (MQĐ01, other callers): the
    amount sent is the officer's."""
    officer = people["canbo.a"]
    case_id, _key, form = _form(officer, "9.000.000", typed, aggravating="Tái phạm")

    _number, notes = cases.issue_decision_told(officer, case_id, form)

    assert case_row(case_id).fine_total == 9_000_000
    assert notes == []


def test_no_title_chosen_nor_typed_is_refused_at_the_title_to_choose(people):
    officer = people["canbo.a"]
    case_id, _key, form = _form(officer, AVERAGE, "0", signer_title="")

    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(officer, case_id, form)

    errors = refused.value.errors
    assert errors["signer_title_code"] == NO_SIGNER_TITLE
    assert "chọn chức danh" in NO_SIGNER_TITLE
    assert "signer_title" not in errors


def test_a_title_chosen_with_the_title_box_left_blank_is_taken(people):
    """As the box's hint says: blank prints the title chosen with the unit."""
    officer = people["canbo.a"]
    case_id, _key, form = _form(
        officer, AVERAGE, "0", signer_title="", signer_title_code="chu_tich_ubnd_xa"
    )

    cases.issue_decision(officer, case_id, form)

    assert case_row(case_id).status == "decided"


# ---------------------------------------------------------------- the form


def test_the_form_marks_a_box_the_state_knows_typed_and_tells_the_notes(
    monkeypatch,
):
    """Should the page's script be missing, the state's own knowledge of
    the typing still marks the box; the toast carries the service's notes."""
    sent = {}

    async def fake_call(self, fn, *args):
        sent["fn"], sent["args"] = fn, args
        return True, ("3/QĐ-XPHC", ["Mức phạt hành vi tại … mức gợi ý."])

    monkeypatch.setattr(SessionState, "_call_in_thread", fake_call)
    _root, state = new_state(DecisionFormState)
    state.case = {"id": 41, "version": 2}
    state.acts = [{"id": 7, "typed": "1"}, {"id": 8, "typed": ""}]

    fn = DecisionFormState.event_handlers["submit"].fn
    events = run_coroutine(fn(state, {"fine_7": AVERAGE, f"{FINE_TYPED}7": "0",
                                      f"{FINE_TYPED}8": "0"}))

    assert sent["fn"] is cases.issue_decision_told
    case_id, form = sent["args"]
    assert case_id == 41 and form["version"] == 2
    assert (form[f"{FINE_TYPED}7"], form[f"{FINE_TYPED}8"]) == ("1", "0")
    assert "mức gợi ý" in str(events)
    assert "3/QĐ-XPHC" in str(events)
