"""Migration 0021 gives the violation record the reason it was made at the
office or another place (MBB01 note (3)): records already there keep their
data and get an empty reason; the downgrade removes the column."""

from datetime import datetime

import sqlalchemy as sa
from alembic import command
from sqlalchemy import inspect

from tests.services.test_migration_deadlines import _insert
from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from xlvphc.services import db as dbmod

BEFORE = "0020_cancelled_not_sanctioned"
AFTER = "0021_record_office_reason"


def _columns(engine) -> set[str]:
    with engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns("violationrecord")}


def test_0021_adds_an_empty_reason_to_existing_records(empty_db):  # noqa: F811
    dbmod.migrate(BEFORE)
    assert "office_reason" not in _columns(empty_db)
    with empty_db.begin() as conn:
        _insert(conn, "unit", id=1, code="66", name="Tỉnh", kind="province",
                is_supervisor=False, is_vertical=False, active=True)
        for case_id in (1, 2):
            _insert(conn, "case", id=case_id, unit_id=1, status="recorded",
                    field="Trật tự, an toàn giao thông")
        _insert(conn, "violationrecord", case_id=1, number="7/BB-VPHC",
                made_at=datetime(2026, 3, 2, 9, 30),
                place="Trụ sở UBND phường Tuy Hòa")

    dbmod.migrate()

    with empty_db.begin() as conn:
        rows = conn.execute(sa.text(
            "SELECT number, place, office_reason FROM violationrecord"
        )).all()
        # A record saved without the column (an older import) gets "".
        _insert(conn, "violationrecord", case_id=2, number="8/BB-VPHC",
                made_at=datetime(2026, 3, 3, 9, 30), place="Tại chỗ")
        added = conn.execute(sa.text(
            "SELECT office_reason FROM violationrecord WHERE number = '8/BB-VPHC'"
        )).scalar_one()
    assert rows == [("7/BB-VPHC", "Trụ sở UBND phường Tuy Hòa", "")]
    assert added == ""


def test_0021_downgrade_removes_the_column(empty_db):  # noqa: F811
    dbmod.migrate(AFTER)
    assert "office_reason" in _columns(empty_db)
    url = empty_db.url.render_as_string(hide_password=False)
    command.downgrade(dbmod.alembic_config(url), BEFORE)
    assert "office_reason" not in _columns(empty_db)
