"""Việc cần làm: deadlines of the user's cases, most urgent first."""

from tests.services.test_procedure import (
    FAMILY_SMALL,
    TRAFFIC,
    d,
    decided_case,
    new_case,
    received_case,
    step,
)
from xlvphc.services.procedure.todo import (
    PAGE_SIZE,
    todo_count,
    todo_list,
    todo_page,
)


def kinds(rows, case_id):
    return {r["kind"] for r in rows if r["case_id"] == case_id}


def test_each_kind_of_deadline_appears(people):
    officer = people["canbo.a"]
    recorded = new_case(officer, TRAFFIC, 1)
    old = new_case(officer, TRAFFIC, 350)
    unsent = decided_case(officer, FAMILY_SMALL, 1)
    overdue = received_case(officer, 30)
    instalments = decided_case(officer, FAMILY_SMALL, 1)
    step(
        officer,
        instalments,
        "instalments",
        on=d(0),
        document="1",
        hardship="1",
        certifier="UBND xã",
        conditions_checked="1",
        amount_1="1.400.000",
        due_1=d(-3),
        amount_2="2.100.000",
        due_2=d(-60),
    )
    rows = todo_list(officer)
    assert kinds(rows, recorded) == {"decision"}
    # Art. 6: under 30 days to the end of the 1-year limitation.
    assert kinds(rows, old) == {"decision", "limitation"}
    assert "send" in kinds(rows, unsent)
    assert kinds(rows, overdue) == {"coercion"}  # received: nothing to send
    assert "instalment" in kinds(rows, instalments)
    instalment = next(r for r in rows if r["kind"] == "instalment")
    assert instalment["when"] == "Còn 3 ngày" and instalment["tone"] == "orange"


def test_sorted_by_urgency_and_closed_cases_leave(people):
    officer = people["canbo.a"]
    overdue = received_case(officer, 30)
    new_case(officer, TRAFFIC, 0)
    rows = todo_list(officer)
    dues = [r["days_left"] for r in rows]
    assert dues == sorted(dues) and rows[0]["case_id"] == overdue
    assert rows[0]["when"].startswith("Quá hạn")
    step(
        officer,
        overdue,
        "reduce",
        code="exempt_all",
        on=d(0),
        certifier="UBND",
        document="1",
    )
    step(officer, overdue, "close_executed", on=d(0))
    assert overdue not in {r["case_id"] for r in todo_list(officer)}


def test_scope_and_filter(people):
    a, b = people["canbo.a"], people["canbo.b"]
    mine = received_case(a, 30)
    assert mine not in {r["case_id"] for r in todo_list(b)}
    assert mine in {r["case_id"] for r in todo_list(people["giamsat"])}
    only = todo_list(a, "coercion")
    assert only and {r["kind"] for r in only} == {"coercion"}
    assert todo_list(a, "<script>") == todo_list(a)
    assert todo_count(a) >= 1 and todo_count(b) == 0


def test_paid_case_has_no_payment_deadline(people):
    officer = people["canbo.a"]
    case_id = received_case(officer, 30)
    # 20 days late: the fine and its interest (Art. 78 k1) paid.
    step(officer, case_id, "payment", on=d(0), amount="3.500.000", surcharge="35.000")
    assert not kinds(todo_list(officer), case_id) & {"coercion", "compliance"}


def test_one_page_of_fifty_most_urgent_first(people):
    """The list is paged in SQL: page 1 holds the 50 most urgent deadlines,
    page 2 the rest; a page out of range is clamped."""
    officer = people["canbo.a"]
    made = [new_case(officer, TRAFFIC, i % 6) for i in range(53)]
    first = todo_page(officer, "decision", 1)
    assert (first["total"], first["pages"], len(first["rows"])) == (53, 2, PAGE_SIZE)
    second = todo_page(officer, "decision", 2)
    assert [r["kind"] for r in second["rows"]] == ["decision"] * 3
    together = first["rows"] + second["rows"]
    assert {r["case_id"] for r in together} == set(made)
    assert [r["days_left"] for r in together] == sorted(
        r["days_left"] for r in together
    )
    for wrong in (0, -1, "2", None, 10**9, True):
        assert todo_page(officer, "decision", wrong)["page"] in (1, 2)
    assert todo_page(officer, "decision", 10**9)["page"] == 2


def test_count_for_the_shell_is_overdue_or_due_within_three_days(
    people, monkeypatch
):
    """A record made today is due in 7 working days (not counted); an overdue
    payment is. The count stops at the cap."""
    from xlvphc.services.procedure import todo

    officer = people["canbo.a"]
    new_case(officer, TRAFFIC, 0)
    assert todo_count(officer) == 0
    received_case(officer, 30)
    received_case(officer, 40)
    assert todo_count(officer) == 2
    assert todo_count(people["canbo.b"]) == 0
    assert todo_count(people["quantri"]) == 0  # may not read cases
    monkeypatch.setattr(todo, "BADGE_CAP", 1)
    assert todo_count(officer) == 1


def test_instalment_row_names_the_instalment(people):
    officer = people["canbo.a"]
    case_id = decided_case(officer, FAMILY_SMALL, 1)
    step(
        officer,
        case_id,
        "instalments",
        on=d(0),
        document="1",
        hardship="1",
        certifier="UBND xã",
        conditions_checked="1",
        amount_1="1.400.000",
        due_1=d(-2),
        amount_2="2.100.000",
        due_2=d(-40),
    )
    rows = todo_list(officer, "instalment")
    assert [(r["case_id"], r["label"]) for r in rows] == [
        (case_id, "Hạn nộp tiền phạt theo lần (Điều 79) – lần 1")
    ]
    step(officer, case_id, "payment", on=d(0), amount="1.400.000")
    # The first is paid: the second is 40 days away, beyond the 7-day window.
    assert todo_list(officer, "instalment") == []


def test_a_limitation_already_past_says_so(people):
    """Law Art. 6: past the one year nothing can be decided any more; the row
    must not still read "about to expire"."""
    officer = people["canbo.a"]
    soon = new_case(officer, TRAFFIC, 350)
    past = new_case(officer, TRAFFIC, 370)

    rows = {r["case_id"]: r for r in todo_list(officer) if r["kind"] == "limitation"}

    assert rows[soon]["label"] == "Sắp hết thời hiệu xử phạt (Điều 6)"
    assert rows[past]["label"].startswith("Đã hết thời hiệu xử phạt")
    assert rows[past]["tone"] == "red" and rows[past]["when"].startswith("Quá hạn")
