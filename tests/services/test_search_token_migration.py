"""Migration 0006: an existing database's search words get their case's unit,
and the search works on the upgraded schema (issue 6, issue 8)."""

import os
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import inspect, text

from xlvphc.models import Case
from xlvphc.services import db as dbmod
from xlvphc.services import search_index
from xlvphc.services.db import session_scope

REVISION = "0006_search_token_unit"

CASE_SQL = text(
    'INSERT INTO "case" (id, unit_id, field, status, violation_place, description, '
    "violator_kind, violator_name, record_number, decision_number, fine_total, "
    "paid_total, reduced_total, surcharge_total, complained, close_reason, "
    "without_record, imported, search_text, version, created_at, updated_at, "
    "delete_reason) VALUES (:id, :unit, 'Giao thông', 'recorded', '', '', "
    "'individual', :name, :number, '', 0, 0, 0, 0, :no, '', :no, :no, :text, 1, "
    ":at, :at, '')"
)
UNIT_SQL = text(
    "INSERT INTO unit (id, code, name, kind, is_supervisor, is_vertical, active, "
    "source) VALUES (:id, :code, :name, 'commune', :no, :no, :yes, '')"
)


@pytest.fixture
def old_db(tmp_path):
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


def test_upgrade_fills_the_unit_of_every_search_word(old_db):
    dbmod.migrate("0005_signer_title")
    cases = [  # id, unit, name, search text as 0002 stored it
        (1, 10, "Nguyễn Văn An", " nguyen van an 1/bb-vphc "),
        (2, 10, "Trần Thị Bình", " tran thi binh 2/bb-vphc "),
        (3, 20, "Nguyễn Văn Anh", " nguyen van anh 1/bb-vphc "),
        (4, 10, "Nguyễn Văn An", " nguyen van an 3/bb-vphc "),  # in the bin
    ]
    at = datetime(2026, 1, 5, tzinfo=UTC)
    with old_db.begin() as conn:
        for uid, code in ((10, "X10"), (20, "X20")):
            conn.execute(UNIT_SQL, {"id": uid, "code": code, "name": f"Xã {code}",
                                    "no": False, "yes": True})
        for cid, unit, name, stext in cases:
            conn.execute(CASE_SQL, {"id": cid, "unit": unit, "name": name,
                                    "number": f"{cid}/BB-VPHC", "text": stext,
                                    "no": False, "at": at})
            for token in sorted(set(stext.split())):
                conn.execute(
                    text("INSERT INTO casetoken (case_id, token) VALUES (:c, :t)"),
                    {"c": cid, "t": token},
                )

        conn.execute(text('UPDATE "case" SET deleted_at = created_at WHERE id = 4'))

    dbmod.migrate(REVISION)

    with old_db.connect() as conn:
        rows = conn.execute(text(
            'SELECT t.case_id, t.unit_id, c.unit_id FROM casetoken t '
            'JOIN "case" c ON c.id = t.case_id'
        )).all()
    assert len(rows) == 12
    assert all(token_unit == case_unit for _, token_unit, case_unit in rows)
    assert {(case_id, unit) for case_id, unit, _ in rows} == {(1, 10), (2, 10),
                                                             (3, 20)}
    indexes = {i["name"]: i["column_names"]
               for i in inspect(old_db).get_indexes("casetoken")}
    assert indexes["ix_casetoken_unit_token_case"] == ["unit_id", "token", "case_id"]
    assert indexes["ix_casetoken_case_token"] == ["case_id", "token"]
    assert "ix_casetoken_case_id" not in indexes

    # The upgraded table serves the planned search, each unit its own cases,
    # and new words still get ids (PostgreSQL: the copied table kept its
    # sequence).
    assert _found(10, ["an", "nguyen"]) == [1]
    assert _found(20, ["nguyen", "an"]) == [3]
    assert _found(None, ["nguyen", "an"]) == [1, 3]
    with old_db.begin() as conn:
        conn.execute(text(
            "INSERT INTO casetoken (case_id, token, unit_id) VALUES (2, 'moi', 10)"
        ))
        new_id = conn.execute(
            text("SELECT id FROM casetoken WHERE token = 'moi'")
        ).scalar()
    assert new_id > 12


def _found(unit: int | None, words: list[str]) -> list[int]:
    units = None if unit is None else frozenset({unit})
    conds = [Case.deleted_at.is_(None)]
    if units is not None:
        conds.append(Case.unit_id.in_(units))
    with session_scope() as session:
        plan = search_index.plan(session, words, units)
        found = search_index.matching_ids(session, plan, conds, 10)
        newest = search_index.newest_ids(session, plan, conds, True, 0, 10)
    assert newest == sorted(found, reverse=True)
    return sorted(found)


def test_downgrade_gives_back_the_0005_table(old_db):
    dbmod.migrate(REVISION)
    with old_db.begin() as conn:
        conn.execute(UNIT_SQL, {"id": 10, "code": "X10", "name": "Xã X10",
                                "no": False, "yes": True})
        conn.execute(CASE_SQL, {"id": 1, "unit": 10, "name": "Lê Văn Tám",
                                "number": "1/BB-VPHC", "text": " le van tam ",
                                "no": False, "at": datetime(2026, 1, 5, tzinfo=UTC)})
        conn.execute(text('UPDATE "case" SET deleted_at = created_at'))

    command.downgrade(dbmod.alembic_config(), "0005_signer_title")

    columns = [c["name"] for c in inspect(old_db).get_columns("casetoken")]
    indexes = {i["name"] for i in inspect(old_db).get_indexes("casetoken")}
    assert columns == ["id", "case_id", "token"]
    assert indexes == {"ix_casetoken_case_id", "ix_casetoken_token_case"}
    with old_db.connect() as conn:
        tokens = conn.execute(text("SELECT token FROM casetoken")).scalars().all()
    assert sorted(tokens) == ["le", "tam", "van"]  # the binned case's words
