"""«Quá hạn chấp hành» counts a decision past its compliance deadline only
while it still owes something: the fine (less reductions and exemptions),
the late-payment interest fixed on it (Luật XLVPHC Điều 78 k1) or a
remedial measure not yet carried out (Điều 28, 85). A decision paid in full
that nobody has closed yet is no longer late (user trial: the bar counted
it while the case page said its deadline no longer applied).

The dashboard's bar, the list it opens, the summary the triggers keep and
"Việc cần làm" must agree on every such decision. Run on PostgreSQL too
(XLVPHC_TEST_DB_URL)."""

from sqlalchemy import func, select

from tests.services.test_compliance_deadline_shown import NO_DEADLINE, deadline_shown
from tests.services.test_dashboard_summary import rebuilt_rows, summary_rows
from tests.services.test_procedure import d, decided_case, step
from xlvphc.models import Case, CaseSummary
from xlvphc.models.summary import PROVINCE
from xlvphc.services import case_queries, dashboard, enforcement
from xlvphc.services.db import get_engine, session_scope
from xlvphc.services.procedure.todo import todo_list

MEASURE = "Buộc tháo dỡ công trình xây dựng không phép"
RELIEF = {"certifier": "UBND phường", "document": "1/QĐ-MTP"}


def received_long_ago(officer, **decision) -> int:
    """FAMILY_SMALL (3.500.000 đồng), received 30 days ago: its compliance
    deadline (10 days) passed 20 days ago."""
    case_id = decided_case(officer, days_ago=31, **decision)
    step(officer, case_id, "receipt", on=d(30))
    return case_id


def bar_count(actor) -> int:
    bars = dashboard.summary(actor)["enforcement"]
    return next(b["count"] for b in bars if b["code"] == enforcement.OVERDUE)


def listed(actor, **filters) -> set[int]:
    found = case_queries.list_cases(actor, filters)
    assert found["total"] == len(found["rows"])
    return {row["id"] for row in found["rows"]}


def summary_late() -> int:
    """The summary's count of decisions that could be late (the province's
    year rows, kept by the triggers): all of this test's deadlines passed."""
    t = CaseSummary.__table__.c
    with get_engine().connect() as conn:
        return conn.execute(
            select(func.coalesce(func.sum(t.late), 0)).where(
                t.unit_id == PROVINCE, t.period.between(1, 9999)
            )
        ).scalar()


def overdue_todo(actor) -> set[int]:
    """Cases "Việc cần làm" lists as past their compliance deadline."""
    return {
        r["case_id"]
        for r in todo_list(actor)
        if r["kind"] in {"coercion", "coercing", "instalment"} and r["days_left"] < 0
    }


def assert_all_agree(officer, supervisor, late: set[int]) -> None:
    """Bar, unit figure, bar's link, list filters, summary and to-do list
    count exactly the cases of `late`, and the summary equals a rebuild."""
    assert bar_count(supervisor) == len(late)
    units = dashboard.summary(supervisor)["units"]
    assert sum(u["overdue"] for u in units) == len(late)
    link = next(
        b["link"]
        for b in dashboard.summary(supervisor)["enforcement"]
        if b["code"] == enforcement.OVERDUE
    )
    assert "enforcement=overdue" in link
    assert listed(supervisor, enforcement=enforcement.OVERDUE) == late
    assert listed(officer, overdue="1") == late
    assert summary_late() == len(late)
    assert summary_rows() == rebuilt_rows()
    assert overdue_todo(officer) == late


def test_only_decisions_owing_something_are_overdue(people):
    officer, supervisor = people["canbo.a"], people["giamsat"]

    # (a) paid in full before the deadline, not closed.
    paid = received_long_ago(officer)
    step(officer, paid, "payment", on=d(25), amount="3.500.000")
    # (a') exempted from the whole fine (Art. 77) before the deadline.
    relieved = received_long_ago(officer)
    step(officer, relieved, "reduce", code="exempt_all", on=d(25), **RELIEF)
    # (b) the fine paid late: the interest fixed on it is still unpaid.
    interest = received_long_ago(officer)
    step(officer, interest, "payment", on=d(0), amount="3.500.000")
    # (c) paid in time, the remedial measure not yet carried out.
    remedial = received_long_ago(officer, remedial_measures=MEASURE)
    step(officer, remedial, "payment", on=d(25), amount="3.500.000")
    # (d) nothing paid.
    unpaid = received_long_ago(officer)

    with session_scope() as session:
        rows = {i: session.get(Case, i) for i in (paid, relieved, interest, remedial)}
        assert rows[interest].surcharge_total > rows[interest].surcharge_paid == 0
        assert [rows[i].remedial_pending for i in (paid, remedial)] == [False, True]
    for case_id in (paid, relieved):
        # The case page agrees: nothing left for the deadline to run for.
        assert deadline_shown(officer, case_id).startswith(NO_DEADLINE)
    assert_all_agree(officer, supervisor, {interest, remedial, unpaid})
    # Neither overdue nor executed: still in progress until closed.
    bars = {b["code"]: b["count"] for b in dashboard.summary(supervisor)["enforcement"]}
    assert bars[enforcement.IN_PROGRESS] == 2
    assert listed(supervisor, enforcement=enforcement.IN_PROGRESS) == {paid, relieved}

    # Paying the interest (only surcharge_paid changes) ends (b) …
    owed = rows[interest].surcharge_total - rows[interest].surcharge_paid
    step(officer, interest, "payment", on=d(0), amount="0",
         surcharge=f"{owed:,}".replace(",", "."))
    assert_all_agree(officer, supervisor, {remedial, unpaid})
    # … carrying out the measure (only remedial_pending changes) ends (c) …
    step(officer, remedial, "remedial_done", on=d(0), note="Đã tháo dỡ xong")
    assert case_row_pending(remedial) is False
    assert_all_agree(officer, supervisor, {unpaid})
    # … and closing leaves the counts as they were.
    step(officer, paid, "close_executed", on=d(0))
    assert_all_agree(officer, supervisor, {unpaid})


def test_a_remedial_measure_alone_is_listed_before_and_after_its_deadline(people):
    """"Việc cần làm" shows the compliance deadline of a decision whose fine
    is paid but whose remedial measure is still to do (Art. 73, 85), and
    past it the coercion row (MQĐ11), as the bar counts it."""
    officer = people["canbo.a"]
    soon = decided_case(officer, days_ago=5, remedial_measures=MEASURE)
    step(officer, soon, "receipt", on=d(5))
    step(officer, soon, "payment", on=d(0), amount="3.500.000")
    rows = {r["kind"] for r in todo_list(officer) if r["case_id"] == soon}
    assert rows == {"compliance"}

    late = received_long_ago(officer, remedial_measures=MEASURE)
    step(officer, late, "payment", on=d(25), amount="3.500.000")
    rows = {r["kind"] for r in todo_list(officer) if r["case_id"] == late}
    assert rows == {"coercion"}

    step(officer, late, "remedial_done", on=d(0), note="Đã tháo dỡ xong")
    # Only the closing left to record (todo.TO_CLOSE).
    rows = {r["kind"] for r in todo_list(officer) if r["case_id"] == late}
    assert rows == {"executed"}


def case_row_pending(case_id: int) -> bool:
    with session_scope() as session:
        return session.get(Case, case_id).remedial_pending
