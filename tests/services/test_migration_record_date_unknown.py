"""Migration 0025 lets a violation record's date be unknown (NULL): the
records already there keep their dates (old imports cannot be told apart,
see the migration's docstring), a record without a date can be saved; the
downgrade gives such a record its violation's moment again, as the older
importer did, and requires the date once more."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from tests.services.test_migration_deadlines import _insert
from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from xlvphc.services import db as dbmod

BEFORE = "0024_case_remedial_pending"
AFTER = "0025_record_date_unknown"


def _nullable(engine) -> bool:
    with engine.connect() as conn:
        columns = inspect(conn).get_columns("violationrecord")
    return next(c for c in columns if c["name"] == "made_at")["nullable"]


def _cases(conn) -> None:
    _insert(conn, "unit", id=1, code="66", name="Tỉnh", kind="province",
            is_supervisor=False, is_vertical=False, active=True)
    for case_id, day in ((1, 2), (2, 5)):
        _insert(conn, "case", id=case_id, unit_id=1, status="decided",
                field="Trật tự, an toàn giao thông",
                violation_at=datetime(2025, 3, day, 8, 0))


def _made(conn) -> list:
    """(number, made_at as naive UTC or None): SQLite gives text back."""
    rows = conn.execute(sa.text(
        "SELECT number, made_at FROM violationrecord ORDER BY number"
    )).all()
    return [(number, _naive(made)) for number, made in rows]


def _naive(value):
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value is not None and value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def test_0025_keeps_dates_and_takes_an_unknown_one(empty_db):  # noqa: F811
    dbmod.migrate(BEFORE)
    assert _nullable(empty_db) is False
    with empty_db.begin() as conn:
        _cases(conn)
        _insert(conn, "violationrecord", case_id=1, number="7/BB-VPHC",
                made_at=datetime(2025, 3, 3, 9, 30), place="Trụ sở")
    with pytest.raises(IntegrityError), empty_db.begin() as conn:
        _insert(conn, "violationrecord", case_id=2, number="8/BB-VPHC",
                made_at=None, place="")

    dbmod.migrate()

    assert _nullable(empty_db) is True
    with empty_db.begin() as conn:
        _insert(conn, "violationrecord", case_id=2, number="8/BB-VPHC",
                made_at=None, place="")
        rows = _made(conn)
    assert [number for number, _ in rows] == ["7/BB-VPHC", "8/BB-VPHC"]
    assert rows[0][1] == datetime(2025, 3, 3, 9, 30)
    assert rows[1][1] is None


def test_0025_downgrade_puts_the_violation_moment_back(empty_db):  # noqa: F811
    dbmod.migrate(AFTER)
    with empty_db.begin() as conn:
        _cases(conn)
        _insert(conn, "violationrecord", case_id=1, number="7/BB-VPHC",
                made_at=datetime(2025, 3, 3, 9, 30), place="Trụ sở")
        _insert(conn, "violationrecord", case_id=2, number="8/BB-VPHC",
                made_at=None, place="")
    url = empty_db.url.render_as_string(hide_password=False)
    command.downgrade(dbmod.alembic_config(url), BEFORE)
    assert _nullable(empty_db) is False
    with empty_db.begin() as conn:
        made = [m for _, m in _made(conn)]
    assert made == [datetime(2025, 3, 3, 9, 30), datetime(2025, 3, 5, 8, 0)]
