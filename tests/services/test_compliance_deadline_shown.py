"""«Hạn chấp hành» on the case page of an open case (user trial: a case paid
in full, not yet closed, still showed a running deadline). The deadline
(Luật XLVPHC Điều 73) is for paying the fine and its late-payment interest
(Điều 78) and for carrying out the remedial measures (Điều 28, 85): it is
shown while one of them is still owed, and no longer once none is."""

from datetime import timedelta

from tests.services.test_procedure import (
    TODAY,
    case_row,
    d,
    decided_case,
    received_case,
    step,
)
from xlvphc.services.procedure import case_procedure

NO_DEADLINE = "Không còn áp dụng"
MEASURE = "Buộc tháo dỡ công trình xây dựng không phép"


def deadline_shown(actor, case_id: int) -> str:
    rows = case_procedure(actor, case_id)["summary"]
    return {row["label"]: row["value"] for row in rows}["Hạn chấp hành"]


def test_paid_in_full_shows_no_running_deadline(people):
    officer = people["canbo.a"]
    case_id = received_case(officer, 2)
    assert deadline_shown(officer, case_id) == d(-8)

    step(officer, case_id, "payment", on=d(0), amount="1.000.000")
    assert deadline_shown(officer, case_id) == d(-8)  # 2.500.000 still owed

    step(officer, case_id, "payment", on=d(0), amount="2.500.000")
    shown = deadline_shown(officer, case_id)
    assert shown.startswith(NO_DEADLINE) and d(-8) not in shown


def test_late_payment_interest_unpaid_keeps_the_deadline(people):
    """Paid after the deadline: the interest (Art. 78 k1) is still to pay."""
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    step(officer, case_id, "payment", on=d(0), amount="3.500.000")
    assert deadline_shown(officer, case_id) == d(20)


def test_a_remedial_measure_still_to_do_keeps_the_deadline(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=2, remedial_measures=MEASURE)
    step(officer, case_id, "receipt", on=d(2))
    step(officer, case_id, "payment", on=d(0), amount="3.500.000")
    shown = deadline_shown(officer, case_id)
    assert shown == f"{d(-8)} – thực hiện biện pháp khắc phục hậu quả (Điều 73, 85)"

    step(officer, case_id, "remedial_done", on=d(0), note="Đã tháo dỡ xong")
    assert deadline_shown(officer, case_id).startswith(NO_DEADLINE)


def test_a_paid_plan_leaves_the_remedial_measure_its_own_deadline(people):
    """User trial: every instalment paid (Art. 79), a remedial measure still
    to do, and «Hạn chấp hành» still gave the 2nd instalment's date. The plan
    was for the fine: the measure keeps the decision's period from receipt
    (Art. 73 k1), on the case page and in "Việc cần làm" alike."""
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=3, remedial_measures=MEASURE)
    step(officer, case_id, "receipt", on=d(3))
    step(
        officer,
        case_id,
        "instalments",
        on=d(0),
        document="1/QĐ-NPNL",
        hardship="1",
        certifier="UBND phường Tuy Hòa",
        conditions_checked="1",
        amount_1="1.400.000",
        due_1=d(-10),
        amount_2="2.100.000",
        due_2=d(-60),
    )
    step(officer, case_id, "payment", on=d(0), amount="1.400.000")
    assert deadline_shown(officer, case_id).startswith(d(-60))  # lần 2
    step(officer, case_id, "payment", on=d(0), amount="2.100.000")

    shown = deadline_shown(officer, case_id)
    assert d(-60) not in shown
    assert shown.startswith(d(-7)) and "biện pháp khắc phục hậu quả" in shown
    row = case_row(case_id)
    assert (row.payment_due, row.instalment_due) == (TODAY + timedelta(days=7), None)

    step(officer, case_id, "remedial_done", on=d(0), note="Đã tháo dỡ xong")
    assert deadline_shown(officer, case_id).startswith(NO_DEADLINE)
    assert case_row(case_id).payment_due is None
