"""Alembic migrations: the head matches the models, and upgrading an older
database keeps its data (issue "Province scale")."""

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from xlvphc.services import case_summary
from xlvphc.services import db as dbmod


@pytest.fixture
def empty_db(tmp_path):
    url = os.environ.get("XLVPHC_TEST_DB_URL") or f"sqlite:///{tmp_path / 'm.db'}"
    engine = dbmod.make_engine(url)
    if not url.startswith("sqlite"):
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    previous = dbmod._engine
    dbmod.use_engine(engine)
    try:
        yield engine
    finally:
        dbmod._engine = previous
        engine.dispose()


def test_head_matches_the_models(empty_db):
    dbmod.migrate()
    with empty_db.connect() as conn:
        # As migrations/env.py: the summary triggers' staging tables are not
        # in the models.
        context = MigrationContext.configure(
            conn, opts={"include_name": case_summary.include_name}
        )
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_upgrade_from_the_first_schema_keeps_data(empty_db):
    dbmod.migrate("0001")
    with empty_db.begin() as conn:
        conn.execute(text(
            "INSERT INTO unit (id, code, name, kind, is_supervisor, is_vertical, "
            "active, source) VALUES (1, '66', 'Tỉnh Đắk Lắk', 'province', "
            "false, false, true, '')"
        ))
    dbmod.migrate()
    with empty_db.connect() as conn:
        rows = conn.execute(text("SELECT code, name FROM unit")).all()
        version = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    assert rows == [("66", "Tỉnh Đắk Lắk")]
    assert len(version) == 1


def test_database_made_without_migrations_is_adopted(empty_db):
    dbmod.migrate("0001")
    with empty_db.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    dbmod.migrate()
    assert "alembic_version" in inspect(empty_db).get_table_names()
