"""Excel export of a case search result: exactly the list's result.

The rows come from `case_queries.result_statement`, the list's conditions,
scope, planned word search and order as one statement, streamed from the
database in chunks of CHUNK rows into a write-only workbook (rows go to a
temporary file as they are written), so a 50,000-row export never holds all
its rows in memory; only the finished file is.

Cells are written as text where they hold text, and any text that a
spreadsheet would run as a formula (starting with = + - @, tab, CR or NUL) is
prefixed with an apostrophe (security.md, ASVS 1.2.10: formula injection).
Every export is audited with its filters and row count (security.md 3.2).
"""

import io
import logging

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from sqlalchemy import func
from sqlmodel import select

from xlvphc.domain.money import format_number
from xlvphc.models import Case, Unit, Violator
from xlvphc.models.base import local_now
from xlvphc.models.cases import CaseStatus
from xlvphc.services import audit
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.case_queries import result_statement
from xlvphc.services.db import session_scope

log = logging.getLogger(__name__)

MAX_ROWS = 50_000
CHUNK = 500
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")
COLUMNS = [
    ("Số biên bản", 16),
    ("Số quyết định", 16),
    ("Ngày vi phạm", 13),
    ("Ngày quyết định", 14),
    ("Người/tổ chức vi phạm", 28),
    ("Số định danh/MST", 16),
    ("Địa chỉ", 36),
    ("Đơn vị", 30),
    ("Lĩnh vực", 26),
    ("Trạng thái", 18),
    ("Tiền phạt (đồng)", 16),
    ("Đã nộp (đồng)", 16),
    ("Nhập từ Excel", 10),
]
_DATES, _MONEY = (3, 4), (11, 12)


def safe_cell(value: object) -> object:
    """A value that cannot become a formula when the sheet is opened."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _cell(ws, value: object, col: int = 0, font: Font | None = None):
    """One cell of the write-only sheet: text stays text, dates and amounts
    get their number format by column."""
    cell = WriteOnlyCell(ws, value=safe_cell(value))
    if isinstance(value, str):
        cell.data_type = TYPE_STRING  # never parsed as a formula by openpyxl
    elif col in _DATES and value is not None:
        cell.number_format = "DD/MM/YYYY"
    elif col in _MONEY:
        cell.number_format = "#,##0"
    if font is not None:
        cell.font = font
    return cell


def _rows_statement(session, actor: Actor, filters: object):
    """The list's result (case_queries.result_statement) with the columns
    the sheet shows."""
    stmt = (
        select(
            Case.record_number,
            Case.decision_number,
            Case.violation_date,
            Case.decided_on,
            Case.violator_name,
            Violator.id_number,
            Violator.tax_code,
            Violator.address,
            Unit.name,
            Case.field,
            Case.status,
            Case.fine_total,
            Case.paid_total,
            Case.imported,
        )
        .join(Unit, Unit.id == Case.unit_id)
        .join(Violator, Violator.case_id == Case.id, isouter=True)
    )
    return result_statement(session, actor, filters, stmt, Action.CASE_EXPORT)


def _values(row) -> list:
    (
        record,
        decision,
        violated,
        decided,
        name,
        id_number,
        tax_code,
        address,
        unit_name,
        field,
        status,
        fine,
        paid,
        imported,
    ) = row
    return [
        record,
        decision,
        violated,
        decided,
        name,
        id_number or tax_code or "",
        address or "",
        unit_name,
        field,
        CaseStatus.LABELS.get(status, status),
        # No decision yet: no fine was set and none can have been paid, so
        # the cells stay blank, as the list shows "—", not 0 (user trial);
        # with a decision they are numbers, for the sheet's sums.
        fine if decision else None,
        paid if decision else None,
        "Có" if imported else "",
    ]


def _write_head(ws, actor: Actor, now, more: bool) -> None:
    """Rows 1-4: title, who exported when, whether the file was cut, the
    column titles."""
    made = f"Xuất lúc {now:%H:%M} ngày {now:%d/%m/%Y} bởi {actor.full_name}"
    cut = (
        f"Chỉ xuất {format_number(MAX_ROWS)} hồ sơ đầu tiên; hãy thu hẹp điều "
        "kiện tìm kiếm."
    )
    title = "DANH SÁCH HỒ SƠ VI PHẠM HÀNH CHÍNH"
    ws.append([_cell(ws, title, font=Font(bold=True, size=13))])
    ws.append([_cell(ws, made)])
    ws.append([_cell(ws, cut)] if more else [])
    heads = []
    for name, _ in COLUMNS:
        cell = _cell(ws, name, font=Font(bold=True))
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        heads.append(cell)
    ws.append(heads)


def export_cases(actor: Actor, filters: object = None) -> tuple[str, bytes]:
    """The whole search result (up to MAX_ROWS, in the list's order) as an
    .xlsx file; returns (file name, bytes)."""
    require(actor, Action.CASE_EXPORT)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Hồ sơ")
    for col, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A5"
    now = local_now()

    count = 0
    with session_scope() as session:
        stmt = _rows_statement(session, actor, filters)
        # Counted first (up to the cap, unsorted): the note above the table
        # says whether the file was cut, and a write-only sheet is written
        # top to bottom.
        capped = select(func.count()).select_from(
            stmt.order_by(None).limit(MAX_ROWS + 1).subquery()
        )
        more = session.exec(capped).one() > MAX_ROWS
        _write_head(ws, actor, now, more)

        result = session.connection().execute(
            stmt.limit(MAX_ROWS).execution_options(yield_per=CHUNK)
        )
        for chunk in result.partitions():
            for row in chunk:
                ws.append(
                    [
                        _cell(ws, value, col)
                        for col, value in enumerate(_values(row), start=1)
                    ]
                )
            count += len(chunk)
        audit.record(
            session,
            actor,
            "case.exported",
            entity="case",
            after={
                "filters": filters if isinstance(filters, dict) else {},
                "rows": count,
            },
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    log.info("user=%s exported %s cases", actor.user_id, count)
    return f"ho-so-{now:%Y%m%d-%H%M}.xlsx", buffer.getvalue()
