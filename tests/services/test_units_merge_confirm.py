"""Trial finding: «Sáp nhập» merged two units on one click, and a merge
cannot be undone; the province's row offered «Ngừng hoạt động» and
«Sáp nhập», which can only fail. Checked here through the units screen's
handlers (state/units.py): «Sáp nhập» first opens a confirmation naming
both units and what moves, nothing is merged until it is confirmed, a
dismissed dialog merges nothing, and the province's row is marked as the
root (pages/units.py then offers neither action on it)."""

from sqlmodel import select

from tests.security.conftest import _drive, new_state, run_coroutine
from tests.services.conftest import PASSWORD, _unit_id, make_user
from xlvphc.models import Unit, User
from xlvphc.services import auth, units
from xlvphc.services.db import session_scope
from xlvphc.state.units import UnitsState

PROVINCE = "66"
REASON = "Nghị quyết số 12/NQ-HĐND về sắp xếp tổ chức"


def _run(state, handler: str, *args) -> list:
    fn = type(state).event_handlers[handler].fn
    return run_coroutine(_drive(fn(state, *args)))


def _screen():
    _root, state = new_state(UnitsState, auth.login("quantri", PASSWORD).token)
    _run(state, "open")
    return state


def _unit(unit_id: int) -> tuple[bool, int]:
    """(active, how many accounts) of a unit."""
    with session_scope() as session:
        unit = session.get(Unit, unit_id)
        users = session.exec(select(User.id).where(User.unit_id == unit_id)).all()
        return unit.active, len(users)


def _two_units(admin) -> tuple[int, int]:
    source = units.create_unit(
        admin,
        {"name": "Tổ sắp sáp nhập", "kind": "department", "parent_id": _province_id()},
    )
    target = units.create_unit(
        admin,
        {"name": "Tổ nhận sáp nhập", "kind": "department", "parent_id": _province_id()},
    )
    with session_scope() as session:
        code = session.get(Unit, source).code
    make_user("canbo.tosap", code, "officer")
    return source, target


def _province_id() -> str:
    return str(_unit_id(PROVINCE))


def test_merge_asks_first_and_runs_only_when_confirmed(people):
    source, target = _two_units(people["quantri"])
    state = _screen()
    _run(state, "go", _province_id())
    _run(state, "select", str(source))
    assert state.selected["name"] == "Tổ sắp sáp nhập"
    assert state.selected["root"] == ""
    assert state.selected["users"] == "1"
    _run(state, "find_target", {"q": "Tổ nhận"})
    assert [c["id"] for c in state.merge_choices] == [str(target)]

    form = {"target_id": str(target), "reason": REASON}
    _run(state, "ask_merge", form)
    # The dialog is open, naming the receiving unit; nothing has moved.
    assert state.merge_target_id == str(target)
    assert state.merge_target_name.startswith("Tổ nhận sáp nhập")
    assert state.errors == {}
    assert _unit(source) == (True, 1) and _unit(target) == (True, 0)

    # Dismissed (Escape, «Không sáp nhập»): still nothing moves.
    _run(state, "merge_dialog", False)
    assert state.merge_target_id == ""
    assert _unit(source) == (True, 1)
    # A stray confirmation with no dialog open does nothing either.
    _run(state, "merge")
    assert _unit(source) == (True, 1)

    _run(state, "ask_merge", form)
    results = _run(state, "merge")
    assert state.merge_target_id == ""
    assert _unit(source) == (False, 0) and _unit(target) == (True, 1)
    assert "Đã sáp nhập" in repr(results) and "1 tài khoản" in repr(results)


def test_merge_without_target_or_reason_opens_no_dialog(people):
    source, target = _two_units(people["quantri"])
    state = _screen()
    _run(state, "go", _province_id())
    _run(state, "select", str(source))
    _run(state, "find_target", {"q": "Tổ nhận"})

    _run(state, "ask_merge", {"target_id": "", "reason": REASON})
    assert state.merge_target_id == ""
    assert state.errors == {"target_id": "Vui lòng chọn đơn vị nhận."}

    # A unit not among those found here (crafted) is not taken either.
    _run(
        state, "ask_merge", {"target_id": str(_unit_id("UBND-22015")), "reason": REASON}
    )
    assert state.merge_target_id == ""
    assert "target_id" in state.errors

    _run(state, "ask_merge", {"target_id": str(target), "reason": " "})
    assert state.merge_target_id == ""
    assert state.errors == {"reason": "Vui lòng ghi căn cứ sáp nhập."}
    assert _unit(source) == (True, 1)


def test_the_province_row_is_the_root_and_its_units_are_not(people):
    state = _screen()
    province = next(r for r in state.rows if r["id"] == _province_id())
    assert province["name"] == "Tỉnh Đắk Lắk"
    assert province["root"] is True
    _run(state, "select", _province_id())
    assert state.selected["root"] == "1"
    # The service refuses both, which is why the row offers neither.
    _run(state, "ask_deactivate", _province_id())
    _run(state, "deactivate")
    assert state.message == "Không thể ngừng đơn vị gốc."

    _run(state, "go", _province_id())
    assert state.rows and not any(r["root"] for r in state.rows)
