"""Whether a case's violation happened in a ward (phường), for the acts whose
frame doubles there (domain/ward_fines.py).

A commune's UBND or Công an sanctions in its own area (Luật XLVPHC Điều 52
k3 as amended by Luật 88/2025: "ở địa phương"; NĐ 189/2025 Điều 3 k2: by
"địa bàn"), so its area tells: a unit of "Phường Tân An" records a ward's
violation whatever the place box says.
A provincial body acts anywhere in the province: the place of the violation
tells, when it names one of the province's wards ("Tổ 3, phường Tân An").
"""

import re

from sqlmodel import Session, select

from xlvphc.domain.text import fold
from xlvphc.models import Unit
from xlvphc.models.units import UnitKind

_COMMUNE_BODIES = (UnitKind.COMMUNE_COMMITTEE, UnitKind.COMMUNE_POLICE)


def is_ward_name(name: str) -> bool:
    """An area's name says its kind first: "Phường Tân An", "Xã Ea Tu"."""
    return fold(name).startswith("phuong ")


def violation_in_ward(session: Session, unit_id: int | None, place: object) -> bool:
    """Tell whether the violation a unit records at `place` is in a ward.

    Args:
        session: An open session.
        unit_id: The case's unit.
        place: The place of the violation as typed (any value: from a form).

    Returns:
        True for a ward's UBND or Công an, or, for a unit above the
        communes, a place that names a ward of the province (with or
        without diacritics); False otherwise, the commune's frame.
    """
    unit = session.get(Unit, unit_id) if isinstance(unit_id, int) else None
    if unit is None:
        return False
    if unit.kind in _COMMUNE_BODIES:
        area = session.get(Unit, unit.parent_id) if unit.parent_id else None
        return area is not None and is_ward_name(area.name)
    if unit.kind == UnitKind.COMMUNE:
        return is_ward_name(unit.name)
    text = fold(place) if isinstance(place, str) else ""
    if "phuong" not in text:
        return False
    areas = session.exec(select(Unit.name).where(Unit.kind == UnitKind.COMMUNE))
    return any(
        re.search(rf"(?<![\w]){re.escape(fold(name))}(?![\w])", text)
        for name in areas
        if is_ward_name(name)
    )
