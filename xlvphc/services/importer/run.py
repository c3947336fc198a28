"""The import of earlier cases: template, dry run, and the import itself.

Each valid row becomes one case in the officer's own unit, with its violator,
act, decision (and record when the row has one), marked `imported`. A
decision is identified by (unit, decision number, year): rows already in the
database are skipped, so running the same workbook twice adds nothing.
"""

import hashlib
import io
import logging
import re
import threading
import time
from collections.abc import Callable
from datetime import date

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from xlvphc.domain.text import fold
from xlvphc.models import Case
from xlvphc.models.base import local_now
from xlvphc.services import audit
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.importer.against_catalogue import check_rows
from xlvphc.services.importer.columns import COLUMNS
from xlvphc.services.importer.reader import Row, WorkbookError, read_sheet
from xlvphc.services.importer.write import write_batch

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
        # A violation of 2025, under NĐ 168/2024/NĐ-CP (in force 01/01/2025).
        "decision_number": "15/QĐ-XPHC", "decided_on": "20/03/2025",
        "record_number": "12/BB-VPHC", "record_date": "18/03/2025",
        "violation_date": "18/03/2025", "violation_place": "Quốc lộ 14, xã Hòa Phú",
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


_LEADING_ZEROS = re.compile(r"^0+(?=\d)")


def _same_number(number: str) -> str:
    """A decision number folded for comparing: the app numbers "01/QĐ-XPHC"
    (Nghị định 30/2020/NĐ-CP) where a register may say "1/QĐ-XPHC", and
    decisions issued before it were "1/QĐ-XPHC"; all are one number."""
    return _LEADING_ZEROS.sub("", fold(number).replace(" ", ""))


def _already_there(session, unit_id: int, rows: list[Row]) -> set[int]:
    """Row numbers whose decision is already in the database: imported
    before (same key, even if now in the bin), or entered by hand with the same
    number in the same year."""
    keys = {_request_key(unit_id, r): r.number for r in rows}
    present = {keys[k] for k in _existing_keys(session, list(keys))}
    # A number may stand on several rows (other years, other writings).
    numbers: dict[str, list[Row]] = {}
    for r in rows:
        numbers.setdefault(_same_number(r.values["decision_number"]), []).append(r)
    years = [r.values["decided_on"].year for r in rows if r.values["decided_on"]]
    if not years:
        return present
    # Numbers are compared folded, which SQL cannot do: read the unit's
    # hand-entered numbers once, only of the years the file covers.
    hand = session.exec(select(Case.decision_number, Case.decided_on).where(
        Case.unit_id == unit_id, Case.decision_number != "",
        Case.imported.is_(False),
        Case.decided_on >= date(min(years), 1, 1),
        Case.decided_on <= date(max(years), 12, 31))).all()
    for number, decided in hand:
        for row in numbers.get(_same_number(number), ()):
            if decided and row.values["decided_on"] and \
                    decided.year == row.values["decided_on"].year:
                present.add(row.number)
    return present


# The rows checked by the last dry run, so that the import which follows it
# (the page keeps the same bytes) does not read the workbook a second time:
# once writing is batched, reading is a third of an import. The rows depend on
# the bytes and the day only. One entry per process (~2.5 MB per 1,000 rows,
# so at most ~50 MB for the reader's 20,000), taken by the import, replaced
# by the next dry run, and dropped by the first read after CHECKED_TTL.
CHECKED_TTL = 15 * 60
_checked: dict = {}
_checked_lock = threading.Lock()


def _read(actor: Actor, data: object, *, keep: bool = False, reuse: bool = False):
    require(actor, Action.CASE_IMPORT, actor.unit_id)
    raw = bytes(data) if isinstance(data, (bytes, bytearray)) else b""
    key = (hashlib.sha256(raw).hexdigest(), local_now().date())
    sheet = None
    with _checked_lock:
        entry = _checked.get("last")
        if entry and time.monotonic() - entry[1] >= CHECKED_TTL:
            entry = _checked.pop("last") and None
        if reuse and entry and entry[0] == key:
            sheet = _checked.pop("last")[2]
    if sheet is None:
        try:
            sheet = read_sheet(raw, key[1])
        except WorkbookError as exc:
            raise ValidationFailed({"file": exc.message}) from exc
        with session_scope() as session:
            check_rows(session, sheet.rows)
    if sheet.missing_columns:
        raise ValidationFailed({"file": "Tệp thiếu cột bắt buộc: "
                                + ", ".join(sheet.missing_columns) + "."})
    if keep:
        with _checked_lock:
            _checked["last"] = (key, time.monotonic(), sheet)
    return sheet


def preview(actor: Actor, data: object) -> dict:
    """The dry run: what the import would do, and every problem by row and
    column. Nothing is written."""
    sheet = _read(actor, data, keep=True)
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


def _import_batch(actor: Actor, rows: list[Row]) -> int:
    """Write one batch in its own transaction; returns how many were created.

    The file was checked against the database before the first batch; if
    another import of the same decisions commits in between, the unique
    request_key refuses this batch, and it is written again without the rows
    that are now there, which count as already imported."""
    try:
        with session_scope() as session:
            _write(session, actor, rows)
        return len(rows)
    except IntegrityError:
        log.warning("user=%s import batch met a concurrent import; retrying",
                    actor.user_id)
    with session_scope() as session:
        present = _already_there(session, actor.unit_id, rows)
        left = [r for r in rows if r.number not in present]
        if left:
            _write(session, actor, left)
    return len(left)


def _write(session, actor: Actor, rows: list[Row]) -> None:
    keys = [_request_key(actor.unit_id, row) for row in rows]
    write_batch(session, actor, rows, keys)


def import_rows(actor: Actor, data: object,
                progress: Callable[[int, int], None] | None = None) -> dict:
    """Bring in the valid rows not yet in the database, reporting progress as
    (done, total) over the valid rows.

    What is already there is looked up once for the whole file; the new rows
    are then written in batches of BATCH, each one transaction, so a long file
    neither holds the database for minutes nor costs a round trip per row."""
    sheet = _read(actor, data, reuse=True)
    valid = [r for r in sheet.rows if not r.problems]
    with session_scope() as session:
        present = _already_there(session, actor.unit_id, valid)
    todo = [r for r in valid if r.number not in present]
    existing = len(valid) - len(todo)
    if progress:
        progress(existing, len(valid))

    created = 0
    for start in range(0, len(todo), BATCH):
        batch = todo[start:start + BATCH]
        written = _import_batch(actor, batch)
        created += written
        existing += len(batch) - written
        if progress:
            progress(existing + created, len(valid))

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
