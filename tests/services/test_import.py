"""Import of earlier cases from Excel, and export of a search result
(issue 6). The messy sample workbook has one row of each real-world problem
(tests/data/make_messy_workbook.py says which)."""

import io
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from sqlmodel import select

from tests.data.make_messy_workbook import build
from tests.services.conftest import case_form, decision_form
from xlvphc.models import Case, CaseEvent, Decision, Violator
from xlvphc.models.base import local_now
from xlvphc.services import case_queries, cases, export, importer
from xlvphc.services.db import session_scope
from xlvphc.services.errors import PermissionDenied, ValidationFailed
from xlvphc.services.importer.reader import excel_amount, excel_date, person_name


@pytest.fixture
def messy(tmp_path) -> bytes:
    return build(tmp_path / "messy.xlsx").read_bytes()


def test_dry_run_lists_every_problem_with_row_and_column(people, messy):
    result = importer.preview(people["canbo.a"], messy)
    assert (result["rows"], result["valid"], result["invalid"]) == (8, 4, 4)
    assert result["problems"] == [
        "Dòng 8: trùng với dòng 5 (cùng số quyết định trong cùng năm) — bỏ qua.",
        "Dòng 9, cột Ngày quyết định: 31/02/2025 không phải ngày hợp lệ.",
        "Dòng 10, cột Số tiền phạt: một triệu không phải số tiền hợp lệ.",
        "Dòng 11, cột Họ tên/Tên tổ chức: chưa có dữ liệu (bắt buộc).",
    ]
    with session_scope() as session:
        assert session.exec(select(Case)).all() == []  # nothing written


def test_import_brings_valid_rows_once_and_marks_them(people, messy):
    a = people["canbo.a"]
    seen = []
    report = importer.import_rows(a, messy, lambda done, total: seen.append(
        (done, total)))
    assert (report["created"], report["existing"], report["invalid"]) == (4, 0, 4)
    assert seen[-1] == (4, 4)
    with session_scope() as session:
        rows = session.exec(select(Case).order_by(Case.id)).all()
        violators = session.exec(select(Violator).order_by(Violator.id)).all()
        decisions = session.exec(select(Decision)).all()
        events = session.exec(select(CaseEvent.summary)).all()
    assert all(c.imported and c.unit_id == a.unit_id for c in rows)
    assert [c.violator_name for c in rows] == [
        "Nguyễn Văn An", "Tran Thi Binh", "Công ty TNHH Cà phê Ea Kao",
        "Đỗ Thị Hạnh"]
    assert [c.decided_on for c in rows] == [
        date(2025, 3, 20), date(2025, 4, 2), date(2025, 5, 6), date(2025, 7, 1)]
    assert [c.fine_total for c in rows] == [600_000, 600_000, 7_500_000, 500_000]
    assert [c.paid_total for c in rows] == [0, 300_000, 0, 500_000]
    assert [c.status for c in rows] == ["decided", "decided", "decided", "closed"]
    assert violators[1].id_number == "066190004321"  # leading zero restored
    assert violators[2].tax_code == "6000123456" and violators[2].kind == \
        "organisation"
    assert len(decisions) == 4
    assert "Nhập từ sổ theo dõi Excel (dòng 6). Ghi chú: nộp một phần" in events

    # Running it again adds nothing.
    again = importer.import_rows(a, messy)
    assert (again["created"], again["existing"]) == (0, 4)
    assert case_queries.list_cases(a)["total"] == 4
    # Imported cases are found like any other, and flagged in the list.
    found = case_queries.list_cases(a, {"q": "tran thi binh"})["rows"]
    assert [r["imported"] for r in found] == [True]
    assert case_queries.list_cases(a, {"q": "47B1-123.45"})["total"] == 1


def test_import_into_another_unit_is_independent(people, messy):
    importer.import_rows(people["canbo.a"], messy)
    report = importer.import_rows(people["canbo.b"], messy)
    assert report["created"] == 4
    assert case_queries.list_cases(people["canbo.b"])["total"] == 4


def test_refusals_and_unreadable_files(people, messy):
    for who in ("giamsat", "quantri"):
        with pytest.raises(PermissionDenied):
            importer.preview(people[who], messy)
        with pytest.raises(PermissionDenied):
            importer.import_rows(people[who], messy)
    a = people["canbo.a"]
    for bad in (b"", b"not a workbook", b"PK\x03\x04garbage", None, "text",
                b"x" * (6 * 1024 * 1024)):
        with pytest.raises(ValidationFailed) as err:
            importer.preview(a, bad)
        assert "file" in err.value.errors
    # A workbook without the headings.
    wb = Workbook()
    wb.active["A1"] = "Bảng gì đó"
    buffer = io.BytesIO()
    wb.save(buffer)
    with pytest.raises(ValidationFailed) as err:
        importer.preview(a, buffer.getvalue())
    assert "tiêu đề" in err.value.errors["file"]


def test_template_round_trips(people):
    name, data = importer.template()
    assert name.endswith(".xlsx")
    result = importer.preview(people["canbo.a"], data)
    assert (result["rows"], result["valid"], result["problems"]) == (1, 1, [])


@pytest.mark.parametrize(("value", "expected"), [
    ("20/03/2024", date(2024, 3, 20)), (45371, date(2024, 3, 20)),
    (45371.0, date(2024, 3, 20)), ("2024-03-20", date(2024, 3, 20)),
    (" 20 / 03 / 2024 ", date(2024, 3, 20)), ("31/02/2024", None), (-5, None),
])
def test_excel_dates(value, expected):
    assert excel_date(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("1.500.000 đ", 1_500_000), ("1,500,000", 1_500_000), ("500.000đồng", 500_000),
    (750000.0, 750_000), (750000.5, None), ("một triệu", None), ("-5", None),
])
def test_excel_amounts(value, expected):
    assert excel_amount(value) == expected


def test_names_in_capitals_are_written_properly():
    assert person_name("NGUYỄN VĂN AN") == "Nguyễn Văn An"
    assert person_name("ĐỖ THỊ ĐÀO") == "Đỗ Thị Đào"
    assert person_name("Công ty TNHH ABC") == "Công ty TNHH ABC"


def test_export_is_scoped_safe_and_audited(people):
    a, b = people["canbo.a"], people["canbo.b"]
    cases.create_case(a, case_form(name="=HYPERLINK(\"http://x\",\"bam\")"))
    cases.create_case(a, case_form(name="Trần Văn Bảo"))
    cases.create_case(b, case_form(name="Người Đơn Vị Khác"))
    name, data = export.export_cases(a, {"q": ""})
    assert name.endswith(".xlsx")
    ws = load_workbook(io.BytesIO(data)).active
    names = [ws.cell(row=r, column=5).value for r in range(5, ws.max_row + 1)]
    assert names == ["Trần Văn Bảo", "'=HYPERLINK(\"http://x\",\"bam\")"]
    assert all(ws.cell(row=r, column=5).data_type == "s" for r in (5, 6))
    only = export.export_cases(a, {"q": "tran van bao"})[1]
    ws = load_workbook(io.BytesIO(only)).active
    assert ws.max_row == 5
    with pytest.raises(PermissionDenied):
        export.export_cases(people["quantri"], {})


def test_a_decision_issued_in_the_app_is_not_imported_again(people):
    """The app numbers "01/QĐ-XPHC" (Nghị định 30/2020/NĐ-CP); a register
    typing "1/QĐ-XPHC" for it names the same decision. Imported numbers
    keep what the register says."""
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form())
    assert cases.issue_decision(a, case_id, decision_form(version=1)) == "01/QĐ-XPHC"
    today = local_now().date()
    this_year = today.strftime("%d/%m/%Y")
    last_year = today.replace(year=today.year - 1, day=1).strftime("%d/%m/%Y")
    wb = load_workbook(io.BytesIO(importer.template()[1]))
    ws = wb.active
    heads = [c.value.removesuffix(" (*)") for c in ws[1]]
    example = [c.value for c in ws[2]]
    ws.delete_rows(2)
    dates = ("Ngày quyết định", "Ngày lập biên bản", "Ngày vi phạm")
    for number, on, record in (("1/QĐ-XPHC", this_year, "5/BB-VPHC"),
                               ("01/QĐ-XPHC", last_year, "6/BB-VPHC"),
                               ("10/QĐ-XPHC", this_year, "7/BB-VPHC")):
        row = dict(zip(heads, example, strict=True))
        row.update({"Số quyết định": number, "Số biên bản": record,
                    **dict.fromkeys(dates, on)})
        ws.append([row[h] for h in heads])
    buffer = io.BytesIO()
    wb.save(buffer)

    report = importer.import_rows(a, buffer.getvalue())
    assert (report["created"], report["existing"], report["invalid"]) == (2, 1, 0)
    with session_scope() as session:
        imported = session.exec(select(Case.decision_number).where(
            Case.imported.is_(True)).order_by(Case.id)).all()
    assert imported == ["01/QĐ-XPHC", "10/QĐ-XPHC"]  # as the register wrote them
