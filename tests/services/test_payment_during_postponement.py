"""A part payment while the fine is postponed (Luật XLVPHC Điều 76, MQĐ03
«đến ngày») keeps the stage «Hoãn thi hành» and the postponement's end as
the fine's deadline, with the late-payment interest (Điều 78 k1) from the
day after it (user trial: the case went «Đang thi hành», and the list, the
Excel export and «Quá hạn chấp hành» read the wrong stage and deadline).
Paid in full, the case goes on as usual: «Đang thi hành», a remedial
measure still owed keeping the decision's own deadline (Điều 73, 85)."""

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from tests.services.test_compliance_deadline_shown import deadline_shown
from tests.services.test_late_payment_interest import summary
from tests.services.test_overdue_after_plan import MEASURE, rows_of
from tests.services.test_overdue_after_postponement import (
    assert_all_agree,
    postponed,
)
from tests.services.test_procedure import TODAY, case_row, d, step
from xlvphc.models.cases import CaseStatus
from xlvphc.services import case_queries, export
from xlvphc.services.errors import Conflict
from xlvphc.services.procedure.coercion import coercion_refusal
from xlvphc.services.procedure.todo import EXPIRED, KINDS, REMEDY

POSTPONED_LABEL = CaseStatus.LABELS[CaseStatus.POSTPONED]


def shown_status(officer, case_id: int) -> tuple[str, str]:
    """The stage as the list and the Excel export show it."""
    record = case_row(case_id).record_number
    rows = case_queries.list_cases(officer, {"q": record}, 1)["rows"]
    listed = {r["id"]: r["status"] for r in rows}[case_id]
    _, data = export.export_cases(officer, {"q": record})
    sheet = load_workbook(io.BytesIO(data)).active
    exported = {
        row[0]: row[9] for row in sheet.iter_rows(min_row=5, values_only=True)
    }[record]
    return listed, exported


def test_a_part_payment_keeps_the_postponement(people):
    officer, supervisor = people["canbo.a"], people["giamsat"]
    # (a) The postponement ends in 20 days; (b) it ended 10 days ago.
    running = postponed(officer, 30, on=25, until=-20)
    ended = postponed(officer, 60, on=55, until=10)
    step(officer, running, "payment", on=d(0), amount="1.000.000")
    step(officer, ended, "payment", on=d(0), amount="1.000.000")

    for case_id, end in ((running, -20), (ended, 10)):
        row = case_row(case_id)
        assert row.status == CaseStatus.POSTPONED
        assert row.paid_total == 1_000_000
        assert row.compliance_due == row.postponed_until == row.late_after
        assert row.late_after == TODAY - timedelta(days=end)
        assert row.payment_due is None
        assert shown_status(officer, case_id) == (POSTPONED_LABEL, POSTPONED_LABEL)
        assert deadline_shown(officer, case_id).startswith(
            f"{d(end)} – hết thời gian hoãn"
        )
    # The postponement that still runs: not late, no interest, no coercion
    # of the fine before its end.
    assert rows_of(officer, running) == {}
    assert summary(officer, running)["Tiền chậm nộp"].startswith("0 đồng")
    refused = coercion_refusal(case_row(running), TODAY)
    assert f"hoãn thi hành đến hết ngày {d(-20)}" in refused
    # The ended one: late from the day after its end, the interest too:
    # 1.000.000 paid 10 days late (5.000, fixed) and 2.500.000 still
    # unpaid for 10 days (12.500).
    rows = rows_of(officer, ended)
    assert set(rows) == {"postponement"}
    assert rows["postponement"]["label"] == EXPIRED["postponement"]
    assert rows["postponement"]["days_left"] == -10
    assert case_row(ended).surcharge_total == 5_000
    assert summary(officer, ended)["Tiền chậm nộp"].startswith("17.500 đồng")
    assert_all_agree(officer, supervisor, {ended}, running=2)

    # The rest paid: «Đang thi hành», nothing postponed, only the interest
    # owed (the ended one), as of its postponement's end.
    step(officer, running, "payment", on=d(0), amount="2.500.000")
    step(officer, ended, "payment", on=d(0), amount="2.500.000")
    for case_id in (running, ended):
        row = case_row(case_id)
        assert (row.status, row.postponed_until) == (CaseStatus.EXECUTING, None)
        assert shown_status(officer, case_id)[0] == "Đang thi hành"
    assert case_row(running).late_after is None
    assert case_row(ended).late_after == TODAY - timedelta(days=10)
    assert case_row(ended).surcharge_total == 17_500


def test_paid_in_full_the_measure_keeps_its_own_deadline(people):
    officer, supervisor = people["canbo.a"], people["giamsat"]
    # The measure was due 10 days ago; the fine is postponed 30 days more.
    case_id = postponed(officer, 20, on=15, until=-30, measure=MEASURE)
    step(officer, case_id, "payment", on=d(0), amount="1.000.000")
    row = case_row(case_id)
    assert row.status == CaseStatus.POSTPONED
    assert (row.postponed_until, row.payment_due, row.late_after) == (
        TODAY + timedelta(days=30), TODAY - timedelta(days=10),
        TODAY - timedelta(days=10),
    )

    step(officer, case_id, "payment", on=d(0), amount="2.500.000")
    row = case_row(case_id)
    assert (row.status, row.postponed_until) == (CaseStatus.EXECUTING, None)
    assert row.payment_due == row.late_after == TODAY - timedelta(days=10)
    rows = rows_of(officer, case_id)
    assert set(rows) == {"coercion"}
    assert rows["coercion"]["label"] == f"{KINDS['coercion']} – {REMEDY}"
    assert deadline_shown(officer, case_id).startswith(d(10))
    assert_all_agree(officer, supervisor, {case_id}, running=1)
    # Not executed yet: the measure is owed.
    with pytest.raises(Conflict) as refused:
        step(officer, case_id, "close_executed", on=d(0))
    assert "biện pháp khắc phục" in str(refused.value)
