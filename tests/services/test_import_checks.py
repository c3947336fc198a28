"""What the import refuses, row by row and column (user trial 8), and how
an imported case is shown and printed where the register said less than
the app records: no citation, no frame, no hour, no record number."""

import io
from io import BytesIO

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlmodel import select

from xlvphc.models import Case, CaseAct
from xlvphc.services import case_queries, importer, printing
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict
from xlvphc.services.importer.columns import COLUMNS
from xlvphc.services.importer.shown import NO_CITATION

TRAFFIC = "Trật tự, an toàn giao thông đường bộ"
HELMET = "điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP"  # 400.000–600.000


def workbook(*changes: dict) -> bytes:
    """The template with one row per `changes` (the sample row changed by
    column title; each row gets its own decision number)."""
    wb = load_workbook(io.BytesIO(importer.template()[1]))
    ws = wb.active
    sample = {c.title: cell.value for c, cell in zip(COLUMNS, ws[2], strict=True)}
    ws.delete_rows(2)
    for n, change in enumerate(changes, start=1):
        row = sample | {"Số quyết định": f"{n}/QĐ-XPHC"} | change
        ws.append([row[c.title] for c in COLUMNS])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def problems(people, *changes: dict) -> list[str]:
    return importer.preview(people["canbo.a"], workbook(*changes))["problems"]


def test_the_template_sample_is_consistent(people):
    """A 2024 violation cannot fall under NĐ 168/2024 (in force 01/01/2025)."""
    ws = load_workbook(io.BytesIO(importer.template()[1])).active
    row = {c.title: cell.value for c, cell in zip(COLUMNS, ws[2], strict=True)}
    assert row["Ngày vi phạm"].endswith("/2025")
    assert "168/2024" in row["Căn cứ (điều, khoản, nghị định)"]
    assert problems(people, {}) == []


def test_a_fine_outside_the_catalogue_frame_is_refused(people):
    found = problems(
        people,
        {"Số tiền phạt": "50.000.000"},
        {"Số tiền phạt": "100.000", "Số tiền đã nộp": ""},
        {"Số tiền phạt": "600.000"},
        {"Số tiền phạt": "", "Số tiền đã nộp": ""},  # a warning
    )
    assert found == [
        ("Dòng 2, cột Số tiền phạt: 50.000.000 đồng nằm ngoài khung phạt của hành "
        "vi tại điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP (từ 400.000 đồng "
        "đến 600.000 đồng đối với cá nhân; người từ đủ 16 đến dưới 18 tuổi: từ "
        "200.000 đồng, Điều 134 Luật Xử lý vi phạm hành chính)."),
        ("Dòng 3, cột Số tiền phạt: 100.000 đồng nằm ngoài khung phạt của hành vi "
        "tại điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP (từ 400.000 đồng đến "
        "600.000 đồng đối với cá nhân; người từ đủ 16 đến dưới 18 tuổi: từ "
        "200.000 đồng, Điều 134 Luật Xử lý vi phạm hành chính)."),
    ]
    # The import refuses the same rows.
    report = importer.import_rows(people["canbo.a"], workbook(
        {"Số tiền phạt": "50.000.000"}, {"Số tiền phạt": "600.000"}))
    assert (report["created"], report["invalid"]) == (1, 1)


def test_an_organisation_frame_is_doubled(people):
    org = {"Cá nhân/Tổ chức": "Tổ chức", "Họ tên/Tên tổ chức": "Công ty ABC",
           "Số định danh/Mã số thuế": "6000123456"}
    found = problems(people, org | {"Số tiền phạt": "1.000.000"},
                     org | {"Số tiền phạt": "500.000", "Số tiền đã nộp": ""})
    assert found == [
        ("Dòng 3, cột Số tiền phạt: 500.000 đồng nằm ngoài khung phạt của hành vi "
        "tại điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP (từ 800.000 đồng đến "
        "1.200.000 đồng đối với tổ chức).")
    ]


def test_several_acts_are_checked_against_the_sum_of_their_frames(people):
    two = ("điểm đ khoản 1 Điều 6, điểm h khoản 2 Điều 7 Nghị định "
           "168/2024/NĐ-CP")  # 400.000–600.000 each
    found = problems(people,
                     {"Căn cứ (điều, khoản, nghị định)": two, "Số tiền phạt": "1.000.000"},
                     {"Căn cứ (điều, khoản, nghị định)": two, "Số tiền phạt": "1.300.000"})
    assert len(found) == 1 and found[0].startswith(
        "Dòng 3, cột Số tiền phạt: 1.300.000 đồng nằm ngoài tổng khung phạt của "
        "các hành vi tại điểm đ khoản 1 Điều 6 Nghị định 168/2024/NĐ-CP, điểm h "
        "khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP (từ 800.000 đồng đến 1.200.000 "
        "đồng đối với cá nhân")


def test_a_field_not_in_the_app_is_refused_and_spelling_is_the_apps(people):
    found = problems(people, {"Lĩnh vực": "Lĩnh vực không có"},
                     {"Lĩnh vực": "TRẬT TỰ, AN TOÀN GIAO THÔNG ĐƯỜNG BỘ"})
    assert len(found) == 1
    assert found[0].startswith(
        "Dòng 2, cột Lĩnh vực: \u201cLĩnh vực không có\u201d không có trong danh "
        "sách lĩnh vực của hệ thống (")
    assert TRAFFIC in found[0]
    importer.import_rows(people["canbo.a"], workbook(
        {"Lĩnh vực": "TRẬT TỰ, AN TOÀN GIAO THÔNG ĐƯỜNG BỘ"}))
    with session_scope() as session:
        assert session.exec(select(Case.field)).all() == [TRAFFIC]


def test_an_invalid_tax_code_is_refused(people):
    org = {"Cá nhân/Tổ chức": "Tổ chức", "Họ tên/Tên tổ chức": "Công ty ABC",
           "Số tiền phạt": "1.000.000", "Số tiền đã nộp": ""}
    found = problems(people, org | {"Số định danh/Mã số thuế": "abc-xyz"},
                     org | {"Số định danh/Mã số thuế": "6000123456-001"},
                     org | {"Số định danh/Mã số thuế": "60001234"})
    assert found == [
        ("Dòng 2, cột Số định danh/Mã số thuế: abc-xyz không phải mã số thuế hợp "
        "lệ (10 chữ số, hoặc 10 chữ số, dấu \u201c-\u201d và 3 chữ số)."),
        ("Dòng 4, cột Số định danh/Mã số thuế: 60001234 không phải mã số thuế hợp "
        "lệ (10 chữ số, hoặc 10 chữ số, dấu \u201c-\u201d và 3 chữ số)."),
    ]


def test_an_invalid_identity_number_is_refused(people):
    """As the case form checks it (verification trial: "abc-xyz")."""
    person = {"Cá nhân/Tổ chức": "Cá nhân", "Số tiền phạt": "", "Số tiền đã nộp": ""}
    found = problems(people, person | {"Số định danh/Mã số thuế": "abc-xyz"},
                     person | {"Số định danh/Mã số thuế": "066090001234"},
                     person | {"Số định danh/Mã số thuế": "b1234567"})
    assert found == [
        ("Dòng 2, cột Số định danh/Mã số thuế: abc-xyz không phải số định danh "
         "hợp lệ (12 chữ số; CMND cũ 9 chữ số; hộ chiếu 1 chữ cái và 7–8 chữ số)."),
    ]


def test_impossible_citations_are_refused_earlier_decrees_kept(people):
    cite = "Căn cứ (điều, khoản, nghị định)"
    found = problems(
        people,
        {cite: "điểm z khoản 99 Điều 999 Nghị định 1/2000/NĐ-CP"},
        {cite: "khoản 2 Điều 6 Nghị định 100/2019/NĐ-CP", "Số tiền phạt": "300.000",
         "Số tiền đã nộp": ""},
        {cite: "điểm h khoản 2 Điều 7"},
        {cite: "khoản 1 Điều 8 Nghị định 282/2026/NĐ-CP"},
    )
    head = "Dòng 2, cột Căn cứ (điều, khoản, nghị định): \u201cđiểm z khoản 99 "
    assert found == [
        head + "Điều 999 Nghị định 1/2000/NĐ-CP\u201d: điểm z không có trong nghị "
        "định nào (các điểm ghi a, b, c, d, đ, e, g, h…).",
        head + "Điều 999 Nghị định 1/2000/NĐ-CP\u201d: Điều 999 không có trong "
        "nghị định xử phạt nào (tối đa Điều 150).",
        head + "Điều 999 Nghị định 1/2000/NĐ-CP\u201d: khoản 99 không có trong "
        "nghị định xử phạt nào (tối đa khoản 30).",
        ("Dòng 4, cột Căn cứ (điều, khoản, nghị định): \u201cđiểm h khoản 2 Điều "
        "7\u201d chưa ghi số nghị định (ví dụ: Nghị định 168/2024/NĐ-CP)."),
        ("Dòng 5, cột Căn cứ (điều, khoản, nghị định): \u201ckhoản 1 Điều 8 Nghị "
        "định 282/2026/NĐ-CP\u201d: Nghị định 282/2026/NĐ-CP ban hành năm 2026, "
        "sau ngày quyết định 20/03/2025."),
    ]


def test_only_the_register_says_a_decision_was_made_on_the_spot(people):
    a = people["canbo.a"]
    no_record = {"Số biên bản": "", "Ngày lập biên bản": ""}
    data = workbook(no_record | {"Số tiền phạt": "500.000"},
                    {"Số biên bản": "Không lập biên bản", "Ngày lập biên bản": "",
                     "Số tiền phạt": "400.000", "Số tiền đã nộp": ""},
                    {"Số biên bản": "không lập biên bản",
                     "Số tiền phạt": "600.000", "Số tiền đã nộp": ""})
    result = importer.preview(a, data)
    # Before 01/7/2025 the Art. 56 ceiling was 250.000 đồng.
    assert result["problems"] == [
        ("Dòng 3, cột Số biên bản: xử phạt không lập biên bản chỉ được phạt tiền "
        "đến 250.000 đồng (Điều 56 Luật Xử lý vi phạm hành chính); số tiền phạt "
        "là 400.000 đồng."),
        ("Dòng 4, cột Số biên bản: xử phạt không lập biên bản chỉ được phạt tiền "
        "đến 250.000 đồng (Điều 56 Luật Xử lý vi phạm hành chính); số tiền phạt "
        "là 600.000 đồng."),
    ]
    data = workbook(no_record, {"Số biên bản": "Không lập biên bản",
                                "Ngày lập biên bản": "", "Ngày quyết định":
                                "20/07/2025", "Số tiền đã nộp": ""})
    assert importer.import_rows(a, data)["created"] == 2
    with session_scope() as session:
        found = session.exec(select(Case.without_record, Case.record_number)
                             .order_by(Case.id)).all()
    assert found == [(False, ""), (True, "")]


def _imported(people, **change) -> int:
    importer.import_rows(people["canbo.a"], workbook(change))
    with session_scope() as session:
        return session.exec(select(Case.id)).one()


def test_an_imported_act_without_citation_shows_what_was_imported(people):
    case_id = _imported(people, **{"Căn cứ (điều, khoản, nghị định)": "",
                                   "Số tiền phạt": "50.000.000",
                                   "Số tiền đã nộp": "", "Số biên bản": "",
                                   "Ngày lập biên bản": ""})
    case = case_queries.get_case(people["canbo.a"], case_id)
    [act] = case["acts"]
    assert act["citation"] == NO_CITATION == "Hành vi nhập từ sổ Excel, chưa có căn cứ"
    assert act["frame"] == "" and act["fine"] == "50.000.000 đồng"
    assert case["violation_at"] == "Ngày 18/03/2025 (sổ Excel không ghi giờ)"
    assert not case["without_record"] and case["record_made_at"] == ""

    # Its decision prints, the record's number left blank, and no "Điều 0".
    pdf = printing.print_form(people["canbo.a"], case_id, "MQĐ02")[1]
    text = " ".join(" ".join(p.extract_text().split())
                    for p in PdfReader(BytesIO(pdf)).pages)
    assert "Điều 0" not in text and "quy định tại Khoản" not in text
    assert "Phạt tiền 50.000.000 đồng" in text
    with pytest.raises(Conflict) as err:
        printing.print_form(people["canbo.a"], case_id, "MBB01")
    assert "không ghi biên bản" in str(err.value)
    # The print menu offers the record's forms blank only (verification
    # trial: MBB01 was offered and its refusal hid behind the menu).
    menu = {r["code"]: r for r in printing.menu_forms(people["canbo.a"], case_id)}
    assert not menu["MBB01"]["filled"] and "không ghi biên bản" in menu["MBB01"]["hint"]
    assert menu["MQĐ02"]["filled"]


def test_an_imported_catalogue_act_keeps_its_frame(people):
    case_id = _imported(people)
    [act] = case_queries.get_case(people["canbo.a"], case_id)["acts"]
    assert act["citation"] == "Điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP"
    assert act["frame"] == "Từ 400.000 đồng đến 600.000 đồng"
    with session_scope() as session:
        stored = session.exec(select(CaseAct)).one()
    assert stored.catalogue_id is not None
    # Its record prints with the hour left for the pen, never "00 giờ 00".
    pdf = printing.print_form(people["canbo.a"], case_id, "MBB01")[1]
    text = " ".join(" ".join(p.extract_text().split())
                    for p in PdfReader(BytesIO(pdf)).pages)
    assert "00 giờ 00" not in text
    assert "giờ …… phút, ngày 18/03/2025" in text


def test_mqd01_of_an_on_the_spot_import_prints_no_empty_citation(people):
    case_id = _imported(people, **{"Căn cứ (điều, khoản, nghị định)": "",
                                   "Số biên bản": "Không lập biên bản",
                                   "Ngày lập biên bản": "",
                                   "Ngày quyết định": "20/07/2025",
                                   "Số tiền đã nộp": ""})
    pdf = printing.print_form(people["canbo.a"], case_id, "MQĐ01")[1]
    text = " ".join(" ".join(p.extract_text().split())
                    for p in PdfReader(BytesIO(pdf)).pages)
    assert "quy định tại Điều" not in text and "Điều 0" not in text
    assert "Không đội mũ bảo hiểm khi điều khiển xe mô tô." in text
