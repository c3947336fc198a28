"""A stopped unit frees its name (test_units_trial: a new unit may take it);
made active again, it would stand beside that unit in every unit list. The
reactivation is refused, naming the unit that has the name, as a creation
or a rename is; renamed while stopped, the unit is made active again."""

import pytest
from sqlmodel import select

from tests.services.conftest import _unit_id
from xlvphc.models import AuditEvent, Unit
from xlvphc.models.units import UnitKind
from xlvphc.services import units
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed


def _new(admin, name: str, parent_code: str) -> int:
    return units.create_unit(
        admin,
        {
            "name": name,
            "kind": UnitKind.DEPARTMENT,
            "parent_id": str(_unit_id(parent_code)),
        },
    )


def _state(unit_id: int) -> tuple[str, bool]:
    with session_scope() as session:
        unit = session.get(Unit, unit_id)
        return unit.name, unit.active


def _activations(unit_id: int) -> int:
    with session_scope() as session:
        return len(
            session.exec(
                select(AuditEvent.id).where(
                    AuditEvent.action == "unit.activated",
                    AuditEvent.entity_id == unit_id,
                )
            ).all()
        )


@pytest.mark.parametrize("typed", ["Phòng Thử Trùng Tên", "PHONG THU TRUNG TEN"])
def test_a_reactivation_onto_a_name_taken_meanwhile_is_refused(people, typed):
    admin = people["quantri"]
    old = _new(admin, "Phòng Thử Trùng Tên", "SO-TU-PHAP")
    units.set_active(admin, old, False)
    # The name is free while the unit is stopped: another unit takes it,
    # written alike (accents and case set aside).
    _new(admin, typed, "UBND-22015")

    with pytest.raises(ValidationFailed) as refused:
        units.set_active(admin, old, True)

    said = (
        f"Không thể cho Phòng Thử Trùng Tên hoạt động lại: đã có đơn vị «{typed}» "
        "đang hoạt động. Đặt tên khác cho đơn vị này, hoặc dùng đơn vị đã có."
    )
    # The message itself, not the generic one: no field shows "active".
    assert refused.value.message == said
    assert refused.value.errors == {"active": said}
    assert _state(old) == ("Phòng Thử Trùng Tên", False)
    assert _activations(old) == 0


def test_renamed_while_stopped_the_unit_is_active_again(people):
    admin = people["quantri"]
    old = _new(admin, "Phòng Thử Đổi Tên Khi Ngừng", "SO-TU-PHAP")
    units.set_active(admin, old, False)
    _new(admin, "Phòng Thử Đổi Tên Khi Ngừng", "UBND-22015")
    with pytest.raises(ValidationFailed):
        units.set_active(admin, old, True)

    units.rename_unit(admin, old, {"name": "Phòng Thử Đổi Tên Khi Ngừng (cũ)"})
    units.set_active(admin, old, True)

    assert _state(old) == ("Phòng Thử Đổi Tên Khi Ngừng (cũ)", True)
    assert _activations(old) == 1


def test_a_name_held_only_by_stopped_units_does_not_bar_reactivation(people):
    admin = people["quantri"]
    first = _new(admin, "Phòng Thử Cùng Ngừng", "SO-TU-PHAP")
    units.set_active(admin, first, False)
    second = _new(admin, "Phòng Thử Cùng Ngừng", "UBND-22015")
    units.set_active(admin, second, False)

    units.set_active(admin, second, True)
    assert _state(second) == ("Phòng Thử Cùng Ngừng", True)
    # The first now meets the second, active again.
    with pytest.raises(ValidationFailed) as refused:
        units.set_active(admin, first, True)
    assert "đã có đơn vị «Phòng Thử Cùng Ngừng»" in refused.value.message
