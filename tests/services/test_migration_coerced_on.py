"""Migration 0017 adds the day of a coercion under way to the columns of
"Việc cần làm" and fills it for the cases being coerced that still owe the
fine, its interest or a remedial measure (Law Art. 86, 78 k1, 28)."""

from datetime import date

import sqlalchemy as sa
from alembic import command
from sqlalchemy import inspect

from tests.services.test_migration_deadlines import _insert
from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from xlvphc.services import db as dbmod

BEFORE = "0016_case_surcharge_paid"
FIRST, SECOND = date(2026, 3, 2), date(2026, 4, 6)


def test_0017_backfills_the_coercions_under_way_only(empty_db):  # noqa: F811
    dbmod.migrate(BEFORE)
    with empty_db.begin() as conn:
        _insert(conn, "unit", id=1, code="66", name="Tỉnh", kind="province",
                is_supervisor=False, is_vertical=False, active=True)
        money = {"fine_total": 3_500_000, "paid_total": 3_500_000}
        cases = {
            # fine owed, two decisions: the latest counts
            1: ("coercing", {"fine_total": 3_500_000}, "", ["account", "account"]),
            # the fine collected, interest owed (the trial's case)
            2: ("coercing", money | {"surcharge_total": 283_500}, "", ["account"]),
            # all paid, the remedial measure not yet carried out
            3: ("coercing", money, "Tháo dỡ", ["account"]),
            # all paid, the remedial coercion's result recorded
            4: ("coercing", money, "Tháo dỡ", ["remedial", "done"]),
            # all paid, nothing else owed
            5: ("coercing", money, "", ["account"]),
            # not being coerced
            6: ("executing", {"fine_total": 3_500_000}, "", []),
        }
        step_id = 0
        for case_id, (status, totals, measures, steps) in cases.items():
            _insert(conn, "case", id=case_id, unit_id=1, status=status,
                    field="Trật tự, an toàn giao thông", decided_on=FIRST,
                    **totals)
            _insert(conn, "decision", case_id=case_id, decided_on=FIRST,
                    remedial_measures=measures)
            for n, measure in enumerate(steps):
                step_id += 1
                done = measure == "done"
                _insert(conn, "procedurestep", id=step_id, case_id=case_id,
                        step="coercion_done" if done else "coerce",
                        code="" if done else measure,
                        on=SECOND if n else FIRST)

    dbmod.migrate()

    with empty_db.connect() as conn:
        found = dict(
            conn.execute(sa.text('SELECT id, coerced_on FROM "case"')).all()
        )
        names = {i["name"] for i in inspect(conn).get_indexes("case")}

    def day(value):  # SQLite hands dates back as text
        return date.fromisoformat(value) if isinstance(value, str) else value

    assert {case_id: day(value) for case_id, value in found.items()} == {
        1: SECOND,
        2: FIRST,
        3: FIRST,
        4: None,
        5: None,
        6: None,
    }
    assert {"ix_case_coerced_on", "ix_case_unit_coerced_on"} <= names


def test_0017_downgrade_removes_the_column(empty_db):  # noqa: F811
    dbmod.migrate("0017_case_coerced_on")
    url = empty_db.url.render_as_string(hide_password=False)
    command.downgrade(dbmod.alembic_config(url), BEFORE)
    with empty_db.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("case")}
        names = {i["name"] for i in inspect(conn).get_indexes("case")}
    assert "coerced_on" not in columns
    assert "ix_case_coerced_on" not in names
