"""Migration 0008 adds the deadline columns of "Việc cần làm" and fills them
for the cases already there with the rules the services use (issue 3)."""

from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import command
from sqlalchemy import inspect, text

from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from xlvphc.domain.calendar import add_months, add_working_days
from xlvphc.services import db as dbmod

BEFORE = "0007_dashboard_summary"


def _filler(column: dict):
    """A value for a NOT NULL column the test does not care about."""
    kind = column["type"].python_type
    if kind is bool:
        return False
    if kind is int:
        return 0
    if kind is datetime:
        return datetime(2026, 1, 1, tzinfo=UTC)
    if kind is date:
        return date(2026, 1, 1)
    return ""


def _insert(conn, table: str, **values) -> None:
    """One row with `values`; the other required columns get fillers, so the
    test does not depend on columns other revisions add."""
    row = dict(values)
    for column in inspect(conn).get_columns(table):
        name = column["name"]
        if name in row or column["nullable"] or column.get("default") is not None:
            continue
        if column.get("autoincrement") is True or name == "id":
            continue
        row[name] = _filler(column)
    names = ", ".join(f'"{n}"' for n in row)
    marks = ", ".join(f":{n}" for n in row)
    conn.execute(text(f'INSERT INTO "{table}" ({names}) VALUES ({marks})'), row)


def test_0008_backfills_the_deadlines_of_open_cases(empty_db):  # noqa: F811
    dbmod.migrate(BEFORE)
    recorded, explained = date(2026, 3, 2), date(2026, 3, 3)
    decided = date(2026, 2, 10)
    due = date(2026, 2, 20)
    second = date(2026, 4, 20)
    made = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # 08:00 in Vietnam
    with empty_db.begin() as conn:
        _insert(conn, "unit", id=1, code="66", name="Tỉnh", kind="province",
                is_supervisor=False, is_vertical=False, active=True)
        common = {"unit_id": 1, "field": "Trật tự, an toàn giao thông"}
        _insert(conn, "case", id=1, status="recorded", violation_date=recorded,
                **common)
        _insert(conn, "case", id=2, status="explaining", violation_date=recorded,
                **common)
        _insert(conn, "case", id=3, status="decided", violation_date=decided,
                decided_on=decided, fine_total=1, **common)
        _insert(conn, "case", id=4, status="decided", violation_date=decided,
                decided_on=decided, received_on=decided, fine_total=1,
                compliance_due=due, **common)
        _insert(conn, "case", id=5, status="closed", violation_date=decided,
                decided_on=decided, **common)
        _insert(conn, "case", id=6, status="executing", violation_date=decided,
                decided_on=decided, received_on=decided, fine_total=10,
                paid_total=4, compliance_due=second, **common)
        for position, (due_on, paid) in enumerate([(due, 4), (second, 0)], 1):
            _insert(conn, "instalment", case_id=6, position=position,
                    amount=[4, 6][position - 1], due_on=due_on, paid=paid)
        for case_id in (1, 2):
            _insert(conn, "violationrecord", case_id=case_id, number=f"{case_id}",
                    made_at=made)
        _insert(conn, "procedurestep", case_id=2, step="request_explanation",
                on=explained)

    dbmod.migrate()

    with empty_db.connect() as conn:
        rows = {
            r.id: r
            for r in conn.execute(
                sa.text(
                    'SELECT id, continuing, detected_on, decision_due, '
                    'limitation_end, send_due, payment_due, postponed_until, '
                    'instalment_due, execution_end '
                    'FROM "case"'
                )
            )
        }
        names = {i["name"] for i in inspect(conn).get_indexes("case")}

    def day(value):  # SQLite hands dates back as text
        return date.fromisoformat(value) if isinstance(value, str) else value

    # Law Art. 66: 07 working days; 01 month with an explanation (Art. 61).
    assert day(rows[1].decision_due) == add_working_days(recorded, 7)
    assert day(rows[2].decision_due) == add_months(recorded, 1)
    # Art. 6: one year from the violation, while no decision exists.
    assert day(rows[1].limitation_end) == add_months(recorded, 12)
    assert rows[3].limitation_end is None and rows[3].decision_due is None
    # Art. 70: 03 working days to send, unless received; Art. 74: one year.
    assert day(rows[3].send_due) == add_working_days(decided, 3)
    assert rows[4].send_due is None
    assert day(rows[4].execution_end) == add_months(decided, 12)
    # Art. 73: the fine is owed, so its compliance deadline is to act on.
    assert day(rows[4].payment_due) == due and rows[3].payment_due is None
    # Art. 79: with a plan running, its first unpaid instalment instead.
    assert day(rows[6].instalment_due) == second and rows[6].payment_due is None
    # A closed case has nothing left to do; nothing is continuing yet.
    assert all(getattr(rows[5], c) is None for c in ("send_due", "execution_end"))
    assert not any(r.continuing for r in rows.values())
    for column in ("decision_due", "limitation_end", "send_due", "payment_due",
                   "postponed_until", "instalment_due", "execution_end"):
        assert {f"ix_case_{column}", f"ix_case_unit_{column}"} <= names


def test_0008_downgrade_removes_the_columns(empty_db):  # noqa: F811
    dbmod.migrate("0008_procedure_deadlines")
    url = empty_db.url.render_as_string(hide_password=False)
    command.downgrade(dbmod.alembic_config(url), BEFORE)
    with empty_db.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("case")}
    assert not columns & {"continuing", "detected_on", "decision_due", "send_due"}
