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
    line = "Căn cứ Nghị định số 168/2024/NĐ-CP;"
    assert line in imported and line in made
    assert "lĩnh vực" not in imported.split("Căn cứ Biên bản")[0]


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
