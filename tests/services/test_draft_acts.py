"""A tab's draft gives back the catalogue acts it had chosen
(components/form_guard.py): the new-case form's on_load asks the script for
the draft's ids, and CaseFormState.restore_acts re-adds them. The ids come
from the browser, so catalogue.rows_by_id keeps only catalogue rows and the
state adds them as a pick is (each once, at most MAX_ACTS); the fines the
draft puts back in their boxes are judged at save as if typed."""

import pytest
from sqlmodel import select

from tests.security.conftest import _drive, new_state, run_coroutine
from tests.services.conftest import PASSWORD, catalogue_id, make_user
from tests.services.test_procedure import TRAFFIC
from tests.services.test_procedure_on_the_spot import spot_form
from xlvphc.models import CatalogueEntry
from xlvphc.services import auth, catalogue
from xlvphc.services.case_input import MAX_ACTS
from xlvphc.services.db import session_scope
from xlvphc.services.errors import PermissionDenied
from xlvphc.state.case_form import CaseFormState
from xlvphc.state.on_the_spot import OnTheSpotState


def _ids(n: int) -> list[int]:
    with session_scope() as session:
        return list(
            session.exec(select(CatalogueEntry.id).order_by(CatalogueEntry.id)).all()
        )[:n]


def _run(state, handler: str, *args) -> list:
    fn = type(state).event_handlers[handler].fn
    return run_coroutine(_drive(fn(state, *args)))


def _opened():
    _root, state = new_state(CaseFormState, auth.login("canbo.a", PASSWORD).token)
    _run(state, "open")
    assert state.ready and state.selected == []
    return state


def test_rows_by_id_gives_the_catalogue_rows_in_the_draft_order(people):
    officer = people["canbo.a"]
    first, second, third = _ids(3)
    rows = catalogue.rows_by_id(officer, [str(third), str(first), third, second])
    assert [r["id"] for r in rows] == [str(third), str(first), str(second)]
    with session_scope() as session:
        entry = session.get(CatalogueEntry, third)
        assert rows[0] == catalogue.as_row(entry)
        query = f"điểm {entry.point} khoản {entry.clause} Điều {entry.article}"
    # The same row the search lists for it.
    assert rows[0] in catalogue.search(officer, query)


@pytest.mark.parametrize(
    "junk",
    [
        None,
        "1,2,3",
        {"0": "1"},
        7,
        [True, False],
        [1.0, "1.0", " 1", "1\n", "0", "-1", "01", "1e3", "١", "", None, [1], {}],
        ["9" * 10, 10**12, 2**63, -5],
        ["999999999"],  # well-formed, but no such act
    ],
)
def test_rows_by_id_drops_junk_without_failing(people, junk):
    assert catalogue.rows_by_id(people["canbo.a"], junk) == []


def test_rows_by_id_keeps_the_good_ids_among_junk_and_refuses_too_many(people):
    officer = people["canbo.a"]
    good = _ids(MAX_ACTS + 1)
    mixed = ["x", str(good[0]), None, "999999999", good[1]]
    assert [r["id"] for r in catalogue.rows_by_id(officer, mixed)] == [
        str(good[0]),
        str(good[1]),
    ]
    # The picker never holds more than MAX_ACTS: a longer list is not a draft.
    assert len(catalogue.rows_by_id(officer, [str(i) for i in good[:MAX_ACTS]])) == (
        MAX_ACTS
    )
    assert catalogue.rows_by_id(officer, [str(i) for i in good]) == []
    assert catalogue.rows_by_id(officer, ["1"] * 100_000) == []


def test_rows_by_id_needs_the_catalogue_right(people):
    make_user("khongquyen", "UBND-22015", "")
    nobody = auth.resolve(auth.login("khongquyen", PASSWORD).token)
    with pytest.raises(PermissionDenied):
        catalogue.rows_by_id(nobody, [str(_ids(1)[0])])


def test_open_asks_the_script_for_the_draft_acts(people):
    _root, state = new_state(CaseFormState, auth.login("canbo.a", PASSWORD).token)
    returned = repr(_run(state, "open"))
    assert "window.xlvphcForms.draftActs()" in returned
    assert "case_form_state.restore_acts" in returned


def test_restore_acts_adds_the_catalogue_rows_as_a_pick(people):
    state = _opened()
    first, second = _ids(2)
    _run(state, "restore_acts", [str(second), "999999999", "x", str(first)])
    assert [s["id"] for s in state.selected] == [str(second), str(first)]
    assert state._act_ids() == f"{second},{first}"
    # Again (the script asked twice): each act stays once.
    _run(state, "restore_acts", [str(first)])
    assert [s["id"] for s in state.selected] == [str(second), str(first)]
    # A pick afterwards goes the same way.
    state.catalogue_results = catalogue.rows_by_id(people["canbo.a"], [first])
    state.add_act(str(first))
    assert len(state.selected) == 2


@pytest.mark.parametrize(
    "junk", [None, "", "1,2", {"act_ids": [1]}, 5, [], [None, {}, [1]], ["0"]]
)
def test_restore_acts_ignores_junk(people, junk):
    state = _opened()
    assert _run(state, "restore_acts", junk) == [None]
    assert state.selected == []


def test_restore_acts_stops_at_the_most_acts_and_before_open(people):
    state = _opened()
    ids = _ids(MAX_ACTS)
    state.catalogue_results = catalogue.rows_by_id(people["canbo.a"], ids[:5])
    for act_id in ids[:5]:
        state.add_act(str(act_id))
    _run(state, "restore_acts", [str(i) for i in ids])
    assert len(state.selected) == MAX_ACTS
    assert [s["id"] for s in state.selected] == [str(i) for i in ids]

    # A form not opened yet (or by nobody logged in) takes nothing.
    _root, fresh = new_state(CaseFormState, "")
    _run(fresh, "restore_acts", [str(ids[0])])
    assert fresh.selected == []
    _root, forged = new_state(CaseFormState, "jeton-gia-mao")
    forged.ready = True
    _run(forged, "restore_acts", [str(ids[0])])
    assert forged.selected == []


def test_restored_acts_are_saved_with_their_fines_judged_as_typed(people):
    """On the spot: the restored act is saved by the same path, and a fine
    put back above the ceiling is refused on its box as a typed one is.
    The page opens and restores through CaseFormState, whose substate
    OnTheSpotState saves."""
    form_state = _opened()
    act_id = catalogue_id(*TRAFFIC)
    _run(form_state, "restore_acts", [str(act_id)])
    state = form_state.get_substate([OnTheSpotState.get_name()])
    assert [s["id"] for s in state.selected] == [str(act_id)]
    form = spot_form(fine="600.000")
    form.pop("act_ids")
    _run(state, "decide", form)
    assert "phải lập biên bản" in state.errors[f"fine_{act_id}"]

    form = spot_form(fine="500.000")
    form.pop("act_ids")
    returned = repr(_run(state, "decide", form))
    assert state.errors == {}
    assert "Đã ra quyết định xử phạt không lập biên bản." in returned
