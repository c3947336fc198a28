"""Excel export of a case search result (the same filters as the list).

Cells are written as text where they hold text, and any text that a
spreadsheet would run as a formula (starting with = + - @, tab, CR or NUL) is
prefixed with an apostrophe (security.md, ASVS 1.2.10: formula injection).
Every export is audited with its filters and row count (security.md 3.2).
"""

import io
import logging

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from sqlmodel import select

from xlvphc.models import Case, Unit, Violator
from xlvphc.models.base import local_now
from xlvphc.models.cases import CaseStatus
from xlvphc.services import audit
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.case_queries import case_conditions, ordered
from xlvphc.services.db import session_scope

log = logging.getLogger(__name__)

MAX_ROWS = 50_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")
COLUMNS = [
    ("Số biên bản", 16), ("Số quyết định", 16), ("Ngày vi phạm", 13),
    ("Ngày quyết định", 14), ("Người/tổ chức vi phạm", 28), ("Số định danh/MST", 16),
    ("Địa chỉ", 36), ("Đơn vị", 30), ("Lĩnh vực", 26), ("Trạng thái", 18),
    ("Tiền phạt (đồng)", 16), ("Đã nộp (đồng)", 16), ("Nhập từ Excel", 10),
]


def safe_cell(value: object) -> object:
    """A value that cannot become a formula when the sheet is opened."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _put(ws, row: int, col: int, value: object) -> None:
    cell = ws.cell(row=row, column=col, value=safe_cell(value))
    if isinstance(value, str):
        cell.data_type = TYPE_STRING  # never parsed as a formula by openpyxl


def export_cases(actor: Actor, filters: object = None) -> tuple[str, bytes]:
    """The whole search result (up to MAX_ROWS, newest first or as sorted) as
    an .xlsx file; returns (file name, bytes)."""
    require(actor, Action.CASE_EXPORT)
    conds = case_conditions(actor, filters, Action.CASE_EXPORT)
    stmt = (
        select(Case, Unit.name, Violator.id_number, Violator.tax_code,
               Violator.address)
        .join(Unit, Unit.id == Case.unit_id)
        .join(Violator, Violator.case_id == Case.id, isouter=True)
        .where(*conds)
    )
    wb = Workbook()
    ws = wb.active
    ws.title = "Hồ sơ"
    now = local_now()
    ws.cell(row=1, column=1, value="DANH SÁCH HỒ SƠ VI PHẠM HÀNH CHÍNH").font = Font(
        bold=True, size=13)
    _put(ws, 2, 1, f"Xuất lúc {now:%H:%M} ngày {now:%d/%m/%Y} bởi {actor.full_name}")
    for col, (title, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=4, column=col, value=title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A5"

    count = 0
    with session_scope() as session:
        rows = session.exec(ordered(stmt, filters).limit(MAX_ROWS))
        for case, unit_name, id_number, tax_code, address in rows:
            count += 1
            r = 4 + count
            values = [
                case.record_number, case.decision_number, case.violation_date,
                case.decided_on, case.violator_name, id_number or tax_code or "",
                address or "", unit_name, case.field,
                CaseStatus.LABELS.get(case.status, case.status),
                case.fine_total, case.paid_total, "Có" if case.imported else "",
            ]
            for col, value in enumerate(values, start=1):
                _put(ws, r, col, value)
                if col in (3, 4) and value is not None:
                    ws.cell(row=r, column=col).number_format = "DD/MM/YYYY"
                elif col in (11, 12):
                    ws.cell(row=r, column=col).number_format = "#,##0"
        audit.record(session, actor, "case.exported", entity="case",
                     after={"filters": filters if isinstance(filters, dict) else {},
                            "rows": count})
    if count >= MAX_ROWS:
        _put(ws, 3, 1, f"Chỉ xuất {MAX_ROWS} hồ sơ đầu tiên; hãy thu hẹp điều kiện "
             "tìm kiếm.")
    buffer = io.BytesIO()
    wb.save(buffer)
    log.info("user=%s exported %s cases", actor.user_id, count)
    return f"ho-so-{now:%Y%m%d-%H%M}.xlsx", buffer.getvalue()
