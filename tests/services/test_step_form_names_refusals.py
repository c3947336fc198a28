"""A step's refusal names every refused box beside its button, in the
form's order (user trial: on the instalment form the hardship box's
refusal, at the bottom, was seen only after the plan's were fixed)."""

from tests.services.test_late_payment_interest import fined_case
from tests.services.test_procedure import d
from tests.services.test_trial_pages import _opened_on, _run, _token
from xlvphc.state.procedure import ProcedureState, _short

PATH = "/ho-so/chi-tiet"


def test_every_refused_box_is_named_in_order(people):
    case_id = fined_case(people["canbo.a"], "3.500.000", days_ago=5)
    state = _opened_on(ProcedureState, _token("canbo.a"), PATH, {"id": str(case_id)})
    _run(state, "load")
    _run(state, "choose", "instalments")
    assert state.selected == "instalments"
    labels = {f["name"]: f["label"] for f in state.form_fields}

    _run(state, "submit", {"on": d(0), "amount_1": "100.000", "due_1": d(0),
                           "amount_2": "200.000", "due_2": d(1)})

    assert state.selected == "instalments"  # still open, nothing recorded
    refused = [f["name"] for f in state.form_fields if f["name"] in state.errors]
    assert {"amount_1", "hardship"} <= set(refused)
    named = [_short(labels[name]) for name in refused]
    assert state.message == (
        f"Chưa ghi nhận: {len(refused)} ô cần sửa (chữ đỏ dưới ô): "
        + "; ".join(named) + "."
    )
    # The hardship statement, a whole sentence, is named short.
    assert len(_short(labels["hardship"])) <= 60
    assert state.message.index("Lần 1") < state.message.index(
        _short(labels["hardship"])
    )


def test_a_refusal_without_boxes_keeps_its_own_message(people):
    """A step refused as a whole (a stale version) says why, not a list."""
    case_id = fined_case(people["canbo.a"], "3.500.000", days_ago=5)
    state = _opened_on(ProcedureState, _token("canbo.a"), PATH, {"id": str(case_id)})
    _run(state, "load")
    _run(state, "choose", "payment")
    state._version = -1
    _run(state, "submit", {"on": d(0), "amount": "100.000"})
    assert state.errors == {}
    # The case's last change was the officer's own (services.stale_version).
    assert state.message.startswith("Bạn vừa cập nhật hồ sơ này ở một thẻ")
