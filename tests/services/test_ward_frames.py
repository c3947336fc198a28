"""Acts whose frame doubles in a ward (NĐ 123/2024 Điều 10 k3, Điều 13 k6):
a case in a ward takes the ward's frame, says "tại phường" and cites the
clause on the record and the decision; a case in a commune keeps the
commune's. A ward is told by the unit's area, or, for a provincial body, by
the place of the violation (services/ward_place.py)."""

from io import BytesIO

import pytest
from pypdf import PdfReader
from sqlmodel import select

from tests.services.conftest import (
    actor_for,
    case_form,
    catalogue_id,
    decision_form,
    make_user,
)
from xlvphc.models import CaseAct, CatalogueEntry
from xlvphc.services import case_edit, case_queries, cases, catalogue, printing
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.ward_place import violation_in_ward

LAND = "123/2024/NĐ-CP"
DESCRIPTION = "Tự ý chuyển 300 m2 đất trồng cây lâu năm sang làm bãi chứa vật liệu."


def _land_case(actor, place: str = "Thôn 3", act=(10, 1, "a")) -> int:
    return cases.create_case(actor, case_form(
        act_ids=str(catalogue_id(*act, LAND)), violation_place=place,
        description=DESCRIPTION))


def _acts(case_id: int) -> list[CaseAct]:
    with session_scope() as session:
        return list(session.exec(select(CaseAct).where(CaseAct.case_id == case_id)))


def _text(actor, case_id: int, code: str) -> str:
    pdf = printing.print_form(actor, case_id, code)[1]
    return " ".join(" ".join(p.extract_text().split())
                    for p in PdfReader(BytesIO(pdf)).pages)


@pytest.fixture
def others(people):
    """An officer of a commune (xã) and one of a provincial department."""
    make_user("canbo.xa", "UBND-22057", Role.OFFICER)  # Xã Xuân Lộc
    make_user("canbo.so", "SO-NONG-NGHIEP-VA-MOI-TRUONG", Role.OFFICER)
    return {name: actor_for(name) for name in ("canbo.xa", "canbo.so")}


def test_a_ward_unit_gets_the_doubled_frame_its_clause_and_wording(people):
    officer = people["canbo.a"]  # UBND phường Tuy Hòa
    case_id = _land_case(officer)

    [act] = _acts(case_id)
    assert (act.frame_min, act.frame_max, act.ward_clause) == (
        6_000_000, 10_000_000, 3)
    assert "không phải đất ở tại phường, diện tích dưới 0,05 ha" in act.act
    shown = case_queries.get_case(officer, case_id)["acts"][0]
    assert shown["citation"] == (
        f"Điểm a khoản 1 và khoản 3 Điều 10 Nghị định {LAND}")
    assert shown["frame"] == "Từ 6.000.000 đồng đến 10.000.000 đồng"
    assert shown["default_fine"] == "8.000.000"


def test_the_ward_frame_is_the_one_the_decision_is_held_to(people):
    officer = people["canbo.a"]
    case_id = _land_case(officer)
    act_id = _acts(case_id)[0].id
    # The commune's frame (3–5 million) is below the ward's.
    with pytest.raises(ValidationFailed) as err:
        cases.issue_decision(officer, case_id, decision_form(
            version=1, **{f"fine_{act_id}": "4.000.000"}))
    assert "6.000.000" in err.value.errors[f"fine_{act_id}"]
    cases.issue_decision(officer, case_id, decision_form(version=1))

    decision = _text(officer, case_id, "MQĐ02")
    assert "3. Quy định tại: điểm a khoản 1 và khoản 3 Điều 10 Nghị định số " \
        f"{LAND}." in decision
    assert "Phạt tiền 8.000.000 đồng" in decision
    assert "tại xã" not in decision
    assert (f"Căn cứ Nghị định số {LAND} ngày 04 tháng 10 năm 2024 của Chính "
            "phủ quy định về xử phạt vi phạm hành chính trong lĩnh vực đất "
            "đai;") in decision
    record = _text(officer, case_id, "MBB01")
    assert "điểm a khoản 1 và khoản 3 Điều 10 Nghị định số" in record
    assert "tại xã" not in record


def test_an_organisation_in_a_ward_is_doubled_again(people):
    officer = people["canbo.a"]
    case_id = cases.create_case(officer, case_form(
        kind="organisation", name="Công ty TNHH Xây dựng Tây Nguyên",
        tax_code="6001234567", representative_name="Y Niê Mlô",
        act_ids=str(catalogue_id(13, 4, "a", LAND)), description=DESCRIPTION))
    shown = case_queries.get_case(officer, case_id)["acts"][0]
    # 5–10 million for a person in a commune, ×2 in a ward, ×2 for a body.
    assert shown["frame"] == "Từ 20.000.000 đồng đến 40.000.000 đồng"
    assert shown["citation"].startswith("Điểm a khoản 4 và khoản 6 Điều 13")


def test_a_commune_unit_keeps_the_communes_frame(others):
    officer = others["canbo.xa"]
    case_id = _land_case(officer, place="Thôn 3, phường Tuy Hòa")
    [act] = _acts(case_id)
    # Its own area decides, whatever the place says.
    assert (act.frame_min, act.frame_max, act.ward_clause) == (
        3_000_000, 5_000_000, None)
    assert "tại xã" in act.act
    assert case_queries.get_case(officer, case_id)["acts"][0]["citation"] == (
        f"Điểm a khoản 1 Điều 10 Nghị định {LAND}")


@pytest.mark.parametrize(
    ("place", "in_ward"),
    [
        ("Tổ dân phố 2, phường Tân An, tỉnh Đắk Lắk", True),
        ("to dan pho 2, phuong tan an", True),
        ("Thôn 4, xã Xuân Lộc", False),
        ("Phường Bến Thành", False),  # not a ward of the province
        ("Thửa đất số 12, tờ bản đồ số 5", False),  # no area named
    ],
)
def test_a_provincial_body_goes_by_the_place(others, place, in_ward):
    officer = others["canbo.so"]
    case_id = _land_case(officer, place=place)
    [act] = _acts(case_id)
    assert (act.ward_clause == 3) is in_ward
    assert act.frame_max == (10_000_000 if in_ward else 5_000_000)


def test_moving_the_place_into_a_ward_changes_the_frame_on_edit(others):
    officer = others["canbo.so"]
    case_id = _land_case(officer, place="Thôn 4, xã Xuân Lộc")
    loaded = case_edit.edit_form(officer, case_id)
    form = {**loaded["values"], "kind": loaded["kind"],
            "act_ids": ",".join(a["id"] for a in loaded["acts"]),
            "version": loaded["version"],
            "violation_place": "Tổ 5, phường Buôn Ma Thuột"}
    case_edit.edit_case(officer, case_id, form)
    [act] = _acts(case_id)
    assert (act.frame_min, act.frame_max, act.ward_clause) == (
        6_000_000, 10_000_000, 3)


def test_an_act_without_a_ward_rule_is_the_same_in_a_ward(people):
    case_id = _land_case(people["canbo.a"], act=(27, 3, ""))
    with session_scope() as session:
        entry = session.get(CatalogueEntry, catalogue_id(27, 3, "", LAND))
    [act] = _acts(case_id)
    assert (act.frame_min, act.frame_max, act.ward_clause, act.act) == (
        entry.fine_min, entry.fine_max, None, entry.act)


def test_the_picker_tells_the_wards_frame_beside_the_communes(people):
    with session_scope() as session:
        doubling = session.get(CatalogueEntry, catalogue_id(10, 2, "a", LAND))
        plain = session.get(CatalogueEntry, catalogue_id(27, 3, "", LAND))
        assert catalogue.as_row(doubling)["frame"] == (
            "Từ 10.000.000 đồng đến 20.000.000 đồng; tại phường: gấp 02 lần "
            "(khoản 3 Điều 10)")
        assert "phường" not in catalogue.as_row(plain)["frame"]


def test_unknown_or_missing_units_are_not_wards(ref):
    with session_scope() as session:
        assert violation_in_ward(session, None, "phường Tân An") is False
        assert violation_in_ward(session, 10**6, "phường Tân An") is False
        assert violation_in_ward(session, "1", "phường Tân An") is False


def test_several_acts_in_a_ward_are_listed_tai_phuong_with_their_clauses(people):
    officer = people["canbo.a"]
    ids = [catalogue_id(10, 1, "a", LAND), catalogue_id(13, 4, "a", LAND)]
    case_id = cases.create_case(officer, case_form(
        act_ids=",".join(str(i) for i in ids), description=DESCRIPTION))
    cases.issue_decision(officer, case_id, decision_form(version=1))

    decision = _text(officer, case_id, "MQĐ02")
    assert "không phải đất ở tại phường, diện tích dưới 0,05 ha;" in decision
    assert "Lấn, chiếm đất phi nông nghiệp tại phường, diện tích" in decision
    assert (f"(1) điểm a khoản 1 và khoản 3 Điều 10 Nghị định số {LAND}; (2) "
            f"điểm a khoản 4 và khoản 6 Điều 13 Nghị định số {LAND}.") in decision
    # 8.000.000 + 15.000.000: each act at its ward frame's average.
    assert "Tổng số tiền phạt là: 23.000.000 đồng" in decision
