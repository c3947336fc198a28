"""Reference data: the real units and catalogue, loaded idempotently."""

from sqlalchemy import func
from sqlmodel import select

from xlvphc.models import CatalogueEntry, Unit
from xlvphc.models.units import UnitKind
from xlvphc.services import reference
from xlvphc.services.db import session_scope


def _count(model, *where) -> int:
    with session_scope() as session:
        return session.exec(select(func.count()).select_from(model).where(*where)).one()


def test_units_cover_every_commune_with_its_committee_and_police(ref):
    assert _count(Unit, Unit.kind == UnitKind.COMMUNE) == 102
    assert _count(Unit, Unit.kind == UnitKind.COMMUNE_COMMITTEE) == 102
    assert _count(Unit, Unit.kind == UnitKind.COMMUNE_POLICE) == 102
    assert _count(Unit, Unit.kind == UnitKind.DEPARTMENT) == 20
    with session_scope() as session:
        ward = session.exec(select(Unit).where(Unit.code == "UBND-22015")).one()
        area = session.get(Unit, ward.parent_id)
        police = session.exec(select(Unit).where(Unit.code == "CA-22015")).one()
        supervisors = session.exec(select(Unit).where(Unit.is_supervisor)).all()
    assert ward.name == "Ủy ban nhân dân phường Tuy Hòa"
    assert area.code == "22015" and area.name == "Phường Tuy Hòa"
    assert police.is_vertical and not ward.is_vertical
    assert [u.name for u in supervisors] == ["Sở Tư pháp tỉnh Đắk Lắk"]


def test_catalogue_keeps_individual_frames_and_warning_only_acts(ref):
    assert _count(CatalogueEntry) == 143
    with session_scope() as session:
        helmet = session.exec(select(CatalogueEntry).where(
            CatalogueEntry.decree == "168/2024/NĐ-CP", CatalogueEntry.article == 7,
            CatalogueEntry.clause == 2, CatalogueEntry.point == "h")).one()
    assert (helmet.fine_min, helmet.fine_max) == (400_000, 600_000)
    assert _count(CatalogueEntry, CatalogueEntry.fine_max.is_(None)) >= 1


def test_loading_twice_changes_nothing(ref):
    with session_scope() as session:
        units = reference.load_units(session)
        catalogue = reference.load_catalogue(session)
    assert (units.created, units.updated) == (0, 0)
    assert units.unchanged == 1 + 20 + 3 * 102
    assert (catalogue.created, catalogue.updated, catalogue.unchanged) == (0, 0, 143)


def test_loading_again_keeps_what_administrators_changed(ref):
    with session_scope() as session:
        unit = session.exec(select(Unit).where(Unit.code == "UBND-22015")).one()
        unit.name = "Ủy ban nhân dân phường Tuy Hòa (mới)"
        unit.active = False
        session.add(unit)
    with session_scope() as session:
        reference.load_units(session)
    with session_scope() as session:
        unit = session.exec(select(Unit).where(Unit.code == "UBND-22015")).one()
    assert (unit.name, unit.active) == ("Ủy ban nhân dân phường Tuy Hòa (mới)", False)
