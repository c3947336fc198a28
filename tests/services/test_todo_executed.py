"""«Việc cần làm» reminds the officer of a decision executed in full whose
case is still open (Luật XLVPHC Điều 73 k2; user trial: a case paid in full,
its measure done, stayed «Đang thi hành» and nothing said «Kết thúc: đã
chấp hành xong» was still to be recorded). The row is dated on the last
step that carried the decision out, links to the case, comes after every
deadline and is never counted overdue nor in the menu's badge."""

from datetime import date, timedelta

from tests.services.test_closing_after_execution import interest_owed, money
from tests.services.test_overdue_after_plan import MEASURE, rows_of
from tests.services.test_procedure import (
    TODAY,
    case_row,
    d,
    decided_case,
    received_case,
    step,
)
from xlvphc.services.procedure.todo import KINDS, todo_count, todo_page

LABEL = "Đã chấp hành xong – cần ghi kết thúc hồ sơ (Điều 73)"


def test_paid_in_full_and_measure_done_waits_to_be_closed(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, days_ago=5, remedial_measures=MEASURE)
    step(officer, case_id, "receipt", on=d(5))
    step(officer, case_id, "payment", on=d(4), amount="3.500.000")
    # The measure still owed: not executed, its own deadline listed.
    assert case_row(case_id).executed_on is None
    assert set(rows_of(officer, case_id)) == {"compliance"}
    before = todo_page(officer)
    badge = todo_count(officer)

    step(officer, case_id, "remedial_done", on=d(2), note="Đã tháo dỡ xong")
    assert case_row(case_id).executed_on == d_day(2)
    rows = rows_of(officer, case_id)
    assert set(rows) == {"executed"}
    row = rows["executed"]
    assert row["label"] == LABEL == KINDS["executed"]
    assert (row["due"], row["days_left"], row["when"], row["tone"]) == (
        d(2), -2, "Xong 2 ngày trước", "green",
    )
    # Its link: the case's record number opens it (case_links).
    assert row["record_number"] == case_row(case_id).record_number
    assert row["case_id"] == case_id
    # Listed, yet not overdue nor in the badge: nothing is late.
    page = todo_page(officer)
    assert page["total"] == before["total"]  # the compliance row gave way
    assert page["overdue"] == before["overdue"]
    assert todo_count(officer) == badge == 0  # the compliance was 5 days off
    assert todo_page(officer, "executed")["rows"] == [row]

    step(officer, case_id, "close_executed", on=d(0))
    assert case_row(case_id).executed_on is None
    assert rows_of(officer, case_id) == {}


def test_interest_owed_and_a_warning_are_not_executed(people):
    officer = people["canbo.a"]
    # The fine paid late, its interest not yet: not executed.
    late = received_case(officer, 30)
    step(officer, late, "payment", on=d(6), amount="3.500.000")
    assert case_row(late).executed_on is None
    assert "executed" not in rows_of(officer, late)
    interest = interest_owed(late, 1)
    step(officer, late, "payment", on=d(1), surcharge=money(interest))
    assert case_row(late).executed_on == d_day(1)
    # A case nothing was recorded for is not "executed": nothing says so.
    fresh = received_case(officer, 1)
    assert case_row(fresh).executed_on is None


def test_the_executed_rows_come_after_every_deadline(people):
    officer = people["canbo.a"]
    done = received_case(officer, 40)
    step(officer, done, "payment", on=d(35), amount="3.500.000")
    # An overdue deadline of a later day still comes first.
    owing = received_case(officer, 20)
    rows = [(r["case_id"], r["kind"]) for r in todo_page(officer)["rows"]]
    assert rows.index((owing, "coercion")) < rows.index((done, "executed"))
    assert rows[-1] == (done, "executed")


def d_day(days_ago: int) -> date:
    return TODAY - timedelta(days=days_ago)


def test_the_guide_names_the_row_in_its_section():
    from xlvphc.pages.guide import GUIDE_FILE, sections

    _, found = sections(GUIDE_FILE.read_text(encoding="utf-8"))
    body = {s.title: s.body for s in found}["Việc cần làm"]
    assert "«Đã chấp hành xong – cần ghi kết thúc hồ sơ»" in body
    assert KINDS["executed"].startswith("Đã chấp hành xong – cần ghi kết thúc")
    assert "Kết thúc: đã chấp hành xong" in body
