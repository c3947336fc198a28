"""The import of earlier cases: template, dry run, and the import itself.

Each valid row becomes one case in the officer's own unit, with its violator,
act, decision (and record when the row has one), marked `imported`. A
decision is identified by (unit, decision number, year): rows already in the
database are skipped, so running the same workbook twice adds nothing.
"""

import hashlib
import io
import logging
from collections.abc import Callable
from datetime import datetime, time

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlmodel import select

from xlvphc.domain.text import fold
from xlvphc.models import Case, CaseAct, CaseEvent, Decision, ViolationRecord, Violator
from xlvphc.models.base import VN_TZ, local_now
from xlvphc.models.cases import CaseStatus, CloseReason, ViolatorKind
from xlvphc.services import audit
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.cases import search_text
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.importer.columns import COLUMNS
from xlvphc.services.importer.reader import Row, WorkbookError, read_sheet

log = logging.getLogger(__name__)

BATCH = 200
MAX_PROBLEMS_SHOWN = 500


def template() -> tuple[str, bytes]:
    """The empty template: one heading row (required columns marked *), a
    hint under each heading as a comment, and one example row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Quyết định xử phạt"
    example = {
        "decision_number": "15/QĐ-XPHC", "decided_on": "20/03/2024",
        "record_number": "12/BB-VPHC", "record_date": "18/03/2024",
        "violation_date": "18/03/2024", "violation_place": "Quốc lộ 14, xã Hòa Phú",
        "kind": "Cá nhân", "name": "Nguyễn Văn An", "identity": "066090001234",
        "address": "Thôn 3, xã Hòa Phú, tỉnh Đắk Lắk",
        "field": "Trật tự, an toàn giao thông đường bộ",
        "act": "Không đội mũ bảo hiểm khi điều khiển xe mô tô",
        "citation": "điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP",
        "fine": "500.000", "signer": "Phạm Văn Dũng", "paid": "500.000", "note": "",
    }
    for col, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=col,
                       value=column.title + (" (*)" if column.required else ""))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        if column.hint:
            cell.comment = Comment(column.hint, "XLVPHC")
        ws.cell(row=2, column=col, value=example[column.key]).number_format = "@"
        ws.column_dimensions[get_column_letter(col)].width = max(14, len(column.title))
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    wb.save(buffer)
    return "mau-nhap-ho-so.xlsx", buffer.getvalue()


def _request_key(unit_id: int, row: Row) -> str:
    """A stable key per (unit, decision number, year): the unique
    Case.request_key makes a second import of the same decision impossible."""
    digest = hashlib.sha256(f"{unit_id}|{row.key}".encode()).hexdigest()[:40]
    return f"imp-{digest}"


def _existing_keys(session, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        found.update(session.exec(select(Case.request_key).where(
            Case.request_key.in_(chunk))).all())
    return found


def _already_there(session, unit_id: int, rows: list[Row]) -> set[int]:
    """Row numbers whose decision is already in the database: imported
    before (same key, even if now in the bin), or entered by hand with the same
    number in the same year."""
    keys = {_request_key(unit_id, r): r.number for r in rows}
    present = {keys[k] for k in _existing_keys(session, list(keys))}
    numbers = {fold(r.values["decision_number"]).replace(" ", ""): r for r in rows}
    hand = session.exec(select(Case.decision_number, Case.decided_on).where(
        Case.unit_id == unit_id, Case.decision_number != "",
        Case.imported.is_(False))).all()
    for number, decided in hand:
        row = numbers.get(fold(number).replace(" ", ""))
        if row and decided and row.values["decided_on"] and \
                decided.year == row.values["decided_on"].year:
            present.add(row.number)
    return present


def _read(actor: Actor, data: object):
    require(actor, Action.CASE_IMPORT, actor.unit_id)
    try:
        sheet = read_sheet(data if isinstance(data, (bytes, bytearray)) else b"",
                           local_now().date())
    except WorkbookError as exc:
        raise ValidationFailed({"file": exc.message}) from exc
    if sheet.missing_columns:
        raise ValidationFailed({"file": "Tệp thiếu cột bắt buộc: "
                                + ", ".join(sheet.missing_columns) + "."})
    return sheet


def preview(actor: Actor, data: object) -> dict:
    """The dry run: what the import would do, and every problem by row and
    column. Nothing is written."""
    sheet = _read(actor, data)
    valid = [r for r in sheet.rows if not r.problems]
    with session_scope() as session:
        present = _already_there(session, actor.unit_id, valid)
    problems = [p for r in sheet.rows for p in r.problems]
    return {
        "rows": len(sheet.rows),
        "valid": len(valid) - len(present),
        "existing": len(present),
        "invalid": sum(1 for r in sheet.rows if r.problems),
        "problems": problems[:MAX_PROBLEMS_SHOWN],
        "more_problems": max(0, len(problems) - MAX_PROBLEMS_SHOWN),
    }


def _make_case(session, actor: Actor, row: Row) -> None:
    v = row.values
    fine, paid = v["fine"], v["paid"]
    done = fine > 0 and paid >= fine
    violated = datetime.combine(v["violation_date"], time(), tzinfo=VN_TZ)
    case = Case(
        unit_id=actor.unit_id, field=v["field"],
        status=CaseStatus.CLOSED if done else CaseStatus.DECIDED,
        close_reason=CloseReason.EXECUTED if done else "",
        violation_at=violated, violation_date=v["violation_date"],
        violation_place=v["violation_place"], description=v["act"],
        violator_kind=v["kind"], violator_name=v["name"],
        record_number=v["record_number"], decision_number=v["decision_number"],
        decided_on=v["decided_on"], fine_total=fine, paid_total=paid,
        without_record=not v["record_number"], imported=True,
        created_by=actor.user_id, request_key=_request_key(actor.unit_id, row),
    )
    session.add(case)
    session.flush()
    is_org = v["kind"] == ViolatorKind.ORGANISATION
    violator = Violator(
        case_id=case.id, kind=v["kind"], name=v["name"], address=v["address"],
        id_number="" if is_org else v["identity"],
        tax_code=v["identity"] if is_org else "",
    )
    session.add(violator)
    cite = v["acts"] or {}
    session.add(CaseAct(
        case_id=case.id, decree=cite.get("decree", "") or "", act=v["act"],
        article=cite.get("article", 0), clause=cite.get("clause", 0),
        point=cite.get("point", ""), fine=fine))
    if v["record_number"]:
        made = v["record_date"] or v["violation_date"]
        session.add(ViolationRecord(
            case_id=case.id, number=v["record_number"], place="", maker_name="",
            made_at=datetime.combine(made, time(), tzinfo=VN_TZ),
            created_by=actor.user_id))
    session.add(Decision(
        case_id=case.id, number=v["decision_number"], decided_on=v["decided_on"],
        signer_name=v["signer"], signer_title="", fine_total=fine,
        created_by=actor.user_id))
    case.search_text = search_text(case, violator)
    session.add(case)
    session.add(CaseEvent(
        case_id=case.id, kind="import", actor_id=actor.user_id,
        summary=f"Nhập từ sổ theo dõi Excel (dòng {row.number})"
        + (f". Ghi chú: {v['note']}" if v["note"] else "")))
    audit.record(session, actor, "case.imported", entity="case", entity_id=case.id,
                 after={"decision_number": case.decision_number,
                        "fine_total": fine, "status": case.status})


def import_rows(actor: Actor, data: object,
                progress: Callable[[int, int], None] | None = None) -> dict:
    """Bring in the valid rows not yet in the database, in batches (one
    transaction each, so a long file does not hold the database), reporting
    progress as (done, total)."""
    sheet = _read(actor, data)
    valid = [r for r in sheet.rows if not r.problems]
    created = existing = 0
    # TODO: two imports of the same file at the same moment: the unique
    # request_key stops the duplicate, but the losing batch fails with the
    # generic error instead of counting its rows as "already there".
    for start in range(0, len(valid), BATCH):
        batch = valid[start:start + BATCH]
        with session_scope() as session:
            present = _already_there(session, actor.unit_id, batch)
            for row in batch:
                if row.number in present:
                    existing += 1
                    continue
                _make_case(session, actor, row)
                created += 1
        if progress:
            progress(min(start + BATCH, len(valid)), len(valid))
    with session_scope() as session:
        audit.record(session, actor, "case.import_run", entity="case",
                     after={"rows": len(sheet.rows), "created": created,
                            "existing": existing,
                            "invalid": len(sheet.rows) - len(valid)})
    log.info("user=%s imported %s cases (%s already there)", actor.user_id,
             created, existing)
    return {"rows": len(sheet.rows), "created": created, "existing": existing,
            "invalid": len(sheet.rows) - len(valid),
            "problems": [p for r in sheet.rows for p in r.problems]
            [:MAX_PROBLEMS_SHOWN]}
