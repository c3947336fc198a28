"""Migration 0026 gives every record and decision already there the header
of its case's unit (the best known of who issued it): a commune committee
by its own name and the commune's place, a commune police under "Công an
tỉnh Đắk Lắk", a department without "tỉnh Đắk Lắk" under the province's
committee; the downgrade drops the columns."""

from datetime import date, datetime

import sqlalchemy as sa
from alembic import command
from sqlalchemy import inspect

from tests.services.test_migration_deadlines import _insert
from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from xlvphc.services import db as dbmod

BEFORE = "0025_record_date_unknown"
COLUMNS = {"agency_name", "agency_parent", "agency_place"}


def _columns(engine, table: str) -> set[str]:
    with engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns(table)}


def _seed(conn) -> None:
    units = (
        (1, "66", "Tỉnh Đắk Lắk", "province", None),
        (2, "22015", "Phường Tuy Hòa", "commune", 1),
        (3, "UBND-22015", "Ủy ban nhân dân phường Tuy Hòa", "ubnd", 2),
        (4, "CA-22015", "Công an phường Tuy Hòa", "police", 2),
        (5, "SO-TP", "Sở Tư pháp tỉnh Đắk Lắk", "department", 1),
    )
    for unit_id, code, name, kind, parent in units:
        _insert(conn, "unit", id=unit_id, code=code, name=name, kind=kind,
                parent_id=parent, is_supervisor=False, is_vertical=False,
                active=True)
    for case_id, unit_id in ((1, 3), (2, 4), (3, 5)):
        _insert(conn, "case", id=case_id, unit_id=unit_id, status="decided",
                field="Trật tự, an toàn giao thông",
                violation_at=datetime(2025, 3, 2, 8, 0))
        _insert(conn, "violationrecord", case_id=case_id,
                number=f"0{case_id}/BB-VPHC",
                made_at=datetime(2025, 3, 2, 9, 0), place="Trụ sở",
                maker_name="Trần Thị Bình")
        _insert(conn, "decision", case_id=case_id, number=f"0{case_id}/QĐ-XPHC",
                decided_on=date(2025, 3, 5), signer_name="Phạm Văn Dũng",
                signer_title="Chủ tịch")


def _headers(conn, table: str) -> list:
    return [tuple(r) for r in conn.execute(sa.text(
        f"SELECT case_id, agency_name, agency_parent, agency_place FROM {table} "
        "ORDER BY case_id"
    ))]


def test_0026_backfills_the_units_header(empty_db):  # noqa: F811
    dbmod.migrate(BEFORE)
    with empty_db.begin() as conn:
        _seed(conn)
    dbmod.migrate()
    expected = [
        (1, "Ủy ban nhân dân phường Tuy Hòa", "", "Tuy Hòa"),
        (2, "Công an phường Tuy Hòa", "Công an tỉnh Đắk Lắk", "Tuy Hòa"),
        (3, "Sở Tư pháp", "Ủy ban nhân dân tỉnh Đắk Lắk", "Đắk Lắk"),
    ]
    with empty_db.begin() as conn:
        assert _headers(conn, "violationrecord") == expected
        assert _headers(conn, "decision") == expected
        # A row written without them (the columns' server default): "".
        _insert(conn, "case", id=4, unit_id=3, status="recorded",
                field="Trật tự, an toàn giao thông",
                violation_at=datetime(2025, 3, 2, 8, 0))
        _insert(conn, "violationrecord", case_id=4, number="04/BB-VPHC",
                made_at=None, place="", maker_name="")
        assert _headers(conn, "violationrecord")[-1] == (4, "", "", "")

    url = empty_db.url.render_as_string(hide_password=False)
    command.downgrade(dbmod.alembic_config(url), BEFORE)
    for table in ("violationrecord", "decision"):
        assert not COLUMNS & _columns(empty_db, table)
        assert "number" in _columns(empty_db, table)
