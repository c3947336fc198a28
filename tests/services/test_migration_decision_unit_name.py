"""Migration 0029 gives the decision a column for the issuing unit's own
name (services/issuer.py decision_columns): the decisions already there
keep it NULL, not their unit's name now (a rename since would be printed
as what they said), and issued_unit_name tells their line from the header
as before; the downgrade drops the column and keeps the rows."""

from datetime import date, datetime

import sqlalchemy as sa
from alembic import command

from tests.services.test_migration_deadlines import _insert
from tests.services.test_migration_paper_issuer import _columns
from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from xlvphc.services import db as dbmod

BEFORE, AFTER = "0028_postponed_late", "0029_decision_unit_name"
COLUMN = "agency_unit_name"


def _seed(conn) -> None:
    _insert(conn, "unit", id=1, code="66", name="Tỉnh Đắk Lắk", kind="province",
            parent_id=None, is_supervisor=False, is_vertical=False, active=True)
    _insert(conn, "unit", id=2, code="SO-TP", name="Sở Tư pháp tỉnh Đắk Lắk",
            kind="department", parent_id=1, is_supervisor=False,
            is_vertical=False, active=True)
    _insert(conn, "case", id=1, unit_id=2, status="decided",
            field="Trật tự, an toàn giao thông",
            violation_at=datetime(2025, 3, 2, 8, 0))
    _insert(conn, "decision", case_id=1, number="01/QĐ-XPHC",
            decided_on=date(2025, 3, 5), signer_name="Phạm Văn Dũng",
            signer_title="Giám đốc Sở Tư pháp", agency_name="Sở Tư pháp",
            agency_parent="Ủy ban nhân dân tỉnh Đắk Lắk", agency_place="Đắk Lắk")


def _decisions(conn) -> list:
    return [tuple(r) for r in conn.execute(sa.text(
        "SELECT case_id, number, agency_name FROM decision ORDER BY case_id"
    ))]


def test_0029_adds_the_name_null_for_the_decisions_there(empty_db):  # noqa: F811
    dbmod.migrate(BEFORE)
    with empty_db.begin() as conn:
        _seed(conn)
    dbmod.migrate(AFTER)
    assert COLUMN in _columns(empty_db, "decision")
    with empty_db.begin() as conn:
        assert conn.execute(sa.text(
            f"SELECT {COLUMN} FROM decision WHERE case_id = 1"
        )).scalar_one() is None
        # A decision written with it keeps the name, "tỉnh Đắk Lắk" and all.
        _insert(conn, "case", id=2, unit_id=2, status="decided",
                field="Trật tự, an toàn giao thông",
                violation_at=datetime(2025, 3, 2, 8, 0))
        _insert(conn, "decision", case_id=2, number="02/QĐ-XPHC",
                decided_on=date(2025, 3, 6), signer_name="Phạm Văn Dũng",
                signer_title="Giám đốc Sở Tư pháp", agency_name="Sở Tư pháp",
                **{COLUMN: "Sở Tư pháp tỉnh Đắk Lắk"})
        assert conn.execute(sa.text(
            f"SELECT {COLUMN} FROM decision WHERE case_id = 2"
        )).scalar_one() == "Sở Tư pháp tỉnh Đắk Lắk"
        kept = _decisions(conn)

    url = empty_db.url.render_as_string(hide_password=False)
    command.downgrade(dbmod.alembic_config(url), BEFORE)
    assert COLUMN not in _columns(empty_db, "decision")
    with empty_db.begin() as conn:
        assert _decisions(conn) == kept
    # And up again: the head matches the models (test_migrations).
    dbmod.migrate()
    assert COLUMN in _columns(empty_db, "decision")
