"""A postponement (Luật XLVPHC Điều 76, form MQĐ03) is of the fine alone and
for its period only: the fine's deadline is the «đến ngày» of the period
(that day still postponed), a remedial measure keeps the decision's own
deadline (Điều 73, 85). «Quá hạn chấp hành» follows the earliest of them
(Case.late_after): the dashboard's bar and unit figures, the list it opens,
the summary the triggers keep and "Việc cần làm" agree (user trial: a
postponement ended long ago, unpaid, was never counted late, and the
measure's deadline was not listed while the fine was postponed). The
late-payment interest (Điều 78 k1) runs from the day after the «đến ngày».
Run on PostgreSQL too (XLVPHC_TEST_DB_URL)."""

from datetime import timedelta

from tests.services.test_compliance_deadline_shown import deadline_shown
from tests.services.test_dashboard_summary import rebuilt_rows, summary_rows
from tests.services.test_late_payment_interest import summary
from tests.services.test_overdue_after_plan import MEASURE, rows_of
from tests.services.test_overdue_owes_something import (
    bar_count,
    listed,
    summary_late,
)
from tests.services.test_procedure import TODAY, case_row, d, decided_case, step
from xlvphc.models.cases import CaseStatus
from xlvphc.services import dashboard, enforcement
from xlvphc.services.procedure.todo import EXPIRED, KINDS, REMEDY, todo_list

# 3.500.000 đồng (FAMILY_SMALL's middle): above Điều 76's floor.
RELIEF = {"certifier": "UBND phường Tuy Hòa", "hardship": "1"}


def postponed(officer, days_ago: int, on: int, until: int, measure: str = "",
              days: int = 10) -> int:
    """Decided and received `days_ago` days ago with `days` to comply (and
    `measure`, if any), then postponed on `on` until `until` (days ago;
    negative: to come)."""
    case_id = decided_case(
        officer, days_ago=days_ago, remedial_measures=measure, payment_days=str(days)
    )
    step(officer, case_id, "receipt", on=d(days_ago))
    step(officer, case_id, "postpone", on=d(on), until=d(until),
         document=f"{case_id}/QĐ-HQĐPT", **RELIEF)
    assert case_row(case_id).status == CaseStatus.POSTPONED
    return case_id


def overdue_todo(actor) -> set[int]:
    """Cases "Việc cần làm" lists as past a deadline of the decision: the
    compliance (coercion) rows, and the postponement's end."""
    return {
        r["case_id"]
        for r in todo_list(actor)
        if r["kind"] in {"coercion", "coercing", "instalment", "postponement"}
        and r["days_left"] < 0
    }


def assert_all_agree(officer, supervisor, late: set[int], running: int) -> None:
    view = dashboard.summary(supervisor)
    assert bar_count(supervisor) == len(late)
    assert sum(u["overdue"] for u in view["units"]) == len(late)
    assert listed(supervisor, enforcement=enforcement.OVERDUE) == late
    assert listed(officer, overdue="1") == late
    assert summary_late() == running
    assert summary_rows() == rebuilt_rows()
    assert overdue_todo(officer) == late


def test_a_postponed_fine_is_late_from_the_day_after_its_end(people):
    officer, supervisor = people["canbo.a"], people["giamsat"]
    # (a) The postponement ended 10 days ago, nothing paid: late.
    ended = postponed(officer, 60, on=55, until=10)
    # (b) It ends today: the «đến ngày» is still postponed, not late.
    today = postponed(officer, 30, on=25, until=0)
    # (c) It ends in 20 days: not late.
    ahead = postponed(officer, 30, on=25, until=-20)

    assert case_row(ended).late_after == TODAY - timedelta(days=10)
    assert case_row(today).late_after == TODAY
    assert case_row(ahead).late_after == TODAY + timedelta(days=20)
    assert_all_agree(officer, supervisor, {ended}, running=3)
    bars = {b["code"]: b["count"] for b in dashboard.summary(supervisor)["enforcement"]}
    assert bars[enforcement.POSTPONED] == 3

    # "Việc cần làm": the end passed says the fine is now late; today's is
    # due today; the one 20 days off is not listed yet.
    rows = rows_of(officer, ended)
    assert set(rows) == {"postponement"}
    assert rows["postponement"]["days_left"] == -10
    assert rows["postponement"]["label"] == EXPIRED["postponement"]
    assert rows["postponement"]["due"] == d(10)
    rows = rows_of(officer, today)
    assert rows["postponement"]["days_left"] == 0
    assert rows["postponement"]["label"] == KINDS["postponement"]
    assert rows_of(officer, ahead) == {}

    # Interest from the day after the end: 10 days at 0,05 % a day.
    assert summary(officer, ended)["Tiền chậm nộp"].startswith("17.500 đồng")
    assert summary(officer, today)["Tiền chậm nộp"].startswith("0 đồng")

    # Paid in full (with its interest): nothing owed, nothing late.
    step(officer, ended, "payment", on=d(0), amount="3.500.000",
         surcharge="17.500")
    assert_all_agree(officer, supervisor, set(), running=2)


def test_a_measure_keeps_its_deadline_while_the_fine_is_postponed(people):
    officer, supervisor = people["canbo.a"], people["giamsat"]
    # (d) The measure was due 10 days ago; the fine is postponed 30 days more.
    passed = postponed(officer, 20, on=15, until=-30, measure=MEASURE)
    # (e) The measure is due in 5 days, the postponement ends in 6.
    soon = postponed(officer, 5, on=4, until=-6, measure=MEASURE)

    row = case_row(passed)
    assert (row.compliance_due, row.late_after) == (
        TODAY + timedelta(days=30), TODAY - timedelta(days=10)
    )
    assert row.payment_due == TODAY - timedelta(days=10)
    rows = rows_of(officer, passed)
    assert set(rows) == {"coercion"}
    assert rows["coercion"]["days_left"] == -10
    assert rows["coercion"]["label"] == f"{KINDS['coercion']} – {REMEDY}"
    rows = rows_of(officer, soon)
    assert {k: r["days_left"] for k, r in rows.items()} == {
        "compliance": 5, "postponement": 6,
    }
    assert rows["compliance"]["label"] == f"{KINDS['compliance']} – {REMEDY}"
    assert rows["postponement"]["label"] == KINDS["postponement"]
    # The case page names both deadlines.
    assert deadline_shown(officer, passed) == (
        f"{d(-30)} – hết thời gian hoãn (Điều 76); {d(10)} – thực hiện biện "
        "pháp khắc phục hậu quả"
    )
    # No interest runs on the postponed fine for the measure's delay.
    assert summary(officer, passed)["Tiền chậm nộp"].startswith("0 đồng")
    assert_all_agree(officer, supervisor, {passed}, running=2)

    # The measure carried out: the postponement's end again, 30 days off.
    step(officer, passed, "remedial_done", on=d(0), note="Đã tháo dỡ xong")
    row = case_row(passed)
    assert (row.late_after, row.payment_due) == (TODAY + timedelta(days=30), None)
    assert set(rows_of(officer, passed)) == set()
    assert_all_agree(officer, supervisor, set(), running=2)


def test_interest_runs_from_the_postponements_end_not_the_old_deadline(people):
    """Điều 78 k1, NĐ 118/2021 Điều 20 k4: a postponement decided within the
    deadline (received 40 days ago: due 30 days ago; postponed 35 days ago
    until 4 days ago) fixes nothing and owes 4 days, not 30."""
    officer = people["canbo.a"]
    case_id = postponed(officer, 40, on=35, until=4)
    assert case_row(case_id).surcharge_total == 0
    # 3.500.000 × 4 × 0,05 % = 7.000
    assert summary(officer, case_id)["Tiền chậm nộp"].startswith("7.000 đồng")
    # Paying the day after the end owes one day, as the payment fixes it.
    other = postponed(officer, 40, on=35, until=1)
    step(officer, other, "payment", on=d(0), amount="3.500.000",
         surcharge="1.750")
    assert case_row(other).surcharge_total == 1_750
