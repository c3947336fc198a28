"""Việc cần làm on a time-barred case (user trial: it was listed both as
"Đã hết thời hiệu xử phạt – quá hạn N ngày" and "Hạn ra quyết định (Điều 66)
– còn 10 ngày"). Past the limitation no decision may be made (Law Art. 65 k1
c): only the limitation row is left. decision_due stays on the row (nothing
clears it the day the limitation ends); the query leaves it out."""

from datetime import timedelta

from tests.services.test_procedure import FAMILY_SMALL, TODAY, new_case
from xlvphc.models import Case
from xlvphc.services.db import session_scope
from xlvphc.services.procedure.todo import todo_count, todo_list, todo_page


def rows_of(actor, case_id: int, kind: str = "") -> dict[str, dict]:
    return {r["kind"]: r for r in todo_list(actor, kind) if r["case_id"] == case_id}


def set_limitation_end(case_id: int, end) -> None:
    """As a case whose limitation ends on `end` (None: the field's own law
    decides, e.g. tax), its decision deadline unchanged."""
    with session_scope() as session:
        case = session.get(Case, case_id)
        case.limitation_end = end
        session.add(case)


def test_time_barred_case_has_no_decision_deadline_row(people):
    officer = people["canbo.a"]
    # The trial's case: violation 01/01/2020, recorded today.
    barred = new_case(
        officer, FAMILY_SMALL, 0, violation_date="01/01/2020", violation_time="07:00"
    )
    in_time = new_case(officer, FAMILY_SMALL, 0)

    rows = rows_of(officer, barred)
    assert set(rows) == {"limitation"}
    assert rows["limitation"]["label"].startswith("Đã hết thời hiệu xử phạt")
    assert rows["limitation"]["when"].startswith("Quá hạn")
    assert rows_of(officer, barred, "decision") == {}
    assert set(rows_of(officer, in_time)) == {"decision"}

    # The counts agree with the list.
    page = todo_page(officer, "decision", 1)
    assert page["total"] == 1 and page["rows"][0]["case_id"] == in_time
    with session_scope() as session:
        assert session.get(Case, barred).decision_due is not None  # kept


def test_the_decision_row_stays_until_the_last_day_of_the_limitation(people):
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 0)

    set_limitation_end(case_id, TODAY)
    assert "decision" in rows_of(officer, case_id)
    set_limitation_end(case_id, TODAY - timedelta(days=1))
    assert "decision" not in rows_of(officer, case_id)


def test_a_field_without_a_limitation_keeps_its_decision_row(people):
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 0)
    set_limitation_end(case_id, None)
    assert set(rows_of(officer, case_id)) == {"decision"}


def test_the_badge_does_not_count_a_barred_decision_deadline(people):
    """The shell's count (overdue or due within 3 days): a barred case whose
    decision deadline is today counts once, for its limitation."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_SMALL, 0)
    with session_scope() as session:
        case = session.get(Case, case_id)
        case.decision_due = TODAY
        case.limitation_end = TODAY - timedelta(days=1)
        session.add(case)
    assert todo_count(officer) == 1
    set_limitation_end(case_id, TODAY)
    assert todo_count(officer) == 2


def test_a_violator_under_14_has_no_decision_deadline(people):
    """Law Art. 5 k1 a: no decision may be made, so none is due; the edit
    that corrects the date of birth brings the deadline back."""
    from tests.services.test_decision_barred import child_case
    from xlvphc.services import case_edit

    officer = people["canbo.a"]
    case_id = child_case(officer)
    with session_scope() as session:
        assert session.get(Case, case_id).decision_due is None
    assert "decision" not in rows_of(officer, case_id)

    loaded = case_edit.edit_form(officer, case_id)
    form = {
        **loaded["values"],
        "kind": loaded["kind"],
        "act_ids": ",".join(a["id"] for a in loaded["acts"]),
        "version": loaded["version"],
        "birth_date": "15/04/1990",
    }
    case_edit.edit_case(officer, case_id, form)
    assert "decision" in rows_of(officer, case_id)
