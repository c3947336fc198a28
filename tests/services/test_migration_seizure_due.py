"""Migration 0015 adds the end of a held item's seizure to the deadline
columns of "Việc cần làm" and fills it from the seizure steps already
recorded (the period each decision states, in working days)."""

import json
from datetime import date

import sqlalchemy as sa
from alembic import command
from sqlalchemy import inspect

from tests.services.test_migration_deadlines import _insert
from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from xlvphc.domain.calendar import add_working_days
from xlvphc.services import db as dbmod

BEFORE = "0014_case_unit_deleted"


def test_0015_backfills_the_end_of_held_items_only(empty_db):  # noqa: F811
    dbmod.migrate(BEFORE)
    seized, later = date(2026, 3, 2), date(2026, 3, 9)
    with empty_db.begin() as conn:
        _insert(conn, "unit", id=1, code="66", name="Tỉnh", kind="province",
                is_supervisor=False, is_vertical=False, active=True)
        for case_id in (1, 2, 3):
            _insert(conn, "case", id=case_id, unit_id=1, status="recorded",
                    field="Trật tự, an toàn giao thông")
        # Case 1 holds two items (7 and 3 working days); case 2's item was
        # returned; case 3's step recorded no period.
        rows = [
            (1, 1, 1, seized, "held", {"days": 7}),
            (2, 1, 2, later, "held", {"days": 3}),
            (3, 2, 3, seized, "returned", {"days": 7}),
            (4, 3, 4, seized, "held", {}),
        ]
        for item_id, case_id, step_id, on, status, period in rows:
            _insert(conn, "seizeditem", id=item_id, case_id=case_id,
                    description="Xe", seized_on=on, status=status)
            _insert(conn, "procedurestep", id=step_id, case_id=case_id,
                    step="seize", on=on)
            data = {"decision_no": f"{step_id}/QĐ-TG", "item_ids": [item_id]}
            _insert(conn, "stepdetail", step_id=step_id, case_id=case_id,
                    data=json.dumps(period | data))

    dbmod.migrate()

    with empty_db.connect() as conn:
        due = dict(
            conn.execute(sa.text('SELECT id, seizure_due FROM "case"')).all()
        )
        names = {i["name"] for i in inspect(conn).get_indexes("case")}

    def day(value):  # SQLite hands dates back as text
        return date.fromisoformat(value) if isinstance(value, str) else value

    # The earliest end among the held items (Art. 125 k8, working days).
    assert day(due[1]) == min(
        add_working_days(seized, 7), add_working_days(later, 3)
    )
    assert due[2] is None and due[3] is None
    assert {"ix_case_seizure_due", "ix_case_unit_seizure_due"} <= names


def test_0015_downgrade_removes_the_column(empty_db):  # noqa: F811
    dbmod.migrate("0015_case_seizure_due")
    url = empty_db.url.render_as_string(hide_password=False)
    command.downgrade(dbmod.alembic_config(url), BEFORE)
    with empty_db.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("case")}
        names = {i["name"] for i in inspect(conn).get_indexes("case")}
    assert "seizure_due" not in columns
    assert "ix_case_seizure_due" not in names
