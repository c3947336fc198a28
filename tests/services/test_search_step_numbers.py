"""The search box finds a case by the numbers of its steps' papers, not only
by its record and decision numbers (user trial: a coercion decision
"01/QĐ-CCXP" in hand, the officer could not find its case). Migration 0019
gives cases of before the same words."""

import importlib.util
from pathlib import Path

from sqlalchemy import text

from tests.services.conftest import actor_for, catalogue_id, make_user
from tests.services.test_migration_deadlines import _insert
from tests.services.test_migration_zero_less_numbers import (
    CASES,
    _names,
    _old_database,
    _tokens,
)
from tests.services.test_migrations import empty_db  # noqa: F401  (fixture)
from tests.services.test_print_official_copies import (
    d,
    lead,  # noqa: F401 (fixture)
    money,
    overdue,
    step,
    still_owed,
)
from tests.services.test_procedure_deadlines import FAMILY_HUGE, new_case
from xlvphc.models import Case
from xlvphc.services import case_edit, case_queries
from xlvphc.services import db as dbmod
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.search_index import words_of

MIGRATION = (
    Path(dbmod.__file__).parents[1]
    / "migrations" / "versions" / "0019_step_numbers_searchable.py"
)


def found(actor, query: str) -> list[int]:
    return sorted(r["id"] for r in case_queries.list_cases(actor, {"q": query})["rows"])


def test_coercion_and_receipt_numbers_find_their_case(people, lead):  # noqa: F811
    officer = people["canbo.a"]
    case_id = overdue(officer)
    other = overdue(officer)
    assert found(officer, "01/QĐ-CCXP") == []

    summary = step(lead, case_id, "coerce", code="account", on=d(0))
    assert summary.startswith("Quyết định cưỡng chế số 01/QĐ-CCXP")
    # Either writing of the number, as typed on the paper or without its zero.
    assert found(officer, "01/QĐ-CCXP") == [case_id]
    assert found(officer, "1/qd-ccxp") == [case_id]
    assert found(lead, "01/QĐ-CCXP") == [case_id]

    # A payment's receipt (biên lai) number, as officers copy it.
    left = still_owed(other).fine
    step(officer, other, "payment", on=d(0), amount=money(left // 2),
         document="BL-0045678")
    assert found(officer, "BL-0045678") == [other]
    assert found(officer, "0045678") == [other]
    # The case's own numbers still find it.
    with session_scope() as session:
        number = session.get(Case, other).decision_number
    assert other in found(officer, number)


def test_an_edit_keeps_the_step_numbers(people):
    """Editing the case rebuilds its search text: the extension's paper
    must survive it, as must the new name."""
    officer = people["canbo.a"]
    case_id = new_case(officer, FAMILY_HUGE, 1)
    step(officer, case_id, "request_explanation", on=d(0), code="oral")
    step(officer, case_id, "extend_decision", on=d(0), document="27/CV-UBND",
         note="Vụ việc có nhiều tình tiết phức tạp")
    assert found(officer, "27/CV-UBND") == [case_id]
    # While the violator explains, the edit says why it waits (it used to
    # say the case had a decision).
    locked = case_edit.edit_form(officer, case_id)["locked"]
    assert locked.startswith("Hồ sơ đang trong thời gian giải trình")
    assert "quyết định xử phạt" not in locked
    step(officer, case_id, "explanation_done", on=d(0),
         note="Người vi phạm thừa nhận hành vi")
    assert found(officer, "27/CV-UBND") == [case_id]

    form = case_edit.edit_form(officer, case_id)
    values = {**form["values"], "version": form["version"], "kind": form["kind"],
              "name": "Hoàng Thị Mai", "act_ids": str(catalogue_id(*FAMILY_HUGE))}
    case_edit.edit_case(officer, case_id, values)

    assert found(officer, "Hoàng Thị Mai") == [case_id]
    assert found(officer, "27/CV-UBND") == [case_id]
    assert found(officer, "mai 27/cv-ubnd") == [case_id]


def test_0019_gives_old_cases_their_step_numbers(empty_db):  # noqa: F811
    dbmod.migrate("0018_zero_less_numbers")
    with empty_db.begin() as conn:
        _old_database(conn, CASES)
        # Case 1: a coercion and a receipt (twice: written once); case 4 a
        # complaint's answer; case 2 a step with no paper; case 3 binned.
        for case_id, kind, document in (
            (1, "coerce", "03/QĐ-CCXP"), (1, "payment", "BL 778899"),
            (1, "payment", "BL 778899"), (4, "complaint", "12/QĐ-GQKN"),
            (2, "receipt", ""), (3, "coerce", "09/QĐ-CCXP"),
        ):
            _insert(conn, "procedurestep", case_id=case_id, step=kind,
                    on="2026-11-02", document=document)
        conn.execute(text(
            "UPDATE \"case\" SET deleted_at = '2026-11-03 08:00:00' WHERE id = 3"
        ))
        conn.execute(text("DELETE FROM casetoken WHERE case_id = 3"))
    make_user("canbo.x10", "X10", Role.OFFICER)
    make_user("giamsat", "66", Role.SUPERVISOR)
    officer, supervisor = actor_for("canbo.x10"), actor_for("giamsat")
    assert _names(officer, "03/QĐ-CCXP") == []

    dbmod.migrate()

    assert _names(officer, "03/QĐ-CCXP") == ["Nguyễn Văn An"]
    assert _names(officer, "3/qd-ccxp") == ["Nguyễn Văn An"]
    assert _names(officer, "778899") == ["Nguyễn Văn An"]
    assert _names(supervisor, "12/QĐ-GQKN") == ["Phạm Văn Dũng"]
    assert _names(supervisor, "09/QĐ-CCXP") == []  # in the bin: no words
    with empty_db.connect() as conn:
        texts = dict(conn.execute(text('SELECT id, search_text FROM "case"')).all())
    assert texts[1].count("bl 778899") == 1 and "03/qd-ccxp" in texts[1]
    assert texts[2] == f" {CASES[2][2]} "
    rows = _tokens(empty_db)
    assert {t for c, t, _u in rows if c == 3} == set()
    # The old words stay (the data predates 0018's zero-less words), the
    # step numbers' words are added once each.
    case1 = [t for c, t, _u in rows if c == 1]
    assert len(case1) == len(set(case1))
    assert set(case1) == set(CASES[1][3].split()) | words_of("03/qd-ccxp bl 778899")
    assert {u for c, _t, u in rows if c == 4} == {20}

    # Run again: nothing more to add.
    spec = importlib.util.spec_from_file_location("m0019", MIGRATION)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    with empty_db.begin() as conn:
        assert migration.add_step_numbers(conn, page=1) == (0, 0)


def test_a_postal_item_number_finds_its_case(people):
    """User trial: the number of the registered letter that carried the
    decision, typed in the sending's note, did not find the case. A sending
    by post gives its item numbers as words; other notes give none."""
    from tests.services.test_procedure import decided_case
    from tests.services.test_procedure import step as take

    officer = people["canbo.a"]
    posted = decided_case(officer)
    handed = decided_case(officer)
    take(officer, posted, "send", on=d(0), code="post",
         note="Bưu điện tỉnh Đắk Lắk, số bưu gửi RR 123 456 789 VN")
    take(officer, handed, "send", on=d(0), code="direct",
         note="Giao tại nhà, SĐT 0905123456")
    assert found(officer, "RR123456789VN") == [posted]
    assert found(officer, "rr123456789vn") == [posted]
    assert found(officer, "0905123456") == []


def test_an_old_sending_gets_its_postal_number_at_the_next_refresh(people):
    """A sending stored without its words (as before, or by a bulk write)
    gets them when its case's words are next rebuilt (an edit, a step with a
    paper); migration 0022 rebuilt those of before once."""
    from datetime import date

    from tests.services.test_procedure import decided_case
    from xlvphc.models import ProcedureStep
    from xlvphc.services.cases import refresh_search_text

    officer = people["canbo.a"]
    case_id = decided_case(officer)
    with session_scope() as session:
        session.add(ProcedureStep(case_id=case_id, step="send", on=date.today(),
                                  code="post", note="số bưu gửi 1234567890123"))
    assert found(officer, "1234567890123") == []
    with session_scope() as session:
        refresh_search_text(session, session.get(Case, case_id))
    assert found(officer, "1234567890123") == [case_id]


MIGRATION_0022 = MIGRATION.with_name("0022_postal_numbers_searchable.py")


def test_0022_gives_old_postal_sendings_their_numbers(empty_db):  # noqa: F811
    """Sendings by post recorded before the numbers became words: after the
    upgrade the postal item number finds the case, as a new sending's does."""
    dbmod.migrate("0021_record_office_reason")
    with empty_db.begin() as conn:
        _old_database(conn, CASES)
        # Case 1 posted twice with the same item; case 4 posted with another
        # code and with a note holding none; case 2 handed over (its note's
        # phone number is no word); case 3 posted, then binned.
        for case_id, code, note in (
            (1, "post", "Bưu điện tỉnh Đắk Lắk, số bưu gửi RR 123 456 789 VN"),
            (1, "post", "Gửi lại, số bưu gửi RR123456789VN"),
            (4, "post", "Bưu cục Buôn Ma Thuột, mã 1234567890123"),
            (4, "post", "Bưu điện xã"),
            (2, "direct", "Giao tại nhà, SĐT 0912345678"),
            (3, "post", "Số bưu gửi EE 987 654 321 VN"),
        ):
            _insert(conn, "procedurestep", case_id=case_id, step="send",
                    on="2026-11-02", code=code, note=note, document="")
        conn.execute(text(
            "UPDATE \"case\" SET deleted_at = '2026-11-03 08:00:00' WHERE id = 3"
        ))
        conn.execute(text("DELETE FROM casetoken WHERE case_id = 3"))
    make_user("canbo.x10", "X10", Role.OFFICER)
    make_user("giamsat", "66", Role.SUPERVISOR)
    officer, supervisor = actor_for("canbo.x10"), actor_for("giamsat")
    assert _names(officer, "RR123456789VN") == []
    before = _tokens(empty_db)

    dbmod.migrate()

    assert _names(officer, "RR123456789VN") == ["Nguyễn Văn An"]
    assert _names(officer, "rr123456789vn") == ["Nguyễn Văn An"]
    assert _names(supervisor, "1234567890123") == ["Phạm Văn Dũng"]
    assert _names(supervisor, "0912345678") == []  # not sent by post
    assert _names(supervisor, "EE987654321VN") == []  # in the bin: no words
    with empty_db.connect() as conn:
        texts = dict(conn.execute(text('SELECT id, search_text FROM "case"')).all())
    assert texts[1].count("rr123456789vn") == 1
    assert texts[2] == f" {CASES[2][2]} "
    rows = _tokens(empty_db)
    assert {t for c, t, _u in rows if c == 3} == set()
    # The old words stay; the numbers' words are added once, on the unit.
    assert set(before) <= set(rows)
    assert len(rows) == len(set(rows))
    case1 = {t for c, t, _u in rows if c == 1}
    assert case1 == set(CASES[1][3].split()) | words_of("rr123456789vn")
    assert {u for c, _t, u in rows if c == 4} == {20}

    # Run again: nothing more to add.
    spec = importlib.util.spec_from_file_location("m0022", MIGRATION_0022)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    with empty_db.begin() as conn:
        assert migration.add_postal_numbers(conn, page=1) == (0, 0)
