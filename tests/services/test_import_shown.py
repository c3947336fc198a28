"""An imported case shown and printed with only what its register said: the
MQĐ02 grounds without a citation, the case page without the signer's title,
the record's maker or the place of payment (helper A, defects 1 and 2)."""

from io import BytesIO

from pypdf import PdfReader
from sqlmodel import select

from tests.services.conftest import case_form, decision_form
from tests.services.test_import_checks import TRAFFIC, workbook
from xlvphc.models import Case
from xlvphc.services import case_queries, cases, importer, printing
from xlvphc.services.db import session_scope

CITE = "Căn cứ (điều, khoản, nghị định)"
NO_CITATION = {CITE: "", "Số tiền đã nộp": ""}


def _imported(people, **change) -> int:
    importer.import_rows(people["canbo.a"], workbook(change))
    with session_scope() as session:
        return session.exec(select(Case.id)).one()


def _printed(people, case_id: int, code: str = "MQĐ02") -> str:
    pdf = printing.print_form(people["canbo.a"], case_id, code)[1]
    return " ".join(" ".join(p.extract_text().split())
                    for p in PdfReader(BytesIO(pdf)).pages)


def test_mqd02_of_an_act_without_citation_names_the_field_not_an_empty_ground(
        people):
    """Before: "Căn cứ ;" (the act's decree is "")."""
    text = _printed(people, _imported(people, **NO_CITATION))
    field = TRAFFIC[0].lower() + TRAFFIC[1:]
    assert "Căn cứ ;" not in text and "Căn cứ Nghị định số ;" not in text
    assert ("Căn cứ Nghị định số ……/……/NĐ-CP quy định xử phạt vi phạm hành "
            f"chính trong lĩnh vực {field};") in text
    # The grounds run on to the record as in a catalogue case.
    grounds = text.split("Căn cứ ")[1:4]
    assert [g.split()[0] for g in grounds] == ["Điều", "Nghị", "Biên"]
    assert "Điều 0" not in text and "quy định tại Điều ;" not in text


def test_mqd02_of_a_cited_import_names_its_decree_as_a_catalogue_case(people):
    imported = _printed(people, _imported(people))
    case_id = cases.create_case(people["canbo.a"], case_form())
    cases.issue_decision(people["canbo.a"], case_id, decision_form(version=1))
    made = _printed(people, case_id)
    # In full, as note (4) asks (domain.decrees), in both.
    line = ("Căn cứ Nghị định số 168/2024/NĐ-CP ngày 26 tháng 12 năm 2024 của "
            "Chính phủ quy định xử phạt vi phạm hành chính về trật tự, an toàn "
            "giao thông trong lĩnh vực giao thông đường bộ; trừ điểm, phục hồi "
            "điểm giấy phép lái xe; Căn cứ Biên bản")
    assert line in imported and line in made
    assert "……/……/NĐ-CP" not in imported.split("Căn cứ Biên bản")[0]


def test_case_page_shows_only_what_the_register_said(people):
    """Before: "Người ký: Phạm Văn Dũng – ", "Nộp phạt: Trong 10 ngày,
    tại ", "Người lập:  – ", and empty place, sanctions and measures."""
    case_id = _imported(people, **{"Nơi vi phạm": ""})
    case = case_queries.get_case(people["canbo.a"], case_id)
    assert case["signer"] == "Phạm Văn Dũng"
    assert case["payment"] == ""
    assert case["maker"] == ""
    assert case["violation_place"] == ""
    assert (case["additional_sanctions"], case["remedial_measures"]) == ("", "")
    assert case["record_number"] == "12/BB-VPHC"


def test_an_imported_decision_without_signer_shows_no_signer_line(people):
    case_id = _imported(people, **{"Người ký quyết định": ""})
    assert case_queries.get_case(people["canbo.a"], case_id)["signer"] == ""


def test_a_case_made_in_the_app_still_shows_every_line(people):
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form(witness="", violator_statement=""))
    cases.issue_decision(a, case_id, decision_form(version=1))
    case = case_queries.get_case(a, case_id)
    assert case["signer"] == ("Phạm Văn Dũng – Chủ tịch Ủy ban nhân dân phường "
                              "Tuy Hòa")
    assert case["maker"] == "Trần Thị Bình – Công chức Tư pháp – Hộ tịch"
    assert case["payment"] == "Trong 10 ngày, tại Kho bạc Nhà nước khu vực XIII"
    # Left empty on the decision form: "none", not unknown.
    assert (case["additional_sanctions"], case["remedial_measures"]) == ("—", "—")


# MQĐ02's items a register does not record (importer/columns.py): the
# circumstances (Điều 1 items 4, 5), the additional sanctions and remedial
# measures (item 6 b, c), the violator's nationality and the days to pay.
UNSAID = (
    "4. Các tình tiết tăng nặng (nếu có):",
    "5. Các tình tiết giảm nhẹ (nếu có):",
    "b) Hình thức xử phạt bổ sung (nếu có):",
    "c) Biện pháp khắc phục hậu quả (nếu có):",
    "Quốc tịch:",
)
PAY = "phải nộp tiền phạt tại"


def _after(text: str, label: str) -> str:
    """What the print says after `label`, a few words."""
    return text.split(label, 1)[1].strip()[:40]


def _days(text: str) -> str:
    """The days to pay, as printed: "10" or the pen's dots."""
    return text.split(PAY, 1)[1].split("trong thời hạn ", 1)[1].split(" ngày")[0]


def test_mqd02_of_an_import_leaves_what_the_register_did_not_say_dotted(
        people):
    """Before: «Không.» for the circumstances, the additional sanctions and
    the remedial measures, «Quốc tịch: Việt Nam» and «trong thời hạn 10
    ngày», none of which the register said; the decision may have had a
    sanction or a longer time to pay (Law Art. 73 k1)."""
    case_id = _imported(people)

    for mode in ("final", "draft"):
        pdf = printing.print_form(people["canbo.a"], case_id, "MQĐ02", mode)[1]
        text = " ".join(" ".join(p.extract_text().split())
                        for p in PdfReader(BytesIO(pdf)).pages)
        for label in UNSAID:
            assert _after(text, label).startswith("……"), (mode, label)
        assert "Không." not in text
        assert _days(text).strip("…") == "", _days(text)
        # What the register said still prints.
        assert "Nguyễn Văn An" in text and "500.000 đồng" in text


def test_mqd02_of_a_case_made_in_the_app_still_says_none(people):
    """A decision made in the app settles each item: left empty, «Không.»;
    the nationality and the days to pay are the ones it holds."""
    a = people["canbo.a"]
    case_id = cases.create_case(a, case_form())
    cases.issue_decision(a, case_id, decision_form(version=1, payment_days="15"))

    text = _printed(people, case_id)
    for label in UNSAID[:4]:
        assert _after(text, label).startswith("Không."), label
    assert _after(text, UNSAID[4]).startswith("Việt Nam")
    assert _days(text) == "15"


def test_mbb01_of_an_import_leaves_the_nationality_dotted(people):
    """The record's copy of an imported case asserts no nationality either."""
    text = _printed(people, _imported(people), "MBB01")
    assert _after(text, "Quốc tịch:").startswith("……")


def _nationality(page: dict) -> str:
    return {r["label"]: r["value"] for r in page["violator"]}["Quốc tịch"]


def test_case_page_of_an_import_does_not_claim_a_nationality(people):
    """The register has no nationality column: the stored "Việt Nam" is the
    model's default, so the page shows it unknown, as the prints do."""
    a = people["canbo.a"]
    imported = case_queries.get_case(a, _imported(people))
    made = case_queries.get_case(a, cases.create_case(a, case_form()))
    assert _nationality(imported) == "—"
    assert _nationality(made) == "Việt Nam"
