"""The coercion form shows the boxes of the chosen measure only (user
trial: salary, "Khấu trừ vào", account, assets… all at once), and a box of
a measure no longer chosen is not sent: hidden, it still holds what was
typed, and the service refuses an account number with a salary deduction."""

from tests.services.test_procedure import (
    d,
    decided_case,
    lead,  # noqa: F401 (fixture)
    received_case,
    step,
)
from tests.services.test_trial_pages import _opened_on, _run, _token
from xlvphc.services.procedure.details import case_details
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
    assert only["deduct_from"].split() == ["salary", "salary_remedial"]
    assert only["account_number"].split() == ["account", "account_remedial"]
    assert only["code"] == only["on"] == only["amount"] == ""
    assert only["assets"].split() == ["collection", "collection_remedial"]
    # MQĐ08 (account) has no "Thời gian thực hiện" (trial: its "10 ngày"
    # came from a box shown for every measure).
    assert "account" not in only["period"].split()
    assert {"salary", "distraint", "collection", "remedial"} <= set(
        only["period"].split())
    assert only["holder"].split()[:3] == ["salary", "account", "collection"]
    # A combined decision (MQĐ12a-c) has its money measure's boxes, and the
    # remedial part's own, which MQĐ11 alone has not (its "period").
    assert "salary_remedial" in only["deduct_from"].split()
    assert "distraint_remedial" not in only["holder"].split()
    assert only["remedial_period"].split() == [
        "salary_remedial", "account_remedial", "distraint_remedial",
        "collection_remedial",
    ]
    assert "remedial" not in only["remedial_place"].split()
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
        "verified_outside": "1",  # no MBB09 in the system (coercion_verified)
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


def test_a_combined_measure_sends_its_two_parts_boxes(people, lead):  # noqa: F811
    """MQĐ12b: the boxes of distraint and of the remedial part are sent;
    MQĐ11 alone keeps its own period box, not the remedial part's of a
    combined decision ("remedial" is a word of "distraint_remedial")."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=30, remedial_measures="Buộc tháo dỡ")
    step(officer, case_id, "receipt", on=d(30))
    state = _coercion_form(case_id)
    _run(state, "pick", "code", "remedial")
    _run(state, "submit", {
        "code": "remedial", "on": d(0), "period": "15",
        "remedial_period": "30", "remedial_place": "Thôn 3",  # hidden: not sent
    })
    assert state.errors == {}, state.errors

    second = decided_case(officer, days_ago=30, remedial_measures="Buộc tháo dỡ")
    step(officer, second, "receipt", on=d(30))
    state = _coercion_form(second)
    _run(state, "pick", "code", "distraint_remedial")
    assert state.measure == "distraint_remedial"
    _run(state, "submit", {
        "code": "distraint_remedial", "on": d(0), "period": "10",
        "action_place": "Số 5 Lê Duẩn", "remedial_period": "30",
        "remedial_place": "Thôn 3", "account_number": "0123456789",  # hidden
        "verified_outside": "1",
    })
    assert state.errors == {}, state.errors
    shown = case_details(officer, second)[0]
    values = {row["label"]: row["value"] for row in shown["rows"]}
    assert values["Thời gian thực hiện biện pháp khắc phục hậu quả (ngày)"] == "30"
    assert values["Địa điểm thực hiện biện pháp khắc phục hậu quả"] == "Thôn 3"
    assert "Số tài khoản bị khấu trừ" not in values
    assert values["Biên bản xác minh thông tin về tiền, tài sản"].startswith(
        "Lập ngoài hệ thống"
    )


def test_the_mbb09_boxes_show_and_are_sent_with_the_box_only(
    people, lead  # noqa: F811
):
    """The number and date of an MBB09 made outside the system belong to
    the box (their `when`): shown once it is ticked, and sent only while it
    is, so a number typed before unticking is not sent (the service would
    refuse it at the field)."""
    officer = people["canbo.a"]
    state = _coercion_form(received_case(officer, 30))
    when = {f["name"]: f["when"] for f in state.form_fields}
    assert when["verified_no"] == when["verified_on"] == "verified_outside"
    assert state.ticked == []
    _run(state, "tick", "verified_outside", True)
    assert state.ticked == ["verified_outside"]
    _run(state, "tick", "verified_outside", False)
    assert state.ticked == []
    _run(state, "tick", "conditions_checked", True)  # no box depends on it
    assert state.ticked == []

    typed = {"code": "account", "on": d(0), "account_number": "0123456789",
             "verified_no": "05/BB-XMCC", "verified_on": d(2)}
    _run(state, "submit", typed)  # box unticked: the two are not sent
    assert set(state.errors) == {"verified_outside"}, state.errors
    _run(state, "tick", "verified_outside", True)
    _run(state, "submit", typed | {"verified_outside": "1"})
    assert state.errors == {}, state.errors
    assert state.selected == ""  # recorded
    rows = case_details(officer, int(state._case_id))[0]["rows"]
    values = {row["label"]: row["value"] for row in rows}
    assert values["Số biên bản xác minh (MBB09) lập ngoài hệ thống"] == "05/BB-XMCC"
    assert values["Ngày lập biên bản xác minh (MBB09)"] == d(2)

    # Choosing another step forgets what was ticked.
    other = _coercion_form(received_case(officer, 30))
    _run(other, "tick", "verified_outside", True)
    _run(other, "choose", "payment")
    assert other.ticked == []
