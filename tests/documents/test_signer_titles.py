"""The signer's title printed on MQĐ02 when "Chức vụ người ký" is left empty:
told from the title code and the issuing unit, for every code (tester: the
generic label printed "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ, PHƯỜNG, ĐẶC KHU ỦY BAN
NHÂN DÂN XÃ EA KAR")."""

from dataclasses import replace

import pytest
from form_samples import minimal_decision
from pdf_probe import all_text

from tests.services.conftest import (  # noqa: F401 - fixtures
    actor_for,
    case_form,
    decision_form,
    make_user,
    people,
    ref,
)
from xlvphc.documents.data import Agency
from xlvphc.documents.mqd02 import render_decision
from xlvphc.domain.authority import SIGNER_TITLES
from xlvphc.domain.signer_titles import printed_title, title_to_print
from xlvphc.services import cases, printing
from xlvphc.services.access import Role
from xlvphc.services.errors import ValidationFailed

# code -> (issuing unit as printed top-left, title printed for its signer,
# the title's own words above the signature).
EXPECTED = {
    "chu_tich_ubnd_xa": (
        "Ủy ban nhân dân xã Ea Kar",
        "Chủ tịch Ủy ban nhân dân xã Ea Kar",
        "CHỦ TỊCH",
    ),
    "chu_tich_ubnd_tinh": (
        "Tỉnh Đắk Lắk",
        "Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN",
    ),
    "giam_doc_so": ("Sở Tư pháp", "Giám đốc Sở Tư pháp", "GIÁM ĐỐC"),
    "chi_cuc_truong_thuoc_so": (
        "Chi cục Thủy lợi",
        "Chi cục trưởng Chi cục Thủy lợi",
        "CHI CỤC TRƯỞNG",
    ),
    "chanh_thanh_tra_tinh": ("Thanh tra", "Chánh Thanh tra", "CHÁNH"),
    "thanh_tra_vien_tinh": ("Thanh tra", "Thanh tra viên Thanh tra", "THANH TRA VIÊN"),
    "truong_doan_thanh_tra_tinh": ("Thanh tra", "", ""),
    "chien_si_cand": ("Công an xã Ea Kar", "Chiến sĩ Công an xã Ea Kar", "CHIẾN SĨ"),
    "truong_don_cong_an": (
        "Đồn Công an Cửa khẩu",
        "Trưởng đồn Công an Cửa khẩu",
        "TRƯỞNG",
    ),
    "truong_cong_an_xa": ("Công an xã Ea Kar", "Trưởng Công an xã Ea Kar", "TRƯỞNG"),
    "truong_phong_cong_an_tinh": (
        "Phòng Cảnh sát giao thông",
        "Trưởng phòng Cảnh sát giao thông",
        "TRƯỞNG",
    ),
    "giam_doc_cong_an_tinh": ("Công an", "Giám đốc Công an", "GIÁM ĐỐC"),
    "kiem_soat_vien_thi_truong": (
        "Đội Quản lý thị trường số 1",
        "Kiểm soát viên thị trường Đội Quản lý thị trường số 1",
        "KIỂM SOÁT VIÊN THỊ TRƯỜNG",
    ),
    "doi_truong_qltt": (
        "Đội Quản lý thị trường số 1",
        "Đội trưởng Đội Quản lý thị trường số 1",
        "ĐỘI TRƯỞNG",
    ),
    "chi_cuc_truong_qltt": (
        "Chi cục Quản lý thị trường",
        "Chi cục trưởng Chi cục Quản lý thị trường",
        "CHI CỤC TRƯỞNG",
    ),
    "cong_chuc_thue": ("Thuế", "Công chức Thuế", "CÔNG CHỨC"),
    "truong_thue_co_so": ("Thuế cơ sở 2", "Trưởng Thuế cơ sở 2", "TRƯỞNG"),
    "truong_thue_tinh": ("Thuế", "Trưởng Thuế", "TRƯỞNG"),
    "kiem_lam_vien": (
        "Hạt Kiểm lâm Ea Kar",
        "Kiểm lâm viên Hạt Kiểm lâm Ea Kar",
        "KIỂM LÂM VIÊN",
    ),
    "tram_truong_kiem_lam": (
        "Trạm Kiểm lâm Ea Sô",
        "Trạm trưởng Trạm Kiểm lâm Ea Sô",
        "TRẠM TRƯỞNG",
    ),
    "hat_truong_kiem_lam": (
        "Hạt Kiểm lâm Ea Kar",
        "Hạt trưởng Hạt Kiểm lâm Ea Kar",
        "HẠT TRƯỞNG",
    ),
    "chi_cuc_truong_kiem_lam": (
        "Chi cục Kiểm lâm",
        "Chi cục trưởng Chi cục Kiểm lâm",
        "CHI CỤC TRƯỞNG",
    ),
}


def test_every_code_is_covered():
    assert set(EXPECTED) == {code for code, _ in SIGNER_TITLES}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_title_told_from_code_and_unit(code):
    unit, title, _ = EXPECTED[code]
    assert printed_title(code, unit) == title
    # A unit of another kind tells nothing (the signer writes the title).
    assert printed_title(code, "Bộ Chỉ huy Quân sự") == ""


@pytest.mark.parametrize(
    "code", sorted(c for c, expected in EXPECTED.items() if expected[1])
)
def test_mqd02_prints_the_told_title_once(code):
    unit, title, heading = EXPECTED[code]
    label = dict(SIGNER_TITLES)[code]
    printed = title_to_print(label, code, unit)
    text = all_text(
        render_decision(
            replace(
                minimal_decision(),
                agency=Agency(name=unit),
                signer_title=printed,
                signer_name="Hồ Văn Đức",
            )
        )
    )
    rest = text.replace(title.upper(), "").replace(f"{heading} Hồ Văn Đức", "")
    assert label.upper() not in rest
    assert "ĐẶC KHU" not in text
    assert f"{unit.upper()} {unit.upper()}" not in text
    assert text.count(title.upper()) == 1, text
    assert f"{heading}\nHồ Văn Đức" in text or f"{heading} Hồ Văn Đức" in text


def test_typed_title_wins():
    assert (
        title_to_print("Phó Chủ tịch UBND xã Ea Kar", "chu_tich_ubnd_xa", "x")
        == "Phó Chủ tịch UBND xã Ea Kar"
    )


def test_empty_title_prints_the_unit_on_mqd02(people):  # noqa: F811
    """The tester's case through the services: code "Chủ tịch UBND xã,
    phường, đặc khu", title left empty, unit Phường Tuy Hòa."""
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    cases.issue_decision(
        officer,
        case_id,
        decision_form(
            version=1,
            signer_title="",
            signer_title_code="chu_tich_ubnd_xa",
            authority_confirmed="1",
        ),
    )
    text = all_text(printing.print_form(officer, case_id, "MQĐ02")[1])
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA" in text
    assert "ĐẶC KHU" not in text
    assert text.count("ỦY BAN NHÂN DÂN PHƯỜNG TUY HÒA") == 2  # header, issuer


def test_title_the_unit_cannot_tell_must_be_written(people):  # noqa: F811
    """An inspection team is named by its own decision: the Thanh tra's
    team leader writes the title. A title of another body (a department's
    director in a commune) is refused at the title code instead."""
    make_user("canbo.tt", "THANH-TRA", Role.OFFICER)
    inspector = actor_for("canbo.tt")
    case_id = cases.create_case(inspector, case_form())
    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(
            inspector,
            case_id,
            decision_form(
                version=1,
                signer_title="",
                signer_title_code="truong_doan_thanh_tra_tinh",
                authority_confirmed="1",
            ),
        )
    assert "không cho biết tên" in refused.value.errors["signer_title"]

    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form())
    with pytest.raises(ValidationFailed) as refused:
        cases.issue_decision(
            officer,
            case_id,
            decision_form(
                version=1,
                signer_title="",
                signer_title_code="giam_doc_so",
                authority_confirmed="1",
            ),
        )
    assert "không phải chức danh" in refused.value.errors["signer_title_code"]
    assert "signer_title" not in refused.value.errors
