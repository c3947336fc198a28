"""The coercion decision's boxes stop at the length the handler takes
(maxlength), rather than refuse it only after the submit (user trial: "Số
tài khoản Kho bạc tối đa 40 ký tự" showed up once the form was sent)."""

import pytest

from tests.services.test_late_payment_interest import SALARY, overdue_case
from tests.services.test_procedure import (
    d,
    lead,  # noqa: F401 (fixture)
    step,
)
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.procedure import allowed_steps

# Each box's measure, so that the handler reads it rather than calling it a
# slip of another measure.
MEASURE_OF = {
    "account_number": "account",
    "assets": "collection",
    "remedial_place": "distraint_remedial",  # a combined decision's (MQĐ12b)
}


def coerce_boxes(actor, case_id: int) -> dict[str, dict]:
    [row] = [s for s in allowed_steps(actor, case_id) if s["code"] == "coerce"]
    return {f["name"]: f for f in row["fields"]}


def test_the_treasury_account_box_stops_at_40(people, lead):  # noqa: F811
    boxes = coerce_boxes(lead, overdue_case(people["canbo.a"]))
    assert boxes["treasury_account"]["max_len"] == 40
    # Boxes without a limit leave maxlength out (React drops None).
    assert boxes["on"]["max_len"] is None


def test_every_limited_box_is_refused_one_past_its_limit(people, lead):  # noqa: F811
    """The box's limit is the handler's: one more character is refused with
    that same number, and no text box the handler limits is left without."""
    case_id = overdue_case(people["canbo.a"])
    boxes = coerce_boxes(lead, case_id)
    limited = {n: f["max_len"] for n, f in boxes.items() if f["max_len"]}
    texts = {n for n, f in boxes.items() if f["kind"] in ("text", "textarea")}
    assert texts == set(limited), texts ^ set(limited)
    for name, most in limited.items():
        measure = MEASURE_OF.get(name, SALARY["code"])
        data = {**SALARY, "code": measure, "on": d(0), name: "1" * (most + 1)}
        with pytest.raises(ValidationFailed) as refused:
            step(lead, case_id, "coerce", **data)
        assert f"tối đa {most} ký tự" in refused.value.errors[name], name


def test_the_step_form_gives_its_boxes_the_limit():
    from xlvphc.components.procedure_panel import _step_form

    rendered = str(_step_form().render())
    assert rendered.count('maxLength:') == 2  # the input and the text area
    assert '["max_len"]' in rendered
