"""Migration 0018: cases indexed before numbers were looked up without their
leading zeros get the zero-less words of their padded numbers, so both
"01/QĐ-XPHC" and "1/QĐ-XPHC" find a case imported as "01/QĐ-XPHC"; an
identity number or a phone keeps its zeros only."""

import importlib.util
from collections import Counter
from pathlib import Path

from sqlalchemy import text

from tests.services.conftest import actor_for, make_user
from tests.services.test_migration_deadlines import _insert
from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from xlvphc.services import case_queries
from xlvphc.services import db as dbmod
from xlvphc.services.access import Role
from xlvphc.services.search_index import words_of

BEFORE = "0017_case_coerced_on"
MIGRATION = (
    Path(dbmod.__file__).parents[1]
    / "migrations" / "versions" / "0018_zero_less_numbers.py"
)

# id: (unit, name, search text, its tokens as the code before 0018 wrote
# them: the written word, its joined form and its parts, zeros kept).
CASES = {
    1: (10, "Nguyễn Văn An", "nguyen van an 01/qd-xphc 066090001234 47b1-012.34",
        ("nguyen van an 01/qd-xphc 01qdxphc 01 qd xphc 066090001234 "
         "47b1-012.34 47b101234 47b1 012 34")),
    # has "1" already (from its record number): not written twice
    2: (10, "Trần Thị Bình", "tran thi binh 1/bb-vphc 01/qd-xphc",
        ("tran thi binh 1/bb-vphc 1bbvphc 1 bb vphc 01/qd-xphc 01qdxphc 01 qd "
         "xphc")),
    # numbered the old way: nothing to add
    3: (10, "Lê Văn Cường", "le van cuong 1/qd-xphc 0905123456",
        "le van cuong 1/qd-xphc 1qdxphc 1 qd xphc 0905123456"),
    4: (20, "Phạm Văn Dũng", "pham van dung 02/qd-xphc 0012/bb-vphc",
        ("pham van dung 02/qd-xphc 02qdxphc 02 qd xphc 0012/bb-vphc 0012bbvphc "
         "0012 bb vphc")),
}


def _old_database(conn, cases: dict) -> None:
    _insert(conn, "unit", id=1, code="66", name="Tỉnh", kind="province",
            is_supervisor=False, is_vertical=False, active=True)
    for unit_id in (10, 20):
        _insert(conn, "unit", id=unit_id, code=f"X{unit_id}", name=f"Xã {unit_id}",
                kind="commune", parent_id=1, is_supervisor=False,
                is_vertical=False, active=True)
    for case_id, (unit_id, name, stext, tokens) in cases.items():
        _insert(conn, "case", id=case_id, unit_id=unit_id, status="recorded",
                field="Trật tự, an toàn giao thông", violator_name=name,
                search_text=f" {stext} ")
        for token in tokens.split():
            _insert(conn, "casetoken", case_id=case_id, token=token,
                    unit_id=unit_id)


def _tokens(engine) -> list[tuple[int, str, int]]:
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT case_id, token, unit_id FROM casetoken")
        ).all()


def _names(actor, query: str) -> list[str]:
    found = case_queries.list_cases(actor, {"q": query})["rows"]
    return sorted(row["violator_name"] for row in found)


def test_0018_padded_numbers_are_found_by_both_writings(empty_db):  # noqa: F811
    dbmod.migrate(BEFORE)
    with empty_db.begin() as conn:
        _old_database(conn, CASES)
    make_user("canbo.x10", "X10", Role.OFFICER)
    make_user("giamsat", "66", Role.SUPERVISOR)
    officer, supervisor = actor_for("canbo.x10"), actor_for("giamsat")
    # Before: the query is looked up as "1/qd-xphc", which only the case
    # numbered the old way holds.
    assert _names(officer, "01/QĐ-XPHC") == ["Lê Văn Cường"]

    dbmod.migrate()

    rows = _tokens(empty_db)
    assert max(Counter((c, t) for c, t, _u in rows).values()) == 1
    for case_id, (unit_id, _name, stext, _old) in CASES.items():
        # What the current code would write for the case, on the case's unit.
        assert {t for c, t, _u in rows if c == case_id} == words_of(stext)
        assert {u for c, _t, u in rows if c == case_id} == {unit_id}
    tokens = {t for _c, t, _u in rows}
    assert {"66090001234", "905123456", "47b1-12.34", "12.34"}.isdisjoint(tokens)

    both = ["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"]
    assert _names(officer, "01/QĐ-XPHC") == both
    assert _names(officer, "1/QĐ-XPHC") == both
    assert _names(officer, "1/QĐ-XPHC 066090001234") == ["Nguyễn Văn An"]
    assert _names(supervisor, "2/QĐ-XPHC") == ["Phạm Văn Dũng"]
    assert _names(supervisor, "02/QĐ-XPHC") == ["Phạm Văn Dũng"]
    assert _names(supervisor, "12/BB-VPHC") == ["Phạm Văn Dũng"]
    assert _names(supervisor, "66090001234") == []


def test_0018_reads_the_range_in_pages(empty_db):  # noqa: F811
    """Pages and chunks smaller than the data: a token shared by many cases
    ("01") spans pages, and each padded number is still completed once."""
    dbmod.migrate(BEFORE)
    cases = {}
    for case_id in range(1, 14):
        number, card = f"0{case_id % 3 + 1}", f"0660900012{case_id:02d}"
        stext = f"{number}/qd-xphc {card}"
        old = f"{number}/qd-xphc {number}qdxphc {number} qd xphc {card}"
        cases[case_id] = (10 + case_id % 2 * 10, f"Người {case_id}", stext, old)
    with empty_db.begin() as conn:
        _old_database(conn, cases)
    spec = importlib.util.spec_from_file_location("m0018", MIGRATION)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)

    with empty_db.begin() as conn:
        added = migration.add_zero_less_tokens(conn, page=3, chunk=2)
    with empty_db.begin() as conn:
        again = migration.add_zero_less_tokens(conn, page=3, chunk=2)

    assert (added, again) == (13 * 3, 0)  # "1/qd-xphc", "1qdxphc", "1" each
    rows = _tokens(empty_db)
    assert max(Counter((c, t) for c, t, _u in rows).values()) == 1
    for case_id, (unit_id, _name, stext, _old) in cases.items():
        assert {t for c, t, _u in rows if c == case_id} == words_of(stext)
        assert {u for c, _t, u in rows if c == case_id} == {unit_id}
