"""The coercion form shows the boxes of the chosen measure only (user
trial: salary, "Khấu trừ vào", account, assets… all at once), and a box of
a measure no longer chosen is not sent: hidden, it still holds what was
typed, and the service refuses an account number with a salary deduction."""

from tests.services.test_procedure import (
    d,
    lead,  # noqa: F401 (fixture)
    received_case,
)
from tests.services.test_trial_pages import _opened_on, _run, _token
from xlvphc.state.procedure import ProcedureState

PATH = "/ho-so/chi-tiet"


def _coercion_form(case_id: int) -> ProcedureState:
    state = _opened_on(ProcedureState, _token("chutich.a"), PATH, {"id": str(case_id)})
    _run(state, "load")
    _run(state, "choose", "coerce")
    assert state.selected == "coerce"
    return state


def test_boxes_are_tagged_with_their_measures(people, lead):  # noqa: F811
    state = _coercion_form(received_case(people["canbo.a"], 30))
    only = {f["name"]: f["only"] for f in state.form_fields}
    assert only["deduct_from"] == "salary"
    assert only["account_number"] == "account"
    assert only["code"] == only["on"] == only["amount"] == ""
    assert only["assets"] == "collection"
    # MQĐ08 (account) has no "Thời gian thực hiện" (trial: its "10 ngày"
    # came from a box shown for every measure).
    assert "account" not in only["period"].split()
    assert {"salary", "distraint", "collection", "remedial"} <= set(
        only["period"].split())
    assert only["holder"].split() == ["salary", "account", "collection"]
    assert state.measure == ""
    _run(state, "pick", "code", "salary")
    assert state.measure == "salary"
    _run(state, "pick", "treasury_account", "x")  # not the measure box
    assert state.measure == "salary"
    # Another step's boxes are always shown.
    _run(state, "choose", "payment")
    assert {f["only"] for f in state.form_fields} == {""}
    _run(state, "pick", "code", "salary")
    assert state.measure == ""


def test_a_box_of_another_measure_is_not_sent(people, lead):  # noqa: F811
    state = _coercion_form(received_case(people["canbo.a"], 30))
    _run(state, "pick", "code", "salary")
    _run(state, "submit", {
        "code": "salary", "on": d(0), "holder": "Công ty TNHH Ea Tu",
        "deduct_from": "salary",
        "account_number": "0123456789",  # typed under "account", now hidden
        "assets": "Xe mô tô",
    })
    assert state.errors == {}, state.errors
    assert state.selected == ""  # recorded


def test_the_service_still_refuses_the_chosen_measures_gaps(
    people, lead  # noqa: F811
):
    state = _coercion_form(received_case(people["canbo.a"], 30))
    _run(state, "submit", {"code": "salary", "on": d(0), "holder": ""})
    assert {"holder", "deduct_from"} <= set(state.errors)
    assert state.selected == "coerce"
