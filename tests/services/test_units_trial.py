"""The units screen after a user trial: a refused deactivation says why
(only the generic "see the marked fields" was shown, and no field is
marked), and units offered for a pick are in Vietnamese order (Đ, Ô, Ủy
and "Tỉnh Đắk Lắk" came after Y)."""

import pytest

from tests.services.conftest import _unit_id
from xlvphc.domain.text import sort_key
from xlvphc.services import accounts, units
from xlvphc.services.errors import ValidationFailed

GENERIC = "Thông tin chưa hợp lệ"


def _new(admin, name: str, parent: int) -> int:
    return units.create_unit(
        admin, {"name": name, "kind": "department", "parent_id": str(parent)}
    )


def test_a_refused_deactivation_says_why(people):
    admin = people["quantri"]
    with pytest.raises(ValidationFailed) as err:
        units.set_active(admin, _unit_id("SO-TU-PHAP"), False)
    assert "còn 2 tài khoản" in err.value.message
    assert "Sở Tư pháp" in err.value.message and GENERIC not in err.value.message

    with pytest.raises(ValidationFailed) as err:
        units.set_active(admin, _unit_id("66"), False)
    assert err.value.message == "Không thể ngừng đơn vị gốc."

    parent = _new(admin, "Tổ cấp trên", _unit_id("66"))
    child = _new(admin, "Tổ cấp dưới", parent)
    with pytest.raises(ValidationFailed) as err:
        units.set_active(admin, parent, False)
    assert "1 đơn vị trực thuộc" in err.value.message
    units.set_active(admin, child, False)
    units.set_active(admin, parent, False)
    with pytest.raises(ValidationFailed) as err:
        units.set_active(admin, child, True)
    assert "cấp trên đang ngừng" in err.value.message


def test_a_new_unit_under_a_stopped_parent_says_why(people):
    admin = people["quantri"]
    parent = _new(admin, "Tổ sắp ngừng", _unit_id("66"))
    units.set_active(admin, parent, False)
    with pytest.raises(ValidationFailed) as err:
        _new(admin, "Tổ con", parent)
    assert "cấp trên đang hoạt động" in err.value.message


def test_sort_key_is_vietnamese_order():
    names = ["Ủy ban", "Tỉnh Đắk Lắk", "Yên", "Đội", "Dân", "Ông", "Oa", "Em", "Da"]
    assert sorted(names, key=sort_key) == [
        "Da",
        "Dân",
        "Đội",
        "Em",
        "Oa",
        "Ông",
        "Tỉnh Đắk Lắk",
        "Ủy ban",
        "Yên",
    ]
    # Equal once folded: d before đ, a before ă before â, then the tones.
    assert sorted(["Đa", "Dă", "Da", "Dá", "Dà"], key=sort_key) == [
        "Da",
        "Dà",
        "Dá",
        "Dă",
        "Đa",
    ]


def test_unit_choices_are_in_vietnamese_order(people):
    admin = people["quantri"]
    province = _unit_id("66")
    for name in ("Đội Quản lý thị trường", "Ông Bà tổ", "Văn phòng Zeta"):
        _new(admin, name, province)
    names = [u["name"] for u in accounts.unit_choices(admin)]
    assert names[0] == "Tỉnh Đắk Lắk"
    assert names[1:] == sorted(names[1:], key=sort_key)
    at = names.index
    assert at("Đội Quản lý thị trường") < at("Ông Bà tổ") < at("Văn phòng Zeta")
    assert at("Sở Tư pháp tỉnh Đắk Lắk") < at("Văn phòng Zeta")
    committees = [n for n in names if n.startswith("Ủy ban")]
    assert committees and at(committees[-1]) < at("Văn phòng Zeta")


def test_units_screen_lists_in_vietnamese_order(people):
    admin = people["quantri"]
    province = _unit_id("66")
    for name in ("Đội Quản lý thị trường", "Ông Bà tổ", "Văn phòng Zeta"):
        _new(admin, name, province)
    rows = units.browse(admin, province)["rows"]
    departments = [r["name"] for r in rows if r["kind"] == "Sở, ban, ngành"]
    assert departments == sorted(departments, key=sort_key)
    assert departments.index("Đội Quản lý thị trường") < departments.index(
        "Văn phòng Zeta"
    )
    found = [r["name"] for r in units.search_units(admin, "ng")]
    assert found == sorted(found, key=lambda n: sort_key(n.rsplit(" (", 1)[0]))


def test_the_transfer_step_offers_units_in_vietnamese_order(people):
    """The «Chuyển đến đơn vị» list (services/procedure/transfer.py) in the
    same order as the other unit lists: the province first, "Đ" among the D."""
    from tests.services.conftest import case_form
    from xlvphc.services import cases as case_service
    from xlvphc.services.procedure import allowed_steps

    officer = people["canbo.a"]
    case_id = case_service.create_case(officer, case_form())
    [row] = [s for s in allowed_steps(officer, case_id) if s["code"] == "transfer_unit"]
    [field] = [f for f in row["fields"] if f["name"] == "unit"]
    names = [o["name"] for o in field["options"]]
    assert names[0].startswith("Ủy ban nhân dân tỉnh") or names[0].startswith("Tỉnh")
    assert names[1:] == sorted(names[1:], key=sort_key)


def test_a_second_unit_of_the_same_name_is_refused(people):
    """Verification trial: a second "Phường Tuy Hòa" was created beside the
    first; the name is refused however its accents and case are typed, on
    creation and on renaming, while a unit no longer active frees it."""
    admin = people["quantri"]
    with pytest.raises(ValidationFailed) as caught:
        _new(admin, "PHUONG TUY HOA", _unit_id("66"))
    assert caught.value.errors["name"].startswith("Đã có đơn vị «Phường Tuy Hòa»")
    other = _new(admin, "Tổ công tác liên ngành", _unit_id("66"))
    with pytest.raises(ValidationFailed) as caught:
        units.rename_unit(admin, other, {"name": "Sở Tư pháp tỉnh Đắk Lắk"})
    assert "Đã có đơn vị" in caught.value.errors["name"]
    units.rename_unit(admin, other, {"name": "Tổ công tác liên ngành số 2"})
    units.set_active(admin, other, False)
    assert _new(admin, "Tổ công tác liên ngành số 2", _unit_id("66"))


def test_a_dashboard_act_without_citation_says_so():
    from xlvphc.services.dashboard import NO_CITATION, _citation

    assert _citation("", 0, 0, "") == NO_CITATION
    assert _citation("282/2025/NĐ-CP", 8, 1, "a") == (
        "Điểm a khoản 1 Điều 8 Nghị định 282/2025/NĐ-CP"
    )
