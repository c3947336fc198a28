"""User trial: under a commune an administrator could add a «Sở, ban, ngành»
or a «Xã, phường». Now the kinds that fit under a unit (services.units
CHILD_KINDS) are the only ones the form offers and the service accepts,
whoever calls it; units saved before the rule keep working."""

import pytest
from sqlmodel import select

from tests.security.conftest import _drive, new_state, run_coroutine
from tests.services.conftest import PASSWORD, _unit_id
from xlvphc.models import Unit
from xlvphc.models.units import UnitKind
from xlvphc.services import auth, units
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.state.units import UnitsState


def _create(admin, parent: int, kind: str, name: str = "Đơn vị thử nghiệm") -> int:
    return units.create_unit(
        admin, {"name": name, "kind": kind, "parent_id": str(parent)}
    )


def _kinds(admin, parent: int) -> list[str]:
    return [k["id"] for k in units.browse(admin, parent)["kinds"]]


def _refused_kind(admin, parent: int, kind: str) -> str:
    with pytest.raises(ValidationFailed) as err:
        _create(admin, parent, kind)
    return err.value.errors.get("kind", "")


def test_each_level_offers_and_accepts_only_its_kinds(people):
    admin = people["quantri"]
    province, commune = _unit_id("66"), _unit_id("22015")
    committee, department = _unit_id("UBND-22015"), _unit_id("SO-TU-PHAP")

    assert _kinds(admin, province) == [UnitKind.DEPARTMENT, UnitKind.COMMUNE]
    # The seeded commune has both its bodies already: nothing to add there.
    assert _kinds(admin, commune) == []
    for body in (committee, department, _unit_id("CA-22015")):
        assert _kinds(admin, body) == [UnitKind.DEPARTMENT]

    # What the trial added under a commune, and other misfits, are refused
    # at the kind, each saying what fits.
    says = _refused_kind(admin, commune, UnitKind.DEPARTMENT)
    assert "chỉ thêm được" in says and "«Công an xã, phường»" in says
    assert "«Sở, ban, ngành»" in _refused_kind(admin, province, UnitKind.COMMUNE_POLICE)
    for kind in (UnitKind.COMMUNE, UnitKind.COMMUNE_COMMITTEE, UnitKind.PROVINCE):
        says = _refused_kind(admin, committee, kind)
        assert f"«{units.SECTION_LABEL}»" in says
    assert "đã có Công an phường Tuy Hòa" in _refused_kind(
        admin, commune, UnitKind.COMMUNE_POLICE
    )
    assert _refused_kind(admin, committee, "robot") == "Vui lòng chọn loại đơn vị."
    with session_scope() as session:
        made = session.exec(
            select(Unit).where(Unit.name == "Đơn vị thử nghiệm")
        ).all()
    assert made == []


def test_a_new_commune_takes_one_committee_and_one_police(people):
    admin = people["quantri"]
    commune = _create(admin, _unit_id("66"), UnitKind.COMMUNE, "Xã Hòa Mới")
    assert _kinds(admin, commune) == [
        UnitKind.COMMUNE_COMMITTEE,
        UnitKind.COMMUNE_POLICE,
    ]
    _create(admin, commune, UnitKind.COMMUNE_COMMITTEE, "Ủy ban nhân dân xã Hòa Mới")
    assert _kinds(admin, commune) == [UnitKind.COMMUNE_POLICE]
    says = _refused_kind(admin, commune, UnitKind.COMMUNE_COMMITTEE)
    assert "đã có Ủy ban nhân dân xã Hòa Mới" in says
    police = _create(admin, commune, UnitKind.COMMUNE_POLICE, "Công an xã Hòa Mới")
    assert _kinds(admin, commune) == []

    # A stopped body no longer counts: its successor may be added.
    units.set_active(admin, police, False)
    assert _kinds(admin, commune) == [UnitKind.COMMUNE_POLICE]


def test_a_section_of_a_body_is_labelled_as_one(people):
    admin = people["quantri"]
    committee = _unit_id("UBND-22015")
    _create(admin, committee, UnitKind.DEPARTMENT, "Bộ phận một cửa")
    rows = {r["name"]: r["kind"] for r in units.browse(admin, committee)["rows"]}
    assert rows == {"Bộ phận một cửa": units.SECTION_LABEL}
    # A department of the province keeps its name of kind.
    province_rows = units.browse(admin, _unit_id("66"))["rows"]
    sở = next(r for r in province_rows if r["name"] == "Sở Tư pháp tỉnh Đắk Lắk")
    assert sở["kind"] == "Sở, ban, ngành"


def test_units_saved_before_the_rule_keep_working(people):
    """A department saved under a commune (what the trial could add) is
    listed, renamed, stopped and merged as before."""
    admin = people["quantri"]
    commune = _unit_id("22015")
    with session_scope() as session:
        old = Unit(
            code="CU-22015",
            name="Sở cũ dưới phường",
            kind=UnitKind.DEPARTMENT,
            parent_id=commune,
        )
        second = Unit(
            code="CU-22015-B",
            name="Xã cũ dưới phường",
            kind=UnitKind.COMMUNE,
            parent_id=commune,
        )
        session.add(old)
        session.add(second)
        session.flush()
        old_id, second_id = old.id, second.id
    names = [r["name"] for r in units.browse(admin, commune)["rows"]]
    assert "Sở cũ dưới phường" in names and "Xã cũ dưới phường" in names

    units.rename_unit(admin, old_id, {"name": "Tổ cũ dưới phường"})
    units.merge_units(admin, second_id, old_id, "Sắp xếp lại tổ chức")
    units.set_active(admin, old_id, False)
    with session_scope() as session:
        old, second = session.get(Unit, old_id), session.get(Unit, second_id)
        assert (old.name, old.active, second.active) == (
            "Tổ cũ dưới phường",
            False,
            False,
        )
    # Sub-units under a commune of the old kind may still be added in it.
    assert _kinds(admin, second_id) == [
        UnitKind.COMMUNE_COMMITTEE,
        UnitKind.COMMUNE_POLICE,
    ]


def _run(state, handler: str, *args) -> list:
    fn = type(state).event_handlers[handler].fn
    return run_coroutine(_drive(fn(state, *args)))


def test_the_screen_offers_the_level_kinds_and_the_handler_is_checked(people):
    _root, state = new_state(UnitsState, auth.login("quantri", PASSWORD).token)
    _run(state, "open")
    _run(state, "go", str(_unit_id("66")))
    assert [k["id"] for k in state.kinds] == [UnitKind.DEPARTMENT, UnitKind.COMMUNE]
    _run(state, "go", str(_unit_id("22015")))
    assert state.kinds == []

    # A browser sending a kind the form never offered is refused at the
    # field, and nothing is created.
    _run(state, "go", str(_unit_id("UBND-22015")))
    assert state.kinds == [
        {"id": UnitKind.DEPARTMENT, "name": units.SECTION_LABEL}
    ]
    _run(state, "create", {"new_name": "Xã giả mạo", "kind": UnitKind.COMMUNE})
    assert "chỉ thêm được" in state.errors["kind"]
    with session_scope() as session:
        assert not session.exec(select(Unit).where(Unit.name == "Xã giả mạo")).all()
    _run(state, "create", {"new_name": "Bộ phận một cửa", "kind": "department"})
    assert [r["name"] for r in state.rows] == ["Bộ phận một cửa"]
