"""Closing as fully executed (Luật XLVPHC Điều 73 k2) cannot be dated before
the last step that carried the decision out (user trial: closed on 25/11
after the fine paid on 27/11 and its interest on 01/12)."""

from datetime import timedelta

import pytest

from tests.services.test_procedure import (
    TODAY,
    case_row,
    d,
    decided_case,
    received_case,
    step,
)
from xlvphc.models import Case
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.procedure.late_interest import owed


def money(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def interest_owed(case_id: int, days_ago: int) -> int:
    """The late-payment interest owed `days_ago` days ago (Art. 78 k1)."""
    with session_scope() as session:
        case = session.get(Case, case_id)
        return owed(session, case, TODAY - timedelta(days=days_ago)).interest


def close_refused(officer, case_id: int, days_ago: int) -> str:
    with pytest.raises(ValidationFailed) as caught:
        step(officer, case_id, "close_executed", on=d(days_ago))
    assert case_row(case_id).status != "closed"
    return caught.value.errors["on"]


def test_closing_before_the_last_payment_is_refused(people):
    """The trial's order: the fine, then its interest, then a closing dated
    before both."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    step(officer, case_id, "payment", on=d(6), amount="3.500.000")
    interest = interest_owed(case_id, 2)
    assert interest > 0
    step(officer, case_id, "payment", on=d(2), surcharge=money(interest))

    for days_ago in (10, 3):
        message = close_refused(officer, case_id, days_ago)
        assert d(2) in message and "«Ghi nhận nộp tiền phạt»" in message
        assert "Điều 73" in message

    step(officer, case_id, "close_executed", on=d(2))
    case = case_row(case_id)
    assert (case.status, case.close_reason) == ("closed", "executed")
    assert case.closed_on.strftime("%d/%m/%Y") == d(2)


def test_closing_waits_for_the_remedial_measure_carried_out(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=5, remedial_measures="Buộc tháo dỡ")
    step(officer, case_id, "receipt", on=d(5))
    step(officer, case_id, "payment", on=d(4), amount="3.500.000")
    step(officer, case_id, "remedial_done", on=d(1), note="Đã tháo dỡ xong")

    message = close_refused(officer, case_id, 2)
    assert d(1) in message and "biện pháp khắc phục" in message
    step(officer, case_id, "close_executed", on=d(0))
    assert case_row(case_id).close_reason == "executed"
