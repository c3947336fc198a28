"""Report files: the workbook opens with openpyxl and its totals, read as a
viewer that does not recalculate reads them, add up its unit rows; the PDF
prints the Vietnamese text and figures."""

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import select

from tests.services.test_reports import EXPECTED_A, EXPECTED_B, EXPECTED_P, YEAR_2026
from tests.services.test_reports_data import load_cases
from xlvphc.models import AuditEvent
from xlvphc.services.db import session_scope
from xlvphc.services.errors import PermissionDenied, ValidationFailed
from xlvphc.services.reports.export import export_report
from xlvphc.services.reports.xlsx import safe_text


def _rows_by_name(ws):
    return {ws.cell(r, 2).value: r for r in range(8, ws.max_row + 1)}


@pytest.fixture
def data(people):
    return load_cases()


def test_xlsx_opens_and_its_totals_match(people, data):
    name, payload, mime = export_report(people["giamsat"], YEAR_2026, "xlsx")
    assert name.endswith(".xlsx") and "spreadsheetml" in mime
    # The period is in the name: two reports of one day keep apart.
    assert name.startswith("bao-cao-xlvphc-nam-2026-"), name
    # data_only: the cached values, what a phone preview, Google Drive or
    # pandas shows; a formula with no cached value reads as None here.
    wb = load_workbook(io.BytesIO(payload), data_only=True)
    assert wb.sheetnames == [
        "Biểu 1",
        "Biểu 2",
        "Biểu 3",
        "Biểu 4",
        "Biểu 5",
        "Ghi chú",
    ]
    checked = 0
    for ws in wb.worksheets[:5]:
        codes = {ws.cell(7, c).value: c for c in range(3, ws.max_column + 1)}
        rows = _rows_by_name(ws)
        total_a, total_b = "Tổng cộng của tỉnh", "Tổng cộng cơ quan ngành dọc"
        block_a = range(9, rows[total_a])
        block_b = range(rows[total_a] + 3, rows[total_b])
        assert ws.cell(block_b.start - 1, 1).value.startswith("B. ")
        assert len(block_a) and len(block_b)
        for code, col in codes.items():
            total = ws.cell(rows[total_a], col).value
            vertical = ws.cell(rows[total_b], col).value
            if code in EXPECTED_A:
                assert total == EXPECTED_A[code] + EXPECTED_B[code], code
                assert vertical == EXPECTED_P[code], code
                # Each total is the sum of its own block's unit rows.
                assert total == sum(ws.cell(r, col).value for r in block_a), code
                assert vertical == sum(ws.cell(r, col).value for r in block_b), code
                checked += 1
            else:
                assert total == vertical == "—", code  # no data: never a number
    assert checked == len(EXPECTED_A)
    sheet = wb["Biểu 4"]
    rows = _rows_by_name(sheet)
    row = rows["Ủy ban nhân dân phường Tuy Hòa"]
    assert sheet.cell(row, 3).value == 7_000_000
    assert sheet.cell(row, 3).number_format == "#,##0"
    assert sheet.cell(rows["Tổng cộng của tỉnh"], 3).number_format == "#,##0"


def test_pdf_prints_the_tables_in_vietnamese(people, data):
    name, payload, mime = export_report(people["giamsat"], YEAR_2026, "pdf")
    assert name.endswith(".pdf") and mime == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(payload)).pages)
    for expected in (
        "BÁO CÁO THỐNG KÊ KẾT QUẢ XỬ PHẠT VI PHẠM HÀNH CHÍNH",
        "Năm 2026",
        "Ủy ban nhân dân phường Tuy Hòa",
        "Công an phường Tuy Hòa",
        "18.000.000",
        "không cộng vào tổng của tỉnh",
    ):
        assert expected in text.replace("\n", " "), expected


def test_exports_are_audited(people, data):
    export_report(people["giamsat"], YEAR_2026, "xlsx")
    with session_scope() as session:
        actions = session.exec(select(AuditEvent.action)).all()
    assert "report.exported" in actions


def test_export_refuses_bad_format_and_wrong_role(people):
    with pytest.raises(ValidationFailed):
        export_report(people["giamsat"], YEAR_2026, "html")
    with pytest.raises(PermissionDenied):
        export_report(people["canbo.a"], YEAR_2026, "xlsx")


def test_progress_is_reported_up_to_the_end(people, data):
    seen = []
    export_report(people["giamsat"], YEAR_2026, "pdf", seen.append)
    assert seen == sorted(seen) and seen[-1] > 0.9


@pytest.mark.parametrize("value", ["=1+1", "+cmd", "-2", "@SUM(A1)"])
def test_cells_cannot_start_a_formula(value):
    assert safe_text(value) == "'" + value
