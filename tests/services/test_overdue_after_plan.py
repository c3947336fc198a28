"""An instalment plan (Luật XLVPHC Điều 79) is for the fine alone: a
remedial measure still to be carried out keeps the decision's own deadline
(Điều 73, 85), during the plan as after it. «Quá hạn chấp hành» follows the
earliest deadline still running for what is owed (Case.late_after), not
the plan's dates (compliance_due): the dashboard's bar and unit figures,
the list it opens, the summary the triggers keep and "Việc cần làm" agree
on every such decision (user trial: a paid plan with the measure past its
deadline was not counted late). Run on PostgreSQL too
(XLVPHC_TEST_DB_URL)."""

from datetime import timedelta

from tests.services.test_compliance_deadline_shown import deadline_shown
from tests.services.test_dashboard_summary import rebuilt_rows, summary_rows
from tests.services.test_overdue_owes_something import (
    bar_count,
    listed,
    overdue_todo,
    summary_late,
)
from tests.services.test_procedure import TODAY, case_row, d, decided_case, step
from xlvphc.services import dashboard, enforcement
from xlvphc.services.procedure.todo import KINDS, REMEDY, todo_list

MEASURE = "Buộc tháo dỡ công trình xây dựng không phép"
PLAN = {
    "hardship": "1",
    "certifier": "UBND phường Tuy Hòa",
    "conditions_checked": "1",
    "amount_1": "1.400.000",
    "amount_2": "2.100.000",
}


def planned(officer, days_ago: int, first: int, second: int, days: int = 10) -> int:
    """3.500.000 đồng and a remedial measure, decided and received
    `days_ago` days ago with `days` to comply (the measure's deadline), then
    a plan of two instalments due `first` and `second` days ago (negative:
    still to come)."""
    case_id = decided_case(
        officer, days_ago=days_ago, remedial_measures=MEASURE, payment_days=str(days)
    )
    step(officer, case_id, "receipt", on=d(days_ago))
    # A plan's number is the unit's to give once (1/QĐ-NPNL, 2/QĐ-NPNL …).
    step(officer, case_id, "instalments", on=d(days_ago - 1), due_1=d(first),
         due_2=d(second), document=f"{case_id}/QĐ-NPNL", **PLAN)
    return case_id


def assert_all_agree(officer, supervisor, late: set[int], running: int) -> None:
    """Bar, unit figures, the bar's link, list filters and "Việc cần làm"
    give exactly the cases of `late`; the summary keeps `running` decisions
    that could be late (a deadline running, passed or not), and equals a
    rebuild from the cases."""
    view = dashboard.summary(supervisor)
    assert bar_count(supervisor) == len(late)
    assert sum(u["overdue"] for u in view["units"]) == len(late)
    assert listed(supervisor, enforcement=enforcement.OVERDUE) == late
    assert listed(officer, overdue="1") == late
    assert summary_late() == running
    assert summary_rows() == rebuilt_rows()
    assert overdue_todo(officer) == late


def rows_of(officer, case_id: int) -> dict[str, dict]:
    return {r["kind"]: r for r in todo_list(officer) if r["case_id"] == case_id}


def test_a_paid_plan_is_late_by_the_measures_own_deadline(people):
    officer, supervisor = people["canbo.a"], people["giamsat"]

    # (a) Paid in full; the measure's deadline (30 days ago) has passed,
    # the last instalment's (in 20 days) not: late.
    late = planned(officer, 40, first=30, second=-20)
    step(officer, late, "payment", on=d(35), amount="1.400.000")
    step(officer, late, "payment", on=d(34), amount="2.100.000")
    # (b) Paid in full; the last instalment's day has passed, the measure
    # has 30 days from receipt, 25 still to come: not late.
    ahead = planned(officer, 5, first=3, second=1, days=30)
    step(officer, ahead, "payment", on=d(3), amount="1.400.000")
    step(officer, ahead, "payment", on=d(1), amount="2.100.000")

    rows = {i: case_row(i) for i in (late, ahead)}
    # compliance_due keeps the plan's last date; late_after the measure's.
    assert rows[late].compliance_due == TODAY + timedelta(days=20)
    assert rows[late].late_after == TODAY - timedelta(days=30)
    assert rows[ahead].compliance_due == TODAY - timedelta(days=1)
    assert rows[ahead].late_after == TODAY + timedelta(days=25)
    # The case page gives the same deadlines.
    assert deadline_shown(officer, late).startswith(d(30))
    assert deadline_shown(officer, ahead).startswith(d(-25))

    assert_all_agree(officer, supervisor, {late}, running=2)
    bars = {b["code"]: b["count"] for b in dashboard.summary(supervisor)["enforcement"]}
    assert bars[enforcement.IN_PROGRESS] == 1  # (b), still to carry it out
    # Its deadline is more than a week off: not in "Việc cần làm" yet.
    assert rows_of(officer, ahead) == {}

    # Carrying the measure out leaves nothing owed, nothing late.
    step(officer, late, "remedial_done", on=d(0), note="Đã tháo dỡ xong")
    assert case_row(late).late_after is None
    assert_all_agree(officer, supervisor, set(), running=1)


def test_while_instalments_run_the_measures_deadline_is_listed(people):
    """"Việc cần làm" lists the measure's deadline beside the instalments
    (it may come before the plan ends), and the dashboard counts the
    decision late once it passed, though no instalment is."""
    officer, supervisor = people["canbo.a"], people["giamsat"]

    # (c) The measure was due 10 days ago; the 1st instalment was paid in
    # time, the 2nd is due in 5 days.
    passed = planned(officer, 20, first=12, second=-5)
    step(officer, passed, "payment", on=d(13), amount="1.400.000")
    # (d) The measure is due in 6 days, the 1st instalment in 5.
    soon = planned(officer, 4, first=-5, second=-40)

    rows = rows_of(officer, passed)
    assert set(rows) == {"coercion", "instalment"}
    assert rows["coercion"]["days_left"] == -10
    assert rows["coercion"]["label"] == f"{KINDS['coercion']} – {REMEDY}"
    assert (rows["instalment"]["days_left"], rows["instalment"]["label"]) == (
        5, f"{KINDS['instalment']} – lần 2"
    )
    rows = rows_of(officer, soon)
    assert {k: r["days_left"] for k, r in rows.items()} == {
        "compliance": 6, "instalment": 5,
    }
    assert rows["compliance"]["label"] == f"{KINDS['compliance']} – {REMEDY}"
    # The case page names the fine's next instalment while the plan runs,
    # and the measure's own deadline beside it.
    assert deadline_shown(officer, passed) == (
        f"{d(-5)} – hạn nộp lần 2 (Điều 79); {d(10)} – thực hiện biện pháp "
        "khắc phục hậu quả"
    )

    assert_all_agree(officer, supervisor, {passed}, running=2)

    # The measure carried out: the plan's own deadline again, 5 days off.
    step(officer, passed, "remedial_done", on=d(0), note="Đã tháo dỡ xong")
    assert set(rows_of(officer, passed)) == {"instalment"}
    assert case_row(passed).late_after == TODAY + timedelta(days=5)
    assert_all_agree(officer, supervisor, set(), running=2)
