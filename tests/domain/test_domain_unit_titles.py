"""The sanctioning titles of each kind of unit (domain.unit_titles) and the
title that names another body than the issuing one (domain.signer_titles).
User trial: "Công an xã Ea Kar" signed as "Chủ tịch Ủy ban nhân dân tỉnh"."""

import pytest

from xlvphc.domain import unit_titles
from xlvphc.domain.authority import SIGNER_TITLES
from xlvphc.domain.signer_titles import names_other_body, post_of, with_body
from xlvphc.domain.unit_titles import fitting_titles, misfit_message
from xlvphc.models.units import UnitKind

DEPARTMENT = UnitKind.DEPARTMENT
POLICE_ABOVE = ("Công an tỉnh Đắk Lắk", "Tỉnh Đắk Lắk")

# (kind, name, names above, the codes it may sign with)
UNITS = [
    pytest.param(
        UnitKind.COMMUNE_POLICE,
        "Công an xã Ea Kar",
        (),
        ("truong_cong_an_xa", "chien_si_cand"),
        id="commune-police",
    ),
    pytest.param(
        UnitKind.COMMUNE_COMMITTEE,
        "Ủy ban nhân dân xã Ea Kar",
        (),
        ("chu_tich_ubnd_xa",),
        id="commune-committee",
    ),
    pytest.param(
        UnitKind.PROVINCE, "Tỉnh Đắk Lắk", (), ("chu_tich_ubnd_tinh",), id="province"
    ),
    pytest.param(UnitKind.COMMUNE, "Xã Ea Kar", (), (), id="area-node"),
    pytest.param(DEPARTMENT, "Sở Tư pháp tỉnh Đắk Lắk", (), ("giam_doc_so",), id="so"),
    pytest.param(
        DEPARTMENT,
        "Chi cục Thủy lợi",
        ("Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk",),
        ("chi_cuc_truong_thuoc_so",),
        id="chi-cuc-of-a-so",
    ),
    pytest.param(
        DEPARTMENT,
        "Thanh tra tỉnh Đắk Lắk",
        (),
        ("chanh_thanh_tra_tinh", "truong_doan_thanh_tra_tinh", "thanh_tra_vien_tinh"),
        id="thanh-tra-tinh",
    ),
    pytest.param(
        DEPARTMENT,
        "Công an tỉnh Đắk Lắk",
        (),
        ("giam_doc_cong_an_tinh", "chien_si_cand"),
        id="provincial-police",
    ),
    pytest.param(
        DEPARTMENT,
        "Phòng Quản lý hành chính về trật tự xã hội",
        POLICE_ABOVE,
        ("truong_phong_cong_an_tinh", "chien_si_cand"),
        id="police-phong-told-by-its-parent",
    ),
    pytest.param(
        DEPARTMENT,
        "Đồn Công an Cửa khẩu",
        (),
        ("truong_don_cong_an", "chien_si_cand"),
        id="police-don-told-by-its-name",
    ),
    pytest.param(
        DEPARTMENT,
        "Chi cục Quản lý thị trường",
        (),
        ("chi_cuc_truong_qltt", "kiem_soat_vien_thi_truong"),
        id="chi-cuc-qltt",
    ),
    pytest.param(
        DEPARTMENT,
        "Đội Quản lý thị trường số 1",
        (),
        ("doi_truong_qltt", "kiem_soat_vien_thi_truong"),
        id="doi-qltt",
    ),
    pytest.param(
        DEPARTMENT,
        "Thuế tỉnh Đắk Lắk",
        (),
        ("truong_thue_tinh", "cong_chuc_thue"),
        id="thue-tinh",
    ),
    pytest.param(
        DEPARTMENT,
        "Thuế cơ sở 2 tỉnh Đắk Lắk",
        (),
        ("truong_thue_co_so", "cong_chuc_thue"),
        id="thue-co-so",
    ),
    pytest.param(
        DEPARTMENT,
        "Chi cục Kiểm lâm",
        (),
        ("chi_cuc_truong_kiem_lam", "kiem_lam_vien"),
        id="chi-cuc-kiem-lam",
    ),
    pytest.param(
        DEPARTMENT,
        "Hạt Kiểm lâm Ea Kar",
        (),
        ("hat_truong_kiem_lam", "kiem_lam_vien"),
        id="hat-kiem-lam",
    ),
    pytest.param(
        DEPARTMENT,
        "Trạm Kiểm lâm Ea Sô",
        (),
        ("tram_truong_kiem_lam", "kiem_lam_vien"),
        id="tram-kiem-lam",
    ),
    pytest.param(
        DEPARTMENT,
        "Văn phòng Ủy ban nhân dân tỉnh Đắk Lắk",
        (),
        (),
        id="office-signs-nothing",
    ),
    pytest.param(DEPARTMENT, "Bộ Chỉ huy Quân sự tỉnh Đắk Lắk", (), (), id="military"),
    pytest.param(
        DEPARTMENT,
        "Phòng Hành chính",
        ("Sở Tư pháp tỉnh Đắk Lắk",),
        (),
        id="phong-of-a-so",
    ),
]


def test_kinds_are_those_of_the_unit_model():
    assert unit_titles.PROVINCE == UnitKind.PROVINCE
    assert unit_titles.COMMUNE == UnitKind.COMMUNE
    assert unit_titles.COMMUNE_COMMITTEE == UnitKind.COMMUNE_COMMITTEE
    assert unit_titles.COMMUNE_POLICE == UnitKind.COMMUNE_POLICE


@pytest.mark.parametrize(("kind", "name", "above", "codes"), UNITS)
def test_titles_of_each_kind_of_unit(kind, name, above, codes):
    assert fitting_titles(kind, name, above) == codes


def test_every_title_belongs_to_some_unit():
    offered = {code for p in UNITS for code in fitting_titles(*p.values[:3])}
    assert offered == {code for code, _ in SIGNER_TITLES}


def test_commune_police_never_holds_a_province_title():
    """The trial's account: a commune police with the province chairman."""
    codes = fitting_titles(UnitKind.COMMUNE_POLICE, "Công an xã Ea Kar")
    assert "chu_tich_ubnd_tinh" not in codes
    assert "giam_doc_cong_an_tinh" not in codes


def test_misfit_message_names_the_unit_and_its_titles():
    message = misfit_message(
        "Chủ tịch Ủy ban nhân dân tỉnh",
        "Công an xã Ea Kar",
        ["Trưởng Công an cấp xã", "Chiến sĩ Công an nhân dân đang thi hành công vụ"],
    )
    assert message.startswith(
        "Chức danh «Chủ tịch Ủy ban nhân dân tỉnh» không phải chức danh của "
        "Công an xã Ea Kar"
    )
    assert "«Trưởng Công an cấp xã»" in message
    assert "không có chức danh" in misfit_message("Giám đốc sở", "Văn phòng", [])


@pytest.mark.parametrize(
    ("title", "body", "other"),
    [
        ("Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk", "Công an xã Ea Kar", True),
        ("Chủ tịch UBND tỉnh", "Công an xã Ea Kar", True),
        ("Giám đốc Công an tỉnh", "Công an xã Ea Kar", True),
        ("Trưởng Công an xã", "Ủy ban nhân dân xã Ea Kar", True),
        ("Giám đốc Sở Xây dựng", "Ủy ban nhân dân phường Tuy Hòa", True),
        ("Trưởng Công an xã Ea Kar", "Công an xã Ea Kar", False),
        ("Phó Trưởng Công an xã", "Công an xã Ea Kar", False),
        ("Chiến sĩ Công an nhân dân", "Công an xã Ea Kar", False),
        ("Phó Chủ tịch UBND phường Tuy Hòa", "Ủy ban nhân dân phường Tuy Hòa", False),
        ("Giám đốc Công an tỉnh Đắk Lắk", "Công an", False),
        ("Phó Giám đốc Sở", "Sở Tư pháp", False),
        ("Chủ tịch UBND tỉnh", "Tỉnh Đắk Lắk", False),
        ("Người ký theo chức danh", "Công an xã Ea Kar", False),
    ],
)
def test_a_title_of_another_body(title, body, other):
    assert names_other_body(title, body) is other


@pytest.mark.parametrize(
    ("title", "printed"),
    [
        # The trial's line: the province title is not glued to the commune.
        (
            "Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk",
            "Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk",
        ),
        ("Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh"),
        # A post of this body is still completed with its name.
        ("Trưởng Công an xã", "Trưởng Công an xã Ea Kar"),
        ("Trưởng", "Trưởng Công an xã Ea Kar"),
    ],
)
def test_with_body_glues_no_other_body(title, printed):
    assert with_body(title, "Công an xã Ea Kar") == printed
    if printed.endswith("Công an xã Ea Kar"):
        assert post_of(title, "Công an xã Ea Kar") == "Trưởng"
    else:
        assert post_of(title, "Công an xã Ea Kar") == printed


@pytest.mark.parametrize(
    ("title", "body", "other"),
    [
        # The catalogue's labels tell the level as "cấp tỉnh", "cấp xã" or
        # "xã, phường, đặc khu" (user trial: typed in the title box, they
        # were replaced silently instead of refused).
        ("Giám đốc Công an cấp tỉnh", "Công an xã Ea Kar", True),
        ("Trưởng phòng Công an cấp tỉnh", "Công an xã Ea Kar", True),
        (
            "Chủ tịch Ủy ban nhân dân xã, phường, đặc khu",
            "Ủy ban nhân dân tỉnh Đắk Lắk",
            True,
        ),
        ("Trưởng Công an cấp xã", "Công an xã Ea Kar", False),
        (
            "Chủ tịch Ủy ban nhân dân xã, phường, đặc khu",
            "Ủy ban nhân dân xã Ea Kar",
            False,
        ),
        ("Chiến sĩ Công an nhân dân đang thi hành công vụ", "Công an xã Ea Kar", False),
    ],
)
def test_a_label_of_another_level(title, body, other):
    assert names_other_body(title, body) is other
