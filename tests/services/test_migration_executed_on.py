"""Migration 0031 adds the day a decision was executed in full to the
columns of "Việc cần làm" and fills it for the open cases with nothing left
to execute (Luật XLVPHC Điều 73 k2): the fine and its late-payment interest
paid, no remedial measure pending, no item held, dated on the last step
that carried the decision out."""

from datetime import date

import sqlalchemy as sa
from alembic import command
from sqlalchemy import inspect

from tests.services.test_migration_deadlines import _insert
from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from xlvphc.services import db as dbmod

BEFORE, AFTER = "0030_act_ward_clause", "0031_case_executed_on"
FIRST, SECOND = date(2026, 3, 2), date(2026, 4, 6)
PAID = {"fine_total": 3_500_000, "paid_total": 3_500_000}


def _day(value):  # SQLite hands dates back as text
    return date.fromisoformat(value) if isinstance(value, str) else value


def test_0031_backfills_the_open_cases_executed_in_full(empty_db):  # noqa: F811
    dbmod.migrate(BEFORE)
    with empty_db.begin() as conn:
        _insert(conn, "unit", id=1, code="66", name="Tỉnh", kind="province",
                is_supervisor=False, is_vertical=False, active=True)
        cases = {
            # paid, then the measure done: the later step counts
            1: ("executing", PAID, [("payment", FIRST), ("remedial_done", SECOND)]),
            # fine paid, interest still owed
            2: ("executing", PAID | {"surcharge_total": 5_000}, [("payment", FIRST)]),
            # fine owed
            3: ("executing", {"fine_total": 3_500_000, "paid_total": 1_000},
                [("payment", FIRST)]),
            # paid, a remedial measure pending
            4: ("executing", PAID | {"remedial_pending": True}, [("payment", FIRST)]),
            # paid, an item still held
            5: ("executing", PAID, [("payment", FIRST)]),
            # already closed
            6: ("closed", PAID, [("payment", FIRST)]),
            # collected by coercion, still in that stage
            7: ("coercing", PAID, [("coerce", FIRST), ("coercion_done", SECOND)]),
            # a warning: nothing carried it out
            8: ("decided", {"fine_total": 0}, []),
        }
        step_id = 0
        for case_id, (status, totals, steps) in cases.items():
            _insert(conn, "case", id=case_id, unit_id=1, status=status,
                    field="Trật tự, an toàn giao thông", decided_on=FIRST,
                    **totals)
            for step, on in steps:
                step_id += 1
                _insert(conn, "procedurestep", id=step_id, case_id=case_id,
                        step=step, code="", on=on)
        _insert(conn, "seizeditem", id=1, case_id=5, description="Xe máy",
                status="held")

    dbmod.migrate(AFTER)

    with empty_db.connect() as conn:
        found = dict(
            conn.execute(sa.text('SELECT id, executed_on FROM "case"')).all()
        )
        names = {i["name"] for i in inspect(conn).get_indexes("case")}
    assert {case_id: _day(value) for case_id, value in found.items()} == {
        1: SECOND, 2: None, 3: None, 4: None, 5: None, 6: None, 7: SECOND,
        8: None,
    }
    assert {"ix_case_executed_on", "ix_case_unit_executed_on"} <= names


def test_0031_downgrade_removes_the_column(empty_db):  # noqa: F811
    dbmod.migrate(AFTER)
    url = empty_db.url.render_as_string(hide_password=False)
    command.downgrade(dbmod.alembic_config(url), BEFORE)
    with empty_db.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("case")}
        names = {i["name"] for i in inspect(conn).get_indexes("case")}
    assert "executed_on" not in columns
    assert "ix_case_executed_on" not in names
