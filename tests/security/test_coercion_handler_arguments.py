"""The coercion step's handler (ProcedureState.submit) called as a hostile
browser can call it, with measures the form never offered: a combined
decision (MQĐ12a-c) where the case owes no remedial measure, a measure
spelt with spaces or control characters, a list instead of a string, boxes
of the remedial part out of range, a result for a part the decision does
not have (security.md B2, B4: the services refuse whatever the UI shows).

Oracle: every call is refused at its field, and nothing is written: no
step, no new version of the case, no number of the QĐ-CCXP series."""

from sqlmodel import func, select

from tests.services.test_coercion_remedial_owed import MEASURE
from tests.services.test_print_official_copies import (
    d,
    lead,  # noqa: F401 (fixture)
    overdue,
    step,
)
from tests.services.test_trial_pages import _opened_on, _run, _token
from xlvphc.models import Case, DocumentSequence, ProcedureStep
from xlvphc.services.db import session_scope
from xlvphc.services.procedure.coercion_measures import COMBINED
from xlvphc.state.procedure import ProcedureState

PATH = "/ho-so/chi-tiet"


def written(case_id: int) -> tuple[int, int, int]:
    """(steps of the case, its version, numbers the unit series issued)."""
    with session_scope() as session:
        steps = session.exec(
            select(func.count()).where(ProcedureStep.case_id == case_id)
        ).one()
        issued = session.exec(select(func.sum(DocumentSequence.last))).one()
        return steps, session.get(Case, case_id).version, issued or 0


def opened(username: str, case_id: int, code: str) -> ProcedureState:
    state = _opened_on(ProcedureState, _token(username), PATH, {"id": str(case_id)})
    _run(state, "load")
    _run(state, "choose", code)
    return state


def test_combined_measure_not_owed_is_refused_whatever_is_sent(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = overdue(officer)  # a fine only: no remedial measure to force
    state = opened("chutich.a", case_id, "coerce")
    assert state.selected == "coerce"
    [field] = [f for f in state.form_fields if f["name"] == "code"]
    assert not {o["id"] for o in field["options"]} & set(COMBINED)

    before = written(case_id)
    for code in (
        "distraint_remedial",
        " salary_remedial ",
        "collection_remedial\x00",
        "account_remedial\u200b",
        "remedial",
        "MQĐ12b",
        "Ư" * 200_000,
    ):
        _run(state, "submit", {
            "code": code, "on": d(0), "remedial_period": "30",
            "remedial_place": "Thôn 3", "holder": "Công ty TNHH Ea Tu",
            "deduct_from": "salary",
        })
        assert "code" in state.errors, code
        assert state.selected == "coerce", code
    # Not a string: dropped by the handler, so no measure at all.
    _run(state, "submit", {"code": ["distraint_remedial"], "on": d(0)})
    assert "code" in state.errors
    _run(state, "submit", {"code": {"$ne": ""}, "on": d(0)})
    assert "code" in state.errors
    assert written(case_id) == before


def test_remedial_boxes_out_of_range_are_refused(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures=MEASURE)
    state = opened("chutich.a", case_id, "coerce")
    before = written(case_id)
    for period, place in (("-5", ""), ("366", ""), ("1e3", ""), ("", "x" * 400)):
        _run(state, "pick", "code", "distraint_remedial")
        _run(state, "submit", {
            "code": "distraint_remedial", "on": d(0),
            "remedial_period": period, "remedial_place": place,
        })
        key = "remedial_period" if period else "remedial_place"
        assert key in state.errors, (period, place)
    assert written(case_id) == before


def test_an_officer_cannot_open_or_send_a_coercion(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures=MEASURE)
    state = opened("canbo.a", case_id, "coerce")
    assert state.selected == ""  # not offered to a non-signer: not opened
    before = written(case_id)
    _run(state, "submit", {"code": "distraint_remedial", "on": d(0)})
    assert written(case_id) == before


def test_a_result_for_a_part_the_decision_lacks_is_refused(
    people,
    lead,  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = overdue(officer, remedial_measures=MEASURE)
    step(lead, case_id, "coerce", code="distraint_remedial", on=d(0))
    state = opened("canbo.a", case_id, "coercion_done")
    assert state.selected == "coercion_done"
    before = written(case_id)
    for part in ("salary", "distraint_remedial", "", "remedial ", "account"):
        _run(state, "submit", {"code": part, "on": d(0), "note": "Đã thi hành"})
        assert "code" in state.errors, part
    assert written(case_id) == before

    # The remedial part with a sum: the money box is the money part's, so
    # the handler does not send it (the service refuses it anyway,
    # test_coercion_combined); the result collects nothing.
    _run(state, "pick", "code", "remedial")
    _run(state, "submit", {"code": "remedial", "on": d(0), "note": "Đã tháo dỡ",
                           "amount": "1.000.000"})
    assert state.errors == {} and state.selected == ""
    with session_scope() as session:
        result = session.exec(
            select(ProcedureStep).where(
                ProcedureStep.case_id == case_id,
                ProcedureStep.step == "coercion_done",
            )
        ).one()
        assert (result.code, result.amount) == ("remedial", 0)
