"""The report as an Excel workbook: one sheet per table, its subtotals written
as the numbers the service computed. A =SUM() formula carries no value until
a spreadsheet recalculates it, and phone previews, Google Drive's viewer,
LibreOffice with recalculation off and openpyxl or pandas reading values all
showed those totals empty (user trial)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from xlvphc.domain.dates import fmt_date
from xlvphc.services.reports.queries import NO_SOURCE, Report, Row, Table, table_values

THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDE6F0")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
MONEY = "#,##0"
FIRST_VALUE_COL = 3  # A: STT, B: Đơn vị


def safe_text(value: str) -> str:
    """Text that a spreadsheet will not run as a formula (OWASP: CSV/formula
    injection; security.md F5)."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def _style_header(cell) -> None:
    cell.font = Font(bold=True)
    cell.fill = HEAD_FILL
    cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    cell.border = BOX


def _write_rows(
    ws: Worksheet, table: Table, rows: list[Row], start: int, number_from: int
) -> int:
    """Unit rows from `start`; returns the next free row."""
    r = start
    for i, row in enumerate(rows, number_from):
        ws.cell(r, 1, i).border = BOX
        ws.cell(r, 2, safe_text(row.name)).border = BOX
        values = ["—" if v is None else v for v in table_values(table, row)]
        for j, (col, value) in enumerate(zip(table.columns, values)):
            cell = ws.cell(r, FIRST_VALUE_COL + j, value)
            cell.border = BOX
            if col.money:
                cell.number_format = MONEY
        r += 1
    return r


def _total_row(ws: Worksheet, table: Table, total: Row, r: int) -> None:
    """A subtotal row: the block's total (queries._total, the sum of the unit
    rows above it), "—" where the app has no data for the column."""
    ws.cell(r, 2, total.name)
    values = ["—" if v is None else v for v in table_values(table, total)]
    for j, (col, value) in enumerate(zip(table.columns, values)):
        cell = ws.cell(r, FIRST_VALUE_COL + j, value)
        if col.money:
            cell.number_format = MONEY
    for c in range(1, FIRST_VALUE_COL + len(table.columns)):
        cell = ws.cell(r, c)
        cell.font = Font(bold=True)
        cell.fill = TOTAL_FILL
        cell.border = BOX


def _section(
    ws: Worksheet, table: Table, title: str, rows: list[Row], total: Row, r: int
) -> int:
    width = FIRST_VALUE_COL + len(table.columns) - 1
    ws.cell(r, 1, title).font = Font(bold=True)
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
    r = _write_rows(ws, table, rows, r + 1, 1)
    _total_row(ws, table, total, r)
    return r + 1


def _sheet(ws: Worksheet, report: Report, table: Table) -> None:
    width = FIRST_VALUE_COL + len(table.columns) - 1
    ws.cell(1, 1, report.title).font = Font(bold=True, size=13)
    ws.cell(2, 1, f"{table.code}. {table.title}").font = Font(bold=True)
    scope = f" – {report.scope_label}" if report.scope_label else ""
    ws.cell(
        3,
        1,
        f"Kỳ báo cáo: {report.period}{scope}. Ngày lập: "
        f"{fmt_date(report.made_at.date())}",
    ).font = Font(italic=True)
    for r in (1, 2, 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)

    # Header: the indicator, its column code, and the Đ35 k2 item behind it.
    ws.cell(5, 1, "STT")
    ws.cell(5, 2, "Đơn vị")
    ws.cell(6, 2, "Căn cứ (khoản 2 Điều 35 NĐ 118/2021)")
    ws.cell(7, 2, "Mã cột")
    for j, col in enumerate(table.columns):
        c = FIRST_VALUE_COL + j
        label = col.label + (f" ({NO_SOURCE.lower()})" if col.expr is None else "")
        ws.cell(5, c, label)
        ws.cell(6, c, col.basis)
        ws.cell(7, c, col.code)
    for r in (5, 6, 7):
        for c in range(1, width + 1):
            _style_header(ws.cell(r, c))
    ws.row_dimensions[5].height = 45
    ws.row_dimensions[6].height = 45

    r = _section(
        ws,
        table,
        "A. CÁC CƠ QUAN, ĐƠN VỊ THUỘC TỈNH",
        report.provincial,
        report.provincial_total,
        8,
    )
    r = _section(
        ws,
        table,
        "B. CÔNG AN VÀ CƠ QUAN NGÀNH DỌC (theo dõi riêng, "
        "không cộng vào tổng của tỉnh)",
        report.vertical,
        report.vertical_total,
        r + 1,
    )

    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 46
    for j in range(len(table.columns)):
        ws.column_dimensions[get_column_letter(FIRST_VALUE_COL + j)].width = 18
    ws.freeze_panes = f"{get_column_letter(FIRST_VALUE_COL)}8"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def render_xlsx(report: Report) -> bytes:
    """The workbook as bytes: one sheet per table and a sheet of notes."""
    wb = Workbook()
    wb.remove(wb.active)
    for table in report.tables:
        _sheet(wb.create_sheet(table.code), report, table)
    notes = wb.create_sheet("Ghi chú")
    notes.column_dimensions["A"].width = 120
    notes.cell(1, 1, "Ghi chú").font = Font(bold=True)
    for i, note in enumerate(report.notes, 2):
        notes.cell(i, 1, safe_text(note)).alignment = Alignment(wrap_text=True)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
