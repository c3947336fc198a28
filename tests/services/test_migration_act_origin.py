"""Migration 0023 says where each case act came from (CaseAct.origin): a
catalogue row, typed by an officer, or written by an imported register,
filled for the acts already there from what their rows tell; the
downgrade removes the column."""

import sqlalchemy as sa
from alembic import command
from sqlalchemy import inspect

from tests.services.test_migration_deadlines import _insert
from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from xlvphc.services import case_summary
from xlvphc.services import db as dbmod

BEFORE = "0022_postal_numbers_searchable"
AFTER = "0023_act_origin"
FIELD = "Trật tự, an toàn giao thông"


def _columns(engine) -> set[str]:
    with engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns("caseact")}


def test_0023_tells_catalogue_typed_and_imported_acts_apart(empty_db):  # noqa: F811
    dbmod.migrate(BEFORE)
    assert "origin" not in _columns(empty_db)
    with empty_db.begin() as conn:
        _insert(conn, "unit", id=1, code="66", name="Tỉnh", kind="province",
                is_supervisor=False, is_vertical=False, active=True)
        _insert(conn, "catalogueentry", id=5, decree="168/2024/NĐ-CP",
                field=FIELD, article=7, clause=2, point="h", act="Không đội mũ")
        # Case 1 made in the app, case 2 imported from a register.
        for case_id, imported in ((1, False), (2, True)):
            _insert(conn, "case", id=case_id, unit_id=1, status="decided",
                    field=FIELD, imported=imported)
        acts = {
            # (case, catalogue row): act id
            (1, 5): 11,
            (1, None): 12,
            (2, 5): 21,
            (2, None): 22,
        }
        for (case_id, entry), act_id in acts.items():
            _insert(conn, "caseact", id=act_id, case_id=case_id,
                    catalogue_id=entry, decree="168/2024/NĐ-CP", article=7,
                    clause=2, point="h", act="Hành vi", position=act_id % 10)

    dbmod.migrate()

    with empty_db.begin() as conn:
        found = dict(conn.execute(sa.text("SELECT id, origin FROM caseact")).all())
        # A writer that does not say gets the officer's mark, never the
        # catalogue's (as models.cases.CaseAct).
        _insert(conn, "caseact", id=13, case_id=1, decree="D", article=1,
                clause=1, point="", act="Hành vi khác", position=2)
        unsaid = conn.execute(sa.text(
            "SELECT origin FROM caseact WHERE id = 13"
        )).scalar_one()
        # The case summaries' triggers on caseact survived the new column.
        triggers = case_summary.installed(conn)
    assert found == {11: "catalogue", 12: "typed", 21: "catalogue", 22: "import"}
    assert unsaid == "typed"
    assert triggers


def test_0023_downgrade_removes_the_column(empty_db):  # noqa: F811
    dbmod.migrate(AFTER)
    assert "origin" in _columns(empty_db)
    url = empty_db.url.render_as_string(hide_password=False)
    command.downgrade(dbmod.alembic_config(url), BEFORE)
    assert "origin" not in _columns(empty_db)
