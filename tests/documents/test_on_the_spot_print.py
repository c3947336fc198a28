"""Printing a case decided on the spot without a record (Luật XLVPHC Điều
56, form MQĐ01 of Nghị định 118/2021): its decision prints as MQĐ01 filled
from the case, and the forms that need a violation record (MBB01, MQĐ02,
the explanation forms) are not offered filled and are refused with a
message, never a database error."""

import pytest
from pdf_probe import all_text

from tests.services.conftest import (  # noqa: F401 - fixtures
    case_form,
    decision_form,
    people,
    ref,
)
from tests.services.test_procedure_on_the_spot import spot_form
from xlvphc.services import case_queries, cases, printing
from xlvphc.services.errors import Conflict, ServiceError
from xlvphc.services.procedure import decide_without_record

CHAIR = "chu_tich_ubnd_xa"  # "Chủ tịch Ủy ban nhân dân xã, phường, đặc khu"


@pytest.fixture
def spot(people):  # noqa: F811 - fixture from the services conftest
    """A fine of 500.000 đồng decided on the spot by the chair of the ward
    committee, the printed title left to the system."""
    officer = people["canbo.a"]
    form = spot_form(
        fine="500.000",
        authority_confirmed="1",
        signer_name="Y Kông Niê",
        signer_title="",
        signer_title_code=CHAIR,
    )
    return officer, decide_without_record(officer, form)


def test_mqd01_prints_the_case_and_its_decision(spot):
    officer, case_id = spot
    detail = case_queries.get_case(officer, case_id)
    filename, pdf = printing.print_form(officer, case_id, "MQĐ01")
    text = all_text(pdf)
    assert filename.startswith("quyet-dinh-xu-phat-khong-lap-bien-ban-")
    assert "không lập biên bản" in text
    assert "Nguyễn Văn An" in text  # the violator
    assert "500.000 đồng" in text and "Năm trăm nghìn đồng" in text  # the fine
    assert "Phạt tiền" in text
    assert detail["decision_number"] in text
    assert "Y Kông Niê" in text
    # The title told from the chosen code and the issuing unit, not the
    # catalogue label nor the data-entry officer's job title.
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA" in text.upper()
    assert "đặc khu" not in text and "Hộ tịch" not in text
    assert "Kho bạc Nhà nước khu vực XIII" in text
    # The sector decree named as MQĐ02 names it (user trial: "Căn cứ 168/…"),
    # in full (note (4), domain.decrees).
    assert ("Căn cứ Nghị định số 168/2024/NĐ-CP ngày 26 tháng 12 năm 2024 của "
            "Chính phủ quy định xử phạt vi phạm hành chính về trật tự, an toàn "
            "giao thông trong lĩnh vực giao thông đường bộ; trừ điểm, phục hồi "
            "điểm giấy phép lái xe") in " ".join(text.split())


def test_menu_offers_mqd01_and_not_the_record_forms(spot):
    officer, case_id = spot
    rows = {r["code"]: r["filled"] for r in printing.menu_forms(officer, case_id)}
    assert rows["MQĐ01"] is True
    for code in ("MBB01", "MQĐ02", "MBB03", "MQĐ15"):
        assert rows[code] is False, code  # a blank copy only
    assert rows["MQĐ03"] and rows["MQĐ05"]  # execution goes on as usual


@pytest.mark.parametrize("code", ["MBB01", "MQĐ02", "MBB03", "MQĐ15"])
def test_record_forms_are_refused_with_a_message(spot, code):
    officer, case_id = spot
    with pytest.raises(Conflict) as caught:
        printing.print_form(officer, case_id, code)
    assert "không lập biên bản" in caught.value.message
    assert "MQĐ01" in caught.value.message
    # The blank copy stays available.
    _, pdf = printing.print_form(officer, case_id, code, "blank")
    assert pdf.startswith(b"%PDF")


def test_no_form_fails_on_a_case_without_record(spot):
    """Every form, filled and blank, either prints or is refused with a
    Vietnamese message: no database error reaches the user."""
    officer, case_id = spot
    for row in printing.menu_forms(officer, case_id):
        for mode in ("final", "draft", "blank"):
            try:
                _, pdf = printing.print_form(officer, case_id, row["code"], mode)
            except ServiceError as exc:
                # Refused only in a mode the menu does not offer.
                assert mode != "blank" and not row[mode], row["code"]
                assert exc.message
                continue
            assert pdf.startswith(b"%PDF"), row["code"]


def test_mqd01_is_not_offered_for_a_recorded_case(people):  # noqa: F811
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    cases.issue_decision(officer, case_id, decision_form(version=1))
    rows = {r["code"]: r["filled"] for r in printing.menu_forms(officer, case_id)}
    assert rows["MQĐ01"] is False and rows["MQĐ02"] is True
    with pytest.raises(Conflict):
        printing.print_form(officer, case_id, "MQĐ01")
