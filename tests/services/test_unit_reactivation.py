"""User trial: «Hoạt động lại» got around the one-UBND / one-Công-an rule
of a commune (services.units ONE_PER_COMMUNE): stop a commune's UBND, add
a new one, reactivate the first, and the commune had two. Reactivation now
checks what creation checks (CHILD_KINDS), whoever calls it."""

import pytest
from sqlmodel import select

from tests.security.conftest import _drive, new_state, run_coroutine
from tests.services.conftest import PASSWORD, _unit_id
from xlvphc.models import AuditEvent, Unit
from xlvphc.models.units import UnitKind
from xlvphc.services import auth, units
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.state.units import UnitsState


def _active(unit_id: int) -> bool:
    with session_scope() as session:
        return session.get(Unit, unit_id).active


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


def _refused(admin, unit_id: int) -> ValidationFailed:
    with pytest.raises(ValidationFailed) as err:
        units.set_active(admin, unit_id, True)
    return err.value


def _commune_with_replaced_committee(admin) -> tuple[int, int, int]:
    """A commune whose first UBND was stopped and a second one added."""
    commune = units.create_unit(
        admin,
        {"name": "Xã Hòa Thử", "kind": UnitKind.COMMUNE, "parent_id": _unit_id("66")},
    )
    first = units.create_unit(
        admin,
        {
            "name": "Ủy ban nhân dân xã Hòa Thử",
            "kind": UnitKind.COMMUNE_COMMITTEE,
            "parent_id": commune,
        },
    )
    units.set_active(admin, first, False)
    second = units.create_unit(
        admin,
        {
            "name": "Ủy ban nhân dân xã Hòa Thử mới",
            "kind": UnitKind.COMMUNE_COMMITTEE,
            "parent_id": commune,
        },
    )
    return commune, first, second


def test_a_second_committee_is_not_reactivated(people):
    admin = people["quantri"]
    commune, first, second = _commune_with_replaced_committee(admin)

    refusal = _refused(admin, first)
    assert refusal.message == refusal.errors["active"]
    assert "Không thể cho Ủy ban nhân dân xã Hòa Thử hoạt động lại" in refusal.message
    assert "đã có Ủy ban nhân dân xã Hòa Thử mới" in refusal.message
    assert f"«{UnitKind.LABELS[UnitKind.COMMUNE_COMMITTEE]}»" in refusal.message
    assert not _active(first) and _activations(first) == 0

    # Once the successor stops, the first may come back.
    units.set_active(admin, second, False)
    units.set_active(admin, first, True)
    assert _active(first) and _activations(first) == 1
    kinds = [k["id"] for k in units.browse(admin, commune)["kinds"]]
    assert kinds == [UnitKind.COMMUNE_POLICE]


def test_a_unit_that_does_not_fit_its_parent_is_not_reactivated(people):
    """A department saved under a commune before CHILD_KINDS may be stopped,
    not brought back."""
    admin = people["quantri"]
    with session_scope() as session:
        old = Unit(
            code="CU-22015-R",
            name="Sở cũ dưới phường",
            kind=UnitKind.DEPARTMENT,
            parent_id=_unit_id("22015"),
            active=False,
        )
        session.add(old)
        session.flush()
        old_id = old.id

    refusal = _refused(admin, old_id)
    assert "Không thể cho Sở cũ dưới phường hoạt động lại" in refusal.message
    assert "chỉ đặt được đơn vị loại" in refusal.message
    assert "«Công an xã, phường»" in refusal.message
    assert not _active(old_id)

    # A section of a body still comes back as before.
    section = units.create_unit(
        admin,
        {
            "name": "Bộ phận một cửa",
            "kind": UnitKind.DEPARTMENT,
            "parent_id": _unit_id("UBND-22015"),
        },
    )
    units.set_active(admin, section, False)
    units.set_active(admin, section, True)
    assert _active(section)


def _run(state, handler: str, *args) -> list:
    fn = type(state).event_handlers[handler].fn
    return run_coroutine(_drive(fn(state, *args)))


def test_the_row_button_shows_the_refusal_and_bad_arguments_change_nothing(
    people,
):
    admin = people["quantri"]
    commune, first, _second = _commune_with_replaced_committee(admin)
    _root, state = new_state(UnitsState, auth.login("quantri", PASSWORD).token)
    _run(state, "open")
    _run(state, "go", str(commune))

    # «Hoạt động lại» on the stopped UBND: the reason is the page message
    # (form_message at the top of the units page).
    answer = _run(state, "set_active", str(first), True)
    assert "đã có Ủy ban nhân dân xã Hòa Thử mới" in state.message
    # And as a notice where the row was tapped (a phone shows the page's
    # message a screen above).
    assert "đã có Ủy ban nhân dân xã Hòa Thử mới" in str(answer[0])
    assert not _active(first)

    # Whatever a browser sends instead, nothing is reactivated.
    for unit_id, active in (
        (first, "true"),
        (first, 1),
        ([first], True),
        ("1; drop", True),
        (None, True),
        (str(first), True),
    ):
        _run(state, "set_active", unit_id, active)
        assert state.message
        assert not _active(first)
    assert _activations(first) == 0
