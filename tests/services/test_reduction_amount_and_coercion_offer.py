"""Two user-trial findings on the procedure panel: the reduction step's
amount box worded a non-number like the other money boxes, and the coercion
result no longer offered (nor accepted) once nothing is owed."""

import pytest

from tests.services.test_procedure import (
    FAMILY_SMALL,
    case_row,
    d,
    decided_case,
    lead,  # noqa: F401 (fixture)
    received_case,
    step,
)
from tests.services.test_procedure_closing import MEASURE
from xlvphc.domain.calendar import add_months
from xlvphc.services.errors import Conflict, ValidationFailed
from xlvphc.services.procedure import allowed_steps


def postponed_case(officer) -> int:
    """Decided, then postponed (Art. 76): a reduction may follow (Art. 77)."""
    case_id = decided_case(officer, days_ago=1)
    step(officer, case_id, "postpone", on=d(0),
         until=add_months(case_row(case_id).decided_on, 3).strftime("%d/%m/%Y"),
         certifier="UBND phường Tuy Hòa", document="1/QĐ-HTHQĐ", hardship="1")
    return case_id


def reduce_refusal(officer, case_id: int, amount: str) -> str:
    with pytest.raises(ValidationFailed) as caught:
        step(officer, case_id, "reduce", code="reduce", amount=amount, on=d(0),
             certifier="UBND phường Tuy Hòa", document="1/QĐ-GTP")
    return caught.value.errors["amount"]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        pytest.param("abc", "abc không phải số tiền hợp lệ.", id="not-a-number"),
        pytest.param("-1", "-1 không phải số tiền hợp lệ.", id="negative"),
        pytest.param(
            "0",
            "Số tiền giảm phải lớn hơn 0 và nhỏ hơn số còn phải nộp "
            "(3.500.000 đồng); miễn toàn bộ thì chọn «Miễn».",
            id="zero-keeps-greater-than-zero",
        ),
        pytest.param(
            "3.500.000",
            "Số tiền giảm phải lớn hơn 0 và nhỏ hơn số còn phải nộp "
            "(3.500.000 đồng); miễn toàn bộ thì chọn «Miễn».",
            id="all-of-it-is-an-exemption",
        ),
    ],
)
def test_art77_reduction_amount_messages(people, typed, message):
    officer = people["canbo.a"]
    case_id = postponed_case(officer)
    assert reduce_refusal(officer, case_id, typed) == message
    assert case_row(case_id).reduced_total == 0


def test_the_payment_box_words_a_non_number_alike(people):
    officer = people["canbo.a"]
    case_id = received_case(officer, 1)
    with pytest.raises(ValidationFailed) as caught:
        step(officer, case_id, "payment", on=d(0), amount="abc")
    assert caught.value.errors["amount"] == "abc không phải số tiền hợp lệ."


def offered(actor, case_id: int) -> set[str]:
    return {s["code"] for s in allowed_steps(actor, case_id)}


def test_art73_no_coercion_result_once_everything_is_paid(people, lead):  # noqa: F811
    """Coerced, then the fine and its interest paid in full, no remedial
    measure: the result is not offered and the service refuses it."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    step(lead, case_id, "coerce", code="account", on=d(0), document="1/QĐ-CC")
    assert "coercion_done" in offered(officer, case_id)
    # 20 days late × 0,05 % of 3.500.000 (Art. 78 k1).
    step(officer, case_id, "payment", on=d(0), amount="3.500.000",
         surcharge="35.000")
    assert case_row(case_id).status == "coercing"
    assert "coercion_done" not in offered(officer, case_id)
    assert "close_executed" in offered(officer, case_id)
    with pytest.raises(Conflict) as caught:
        step(officer, case_id, "coercion_done", on=d(0), note="Đã thu")
    assert "Không còn gì phải cưỡng chế" in caught.value.message
    assert "Kết thúc: đã chấp hành xong" in caught.value.message


def test_art78_interest_left_keeps_the_coercion_result(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    step(lead, case_id, "coerce", code="account", on=d(0), document="1/QĐ-CC")
    step(officer, case_id, "payment", on=d(0), amount="3.500.000")
    assert "coercion_done" in offered(officer, case_id)


def test_art86_remedial_measure_left_keeps_the_coercion_result(
    people, lead  # noqa: F811
):
    officer = people["canbo.a"]
    case_id = decided_case(officer, FAMILY_SMALL, 30, remedial_measures=MEASURE)
    step(officer, case_id, "receipt", on=d(30))
    step(lead, case_id, "coerce", code="remedial", on=d(0), document="2/QĐ-CC")
    step(officer, case_id, "payment", on=d(0), amount="3.500.000",
         surcharge="35.000")
    assert "coercion_done" in offered(officer, case_id)
    step(officer, case_id, "coercion_done", on=d(0), note="Đã cưỡng chế tháo dỡ")
    assert "coercion_done" not in offered(officer, case_id)
