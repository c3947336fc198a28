"""Merging units did not check kinds: a commune merged into a department
moved its UBND and Công an under that department. What a merge moves must
fit where it lands (services.units._merge_refusal): the active sub-units
under the target's kinds (CHILD_KINDS), one UBND and one Công an per
commune, no cases or accounts into a commune (an area). The refusal is
given at the receiving unit's field, by the service whoever calls it, and
by the units screen before its confirmation dialog opens."""

import pytest
from sqlmodel import select

from tests.security.conftest import _drive, new_state, run_coroutine
from tests.services.conftest import PASSWORD, _unit_id
from xlvphc.models import Case, Unit, User
from xlvphc.models.units import UnitKind
from xlvphc.services import auth, units
from xlvphc.services.db import session_scope
from xlvphc.services.errors import NotFound, ValidationFailed
from xlvphc.state.units import UnitsState

REASON = "Nghị quyết số 12/NQ-HĐND về sắp xếp tổ chức"


def _refused(admin, source: object, target: object) -> str:
    with pytest.raises(ValidationFailed) as err:
        units.merge_units(admin, source, target, REASON)
    return err.value.errors["target_id"]


def _tree() -> dict[str, tuple[int | None, bool]]:
    """(parent, active) of every unit, by code: what a refused merge must
    leave as it was."""
    with session_scope() as session:
        return {
            u.code: (u.parent_id, u.active) for u in session.exec(select(Unit))
        }


def _holdings() -> tuple[dict, dict]:
    """The unit of every account and of every case."""
    with session_scope() as session:
        users = dict(session.exec(select(User.id, User.unit_id)).all())
        cases = dict(session.exec(select(Case.id, Case.unit_id)).all())
    return users, cases


def test_a_commune_is_not_merged_into_a_department(people):
    admin = people["quantri"]
    before, held = _tree(), _holdings()

    says = _refused(admin, _unit_id("22015"), _unit_id("SO-TU-PHAP"))
    assert says.startswith("Không thể sáp nhập Phường Tuy Hòa vào Sở Tư pháp")
    assert "Ủy ban nhân dân phường Tuy Hòa" in says
    assert "Công an phường Tuy Hòa" in says
    assert "chỉ đặt được đơn vị loại «Phòng, ban, bộ phận trực thuộc»" in says
    # Nor into the province, whose sub-units are departments and communes.
    says = _refused(admin, _unit_id("22015"), _unit_id("66"))
    assert "«Sở, ban, ngành» hoặc «Xã, phường»" in says
    # The preview with the receiving unit refuses alike.
    with pytest.raises(ValidationFailed) as err:
        units.merge_preview(admin, _unit_id("22015"), _unit_id("SO-TU-PHAP"))
    assert "Ủy ban nhân dân phường Tuy Hòa" in err.value.errors["target_id"]

    assert _tree() == before and _holdings() == held


def test_two_communes_are_joined_body_by_body(people):
    """Each commune has its UBND and Công an: the commune itself is merged
    once its bodies have been merged into the other's."""
    admin = people["quantri"]
    source, target = _unit_id("22015"), _unit_id("22045")
    before = _tree()
    says = _refused(admin, source, target)
    assert "Phường Bình Kiến sẽ có hai đơn vị loại" in says
    assert "Hãy sáp nhập" in says
    assert _tree() == before

    # A commune's body joins a body of its own kind, never the area.
    says = _refused(admin, _unit_id("UBND-22015"), target)
    assert says.endswith(
        "UBND xã, phường chỉ sáp nhập được vào một đơn vị «UBND xã, phường» khác."
    )
    assert _tree() == before

    units.merge_units(admin, _unit_id("UBND-22015"), _unit_id("UBND-22045"), REASON)
    units.merge_units(admin, _unit_id("CA-22015"), _unit_id("CA-22045"), REASON)
    counts = units.merge_units(admin, source, target, REASON)
    assert counts["units"] == 2
    with session_scope() as session:
        under = session.exec(select(Unit).where(Unit.parent_id == target)).all()
        active = sorted(u.code for u in under if u.active)
        stopped = sorted(u.code for u in under if not u.active)
        assert not session.get(Unit, source).active
    # Still one UBND and one Công an acting for the commune.
    assert active == ["CA-22045", "UBND-22045"]
    assert stopped == ["CA-22015", "UBND-22015"]


def test_a_section_folds_into_its_body(people):
    """Kinds may differ when what moves fits: a section (with a section of
    its own) merged into the committee it belongs to."""
    admin = people["quantri"]
    committee = _unit_id("UBND-22015")
    section = units.create_unit(
        admin,
        {"name": "Bộ phận một cửa", "kind": UnitKind.DEPARTMENT,
         "parent_id": str(committee)},
    )
    inner = units.create_unit(
        admin,
        {"name": "Tổ tiếp nhận hồ sơ", "kind": UnitKind.DEPARTMENT,
         "parent_id": str(section)},
    )
    counts = units.merge_units(admin, section, committee, REASON)
    assert counts["units"] == 1
    with session_scope() as session:
        assert session.get(Unit, inner).parent_id == committee
        assert not session.get(Unit, section).active


def test_stopped_sub_units_do_not_bar_a_merge(people):
    """A sub-unit saved before CHILD_KINDS and since stopped moves with its
    parent: it acts for nothing, and would otherwise bar the merge for
    good (units cannot be deleted)."""
    admin = people["quantri"]
    source = units.create_unit(
        admin, {"name": "Tổ sắp sáp nhập", "kind": "department", "parent_id":
                str(_unit_id("SO-TU-PHAP"))}
    )
    with session_scope() as session:
        old = Unit(
            code="CU-TO-1", name="Xã cũ dưới tổ", kind=UnitKind.COMMUNE,
            parent_id=source,
        )
        session.add(old)
        session.flush()
        old_id = old.id
    target = _unit_id("SO-TU-PHAP")
    says = _refused(admin, source, target)
    assert "Xã cũ dưới tổ" in says and "«Phòng, ban, bộ phận trực thuộc»" in says
    units.set_active(admin, old_id, False)
    assert units.merge_units(admin, source, target, REASON)["units"] == 1


@pytest.mark.parametrize(
    ("source", "target"),
    [
        (None, None),
        ("22015", "abc"),
        ("22015", -1),
        ({"id": 1}, "22045"),
        ("99999999999999", "22045"),
    ],
)
def test_the_service_refuses_bad_ids(people, source, target):
    """Ids as any browser may send them: codes instead of ids, garbage."""
    before = _tree()
    with pytest.raises((NotFound, ValidationFailed)):
        units.merge_units(people["quantri"], source, target, REASON)
    with pytest.raises((NotFound, ValidationFailed)):
        units.merge_preview(people["quantri"], source, target)
    assert _tree() == before


def _run(state, handler: str, *args) -> list:
    fn = type(state).event_handlers[handler].fn
    return run_coroutine(_drive(fn(state, *args)))


def test_the_screen_refuses_at_the_field_before_the_dialog(people):
    _root, state = new_state(UnitsState, auth.login("quantri", PASSWORD).token)
    _run(state, "open")
    _run(state, "go", str(_unit_id("66")))
    commune = str(_unit_id("22015"))
    _run(state, "select", commune)
    assert state.selected["name"] == "Phường Tuy Hòa"
    _run(state, "find_target", {"q": "Sở Tư pháp"})
    department = str(_unit_id("SO-TU-PHAP"))
    assert department in [c["id"] for c in state.merge_choices]
    before = _tree()

    _run(state, "ask_merge", {"target_id": department, "reason": REASON})
    # No dialog: the reason is at «Đơn vị nhận».
    assert state.merge_target_id == ""
    assert "Ủy ban nhân dân phường Tuy Hòa" in state.errors["target_id"]

    # Bad arguments: nothing opens, nothing moves.
    for form in (None, "x", {"target_id": ["1"], "reason": REASON},
                 {"target_id": department, "reason": 5}):
        _run(state, "ask_merge", form)
        assert state.merge_target_id == ""
    # A stray confirmation (no dialog open) merges nothing either.
    _run(state, "merge")
    assert _tree() == before

    # Another commune is refused too: it would have two of each body.
    _run(state, "find_target", {"q": "Phường Bình Kiến"})
    target = str(_unit_id("22045"))
    _run(state, "ask_merge", {"target_id": target, "reason": REASON})
    assert state.merge_target_id == ""
    assert "sẽ có hai đơn vị loại" in state.errors["target_id"]


def test_a_communes_body_joins_only_a_body_of_its_kind(people):
    """User trial: a commune's UBND merged into a Sở left the commune with
    no committee and put its chairman's account under the Sở."""
    admin = people["quantri"]
    before, held = _tree(), _holdings()

    says = _refused(admin, _unit_id("UBND-22015"), _unit_id("SO-TU-PHAP"))
    assert says == (
        "Không thể sáp nhập Ủy ban nhân dân phường Tuy Hòa vào Sở Tư pháp tỉnh "
        "Đắk Lắk: "
        "UBND xã, phường chỉ sáp nhập được vào một đơn vị «UBND xã, phường» khác."
    )
    says = _refused(admin, _unit_id("CA-22015"), _unit_id("UBND-22045"))
    assert "Công an xã, phường chỉ sáp nhập được vào một đơn vị «Công an" in says
    with pytest.raises(ValidationFailed) as err:
        units.merge_preview(admin, _unit_id("UBND-22015"), _unit_id("SO-TU-PHAP"))
    assert "chỉ sáp nhập được" in err.value.errors["target_id"]

    assert _tree() == before and _holdings() == held
