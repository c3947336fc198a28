"""The Excel import writes in batches (one transaction and one INSERT per
table per batch, issue 8): a 2,000-row register must give exactly what
importing it row by row gives — the same cases and child rows, search words
and numbers — and stay idempotent when another import gets there first."""

import io
import json
import random
from datetime import date, timedelta

import pytest
from openpyxl import Workbook
from sqlmodel import select

from xlvphc.domain.text import clean
from xlvphc.models import (
    AuditEvent,
    Case,
    CaseAct,
    CaseEvent,
    CaseToken,
    Decision,
    ViolationRecord,
    Violator,
)
from xlvphc.services import case_queries, importer, search_index
from xlvphc.services.cases import search_text
from xlvphc.services.db import session_scope
from xlvphc.services.importer import run as import_run
from xlvphc.services.importer.columns import COLUMNS
from xlvphc.services.importer.reader import cell_text

ROWS = 2000
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Y", "H'"]
GIVEN = ["Văn An", "Thị Bình", "Đức Cường", "Thị Đào", "Niê", "Ksor Thuận"]
ACTS = [
    ("Trật tự, an toàn giao thông đường bộ",
     "Không đội mũ bảo hiểm, xe biển số 47B1-123.45",
     "điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP", 500_000),
    ("Trật tự, an toàn giao thông đường bộ",
     "Vượt đèn đỏ, xe 47A-999.01", "điểm c khoản 9 Điều 6 NĐ 168/2024/NĐ-CP",
     18_000_000),
    ("An ninh, trật tự, an toàn xã hội", "Gây mất trật tự công cộng",
     "điểm a khoản 1 Điều 7 Nghị định 282/2025/NĐ-CP", 750_000),
    ("Bảo vệ môi trường", "Xả rác thải sinh hoạt không đúng nơi quy định",
     "", 0),
]


def register(rows: int = ROWS, seed: int = 7, first: int = 1) -> bytes:
    """A register in the template's layout with varied rows: individuals and
    organisations, with and without a record, paid, part paid and unpaid,
    names in capitals, notes, plates in the act (search words)."""
    rnd = random.Random(seed)
    wb = Workbook()
    ws = wb.active
    ws.append([c.title for c in COLUMNS])
    # After the decrees cited came into force (NĐ 282/2025 cited: 2025 on).
    start = date(2025, 7, 1)
    for i in range(rows):
        field, act, cite, fine = ACTS[i % len(ACTS)]
        day = start + timedelta(days=rnd.randrange(500))
        org = i % 9 == 0
        fine *= 2 if org else 1  # Law Art. 24 k2: an organisation's frame
        name = (f"Công ty TNHH Cà phê số {i}" if org
                else f"{rnd.choice(FAMILY)} {rnd.choice(GIVEN)}")
        paid = [fine, fine // 2, 0][i % 3] if fine else 0
        values = {
            "decision_number": f"{first + i}/QĐ-XPHC",
            "decided_on": (day + timedelta(days=i % 5)).strftime("%d/%m/%Y"),
            "record_number": f"{i + 1}/BB-VPHC" if i % 4 else "",
            "record_date": day.strftime("%d/%m/%Y") if i % 8 else "",
            "violation_date": day.strftime("%d/%m/%Y"),
            "violation_place": f"Thôn {i % 12}, xã Hòa Phú",
            "kind": "Tổ chức" if org else "Cá nhân",
            "name": name.upper() if i % 5 == 0 and not org else name,
            "identity": f"60{i:08d}" if org else f"0660{rnd.randrange(10**8):08d}",
            "address": f"Số {i}, đường Lê Duẩn, phường Buôn Ma Thuột",
            "field": field,
            "act": act,
            "citation": cite,
            "fine": f"{fine:,}".replace(",", ".") if fine else "",
            "signer": "Phạm Văn Dũng",
            "paid": str(paid) if paid else "",
            "note": "nộp một phần" if i % 3 == 1 else "",
        }
        ws.append([values[c.key] for c in COLUMNS])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _without(row, *names) -> dict:
    return {k: v for k, v in row.model_dump().items() if k not in names}


def snapshot(unit_id: int) -> dict:
    """Everything an import wrote for one unit, keyed by decision number, with
    what differs between units and runs (ids, unit and the unit's header
    and name kept on its papers, actor, times) left out."""
    ignore = ("id", "case_id", "unit_id", "created_by", "created_at",
              "updated_at", "request_key", "at", "actor_id",
              "agency_name", "agency_parent", "agency_place", "agency_unit_name")
    with session_scope() as session:
        cases = session.exec(select(Case).where(Case.unit_id == unit_id)).all()
        number = {c.id: c.decision_number for c in cases}

        def rows(model) -> dict:
            found = session.exec(
                select(model).where(model.case_id.in_(list(number)))).all()
            out: dict = {}
            for row in found:
                out.setdefault(number[row.case_id], []).append(
                    _without(row, *ignore))
            return out

        tokens: dict = {}
        for case_id, token, unit in session.exec(
                select(CaseToken.case_id, CaseToken.token, CaseToken.unit_id)
                .where(CaseToken.case_id.in_(list(number)))):
            assert unit == unit_id
            tokens.setdefault(number[case_id], set()).add(token)
        audits = {
            number[a.entity_id]: json.loads(a.after)
            for a in session.exec(select(AuditEvent).where(
                AuditEvent.action == "case.imported",
                AuditEvent.unit_id == unit_id)).all()
        }
        return {
            "cases": {c.decision_number: _without(c, *ignore) for c in cases},
            "violators": rows(Violator), "acts": rows(CaseAct),
            "records": rows(ViolationRecord), "decisions": rows(Decision),
            "events": rows(CaseEvent), "tokens": tokens, "audit": audits,
        }


@pytest.fixture(scope="module")
def workbook() -> bytes:
    return register()


def test_batches_give_the_same_result_as_row_by_row(people, workbook, monkeypatch):
    a, b = people["canbo.a"], people["canbo.b"]
    seen: list = []
    report = importer.import_rows(a, workbook, lambda *p: seen.append(p))
    assert (report["created"], report["existing"], report["invalid"]) == \
        (ROWS, 0, 0), report["problems"][:3]
    # One progress report after the look-up, then one per batch.
    batches = -(-ROWS // import_run.BATCH)
    assert len(seen) == 1 + batches
    assert seen[0] == (0, ROWS) and seen[-1] == (ROWS, ROWS)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)

    monkeypatch.setattr(import_run, "BATCH", 1)
    single = importer.import_rows(b, workbook)
    assert single["created"] == ROWS

    batched, one_by_one = snapshot(a.unit_id), snapshot(b.unit_id)
    assert len(batched["cases"]) == ROWS
    for part in batched:
        assert batched[part] == one_by_one[part], part
    cases = batched["cases"]
    assert {c["status"] for c in cases.values()} == {"closed", "decided"}
    # A row without a record number is not a decision on the spot (Art. 56).
    assert sum(c["without_record"] for c in cases.values()) == 0
    assert len(batched["records"]) == ROWS - ROWS // 4
    assert cases["10/QĐ-XPHC"]["violator_name"] == "Công ty TNHH Cà phê số 9"
    rows_match_what_the_services_would_write(a)


def rows_match_what_the_services_would_write(a) -> None:
    """Search text and words as the ORM path writes them (the flush listener
    and services.cases.search_text), and column defaults as in the models."""
    with session_scope() as session:
        before = set(session.exec(
            select(CaseToken.case_id, CaseToken.token, CaseToken.unit_id)).all())
        cases = session.exec(select(Case).where(Case.unit_id == a.unit_id)
                             .order_by(Case.id).limit(50)).all()
        for case in cases:
            violator = session.exec(
                select(Violator).where(Violator.case_id == case.id)).one()
            assert case.search_text == search_text(case, violator)
            assert (case.version, case.reduced_total, case.deleted_at) == (1, 0, None)
            assert case.created_at is not None and violator.nationality == "Việt Nam"
    with session_scope() as session:
        assert search_index.rebuild(session) == 2 * ROWS
    with session_scope() as session:
        after = set(session.exec(
            select(CaseToken.case_id, CaseToken.token, CaseToken.unit_id)).all())
    assert before == after and len(before) > 20 * ROWS
    # Found by the search box, a plate included, and counted in the list.
    assert case_queries.list_cases(a, {"q": "47B1-123.45"})["total"] > 0
    assert case_queries.list_cases(a, {"q": "ksor thuan"})["total"] > 0


def test_second_run_and_a_concurrent_import_add_nothing(people, monkeypatch):
    a = people["canbo.a"]
    small = register(rows=450, seed=3)
    assert importer.import_rows(a, small)["created"] == 450
    again = importer.import_rows(a, small)
    assert (again["created"], again["existing"]) == (0, 450)

    # Another import committed the same decisions after this one looked:
    # the unique request key refuses each batch, which is written again
    # without them and reports them as already there.
    monkeypatch.setattr(import_run, "_already_there", _blind_first_look())
    raced = importer.import_rows(a, small)
    assert (raced["created"], raced["existing"]) == (0, 450)
    with session_scope() as session:
        assert len(session.exec(select(Case.id)).all()) == 450
        runs = session.exec(select(AuditEvent.after).where(
            AuditEvent.action == "case.import_run").order_by(AuditEvent.id)).all()
    assert [json.loads(r)["created"] for r in runs] == [450, 0, 0]


def _blind_first_look():
    real = import_run._already_there
    calls = {"n": 0}

    def look(session, unit_id, rows):
        calls["n"] += 1
        return set() if calls["n"] == 1 else real(session, unit_id, rows)

    return look


def test_cell_text_is_clean():
    """The fast path returns exactly what `clean` returns."""
    pool = ["a", "B", " ", "  ", "\t", "\n", "\u00a0", "\u200b", "\u202e",
            "e\u0301", "é", "Đ", "ư", "'", "\u2019", "1", ".", "\x00", "\x85",
            "\u2028", "\ufeff", "\u00ad", "\u3000"]
    rnd = random.Random(5)
    for _ in range(20_000):
        text = "".join(rnd.choice(pool) for _ in range(rnd.randrange(8)))
        assert cell_text(text) == clean(text), repr(text)
    for value in (None, 0, 12.5, True, date(2024, 3, 20), b"ab", "Nguyễn Văn An"):
        assert cell_text(value) == clean(value)


def test_the_import_after_a_dry_run_reads_the_workbook_once(people, monkeypatch):
    """The page runs the dry run, then the import of the same bytes: the rows
    checked by the first are used by the second (reading is a third of an
    import); any other file, or a second import, is read again."""
    a = people["canbo.a"]
    calls: list[int] = []
    real = import_run.read_sheet

    def counting(data, today):
        calls.append(len(data))
        return real(data, today)

    monkeypatch.setattr(import_run, "read_sheet", counting)
    first, second = register(30, seed=1), register(20, seed=2, first=101)
    assert importer.preview(a, first)["valid"] == 30
    assert importer.import_rows(a, first)["created"] == 30
    assert len(calls) == 1
    assert importer.import_rows(a, first)["existing"] == 30
    assert len(calls) == 2
    importer.preview(a, first)
    assert importer.import_rows(a, second)["created"] == 20  # not the previewed
    assert len(calls) == 4
    # Expired: read again.
    importer.preview(a, second)
    monkeypatch.setattr(import_run, "CHECKED_TTL", 0)
    assert importer.import_rows(a, second)["existing"] == 20
    assert len(calls) == 6
