"""Trial finding: the merge dialog counted what the unit's row counts (cases
in use, active accounts) while the merge moves binned cases and locked
accounts too. The dialog's counts (services.units.merge_preview) are those
merge_units then moves, with the parts the row leaves out named."""

import pytest
from sqlmodel import select

from tests.services.conftest import _unit_id, case_form, make_user
from tests.services.test_units_merge_confirm import REASON, _run, _screen
from xlvphc.models import Case, Unit, User
from xlvphc.models.units import UnitKind
from xlvphc.services import cases, recycle_bin, units
from xlvphc.services.db import session_scope
from xlvphc.services.errors import NotFound, PermissionDenied


def _locked(username: str) -> None:
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).one()
        user.active = False
        session.add(user)


def _source_with_hidden_parts(people) -> tuple[int, int]:
    """Unit A with 3 cases (1 binned), 3 accounts (1 locked) and 2 sub-units
    (1 stopped); its row shows 2 cases and 2 accounts."""
    admin, officer = people["quantri"], people["canbo.a"]
    source, target = _unit_id("UBND-22015"), _unit_id("UBND-22045")
    kept = [cases.create_case(officer, case_form()) for _ in range(2)]
    binned = cases.create_case(officer, case_form(name="Lê Văn Cường"))
    recycle_bin.delete_case(officer, binned, "Nhập nhầm hồ sơ")
    make_user("canbo.a2", "UBND-22015", "officer")
    make_user("canbo.nghi", "UBND-22015", "officer")
    _locked("canbo.nghi")
    for name in ("Tổ một cửa", "Tổ tiếp dân"):
        units.create_unit(
            admin,
            {"name": name, "kind": UnitKind.DEPARTMENT, "parent_id": str(source)},
        )
    stopped = next(
        r["id"] for r in units.browse(admin, source)["rows"] if r["name"] == "Tổ tiếp dân"
    )
    units.set_active(admin, stopped, False)
    assert len(kept) == 2
    return source, target


def test_preview_names_binned_cases_and_locked_accounts(people):
    admin = people["quantri"]
    source, target = _source_with_hidden_parts(people)
    row = next(
        r
        for r in units.browse(admin, _unit_id("22015"))["rows"]
        if r["id"] == str(source)
    )
    assert (row["cases"], row["users"], row["children"]) == (2, 2, 2)

    preview = units.merge_preview(admin, source)
    assert preview == {
        "cases": "3 hồ sơ (1 trong thùng rác)",
        "users": "3 tài khoản (1 đã khóa)",
        "units": "2 đơn vị trực thuộc (1 đã ngừng hoạt động)",
    }

    # What the merge then moves is what the dialog said, binned case and
    # locked account included; the binned case stays restorable there.
    moved = units.merge_units(admin, source, target, REASON)
    assert (moved["cases"], moved["users"], moved["units"]) == (3, 3, 2)
    with session_scope() as session:
        binned = session.exec(
            select(Case).where(Case.deleted_at.is_not(None))
        ).one()
        locked = session.exec(
            select(User).where(User.username == "canbo.nghi")
        ).one()
    assert binned.unit_id == target and locked.unit_id == target
    assert units.merge_preview(admin, source) == {
        "cases": "0 hồ sơ",
        "users": "0 tài khoản",
        "units": "0 đơn vị trực thuộc",
    }


def test_preview_is_for_those_who_keep_the_tree(people):
    source = _unit_id("UBND-22015")
    for who in ("canbo.a", "giamsat"):
        with pytest.raises(PermissionDenied):
            units.merge_preview(people[who], source)
    for bad in (None, "", "abc", -1, 2**63, {"id": source}, 99_999_999):
        with pytest.raises(NotFound):
            units.merge_preview(people["quantri"], bad)


def test_the_dialog_shows_what_the_merge_moves(people):
    source, target = _source_with_hidden_parts(people)
    state = _screen()
    _run(state, "go", str(_unit_id("22015")))
    _run(state, "select", str(source))
    _run(state, "find_target", {"q": "Bình Kiến"})
    assert str(target) in [c["id"] for c in state.merge_choices]
    _run(state, "ask_merge", {"target_id": str(target), "reason": REASON})
    assert state.merge_target_id == str(target)
    assert (state.moving_cases, state.moving_users) == (
        "3 hồ sơ (1 trong thùng rác)",
        "3 tài khoản (1 đã khóa)",
    )
    results = _run(state, "merge")
    assert "chuyển 3 hồ sơ, 3 tài khoản, 2 đơn vị trực thuộc" in repr(results)


def _code(unit_id: int) -> str:
    with session_scope() as session:
        return session.get(Unit, unit_id).code


def test_a_sub_unit_without_code_gets_its_parents_and_a_number(people):
    """Trial finding: the code made for a unit created without one was a
    long slug of its name. Now: the parent's code and the next number,
    unique, within the column's 40 characters, a code the form accepts."""
    admin = people["quantri"]
    parent = _unit_id("UBND-22015")

    def create(name: str, code: str = "", under: int = parent) -> int:
        return units.create_unit(
            admin,
            {"name": name, "kind": UnitKind.DEPARTMENT, "parent_id": str(under),
             "code": code},
        )

    first = create("Bộ phận tiếp nhận và trả kết quả thủ tục hành chính")
    second = create("Tổ kiểm tra liên ngành về trật tự đô thị")
    assert (_code(first), _code(second)) == ("UBND-22015-1", "UBND-22015-2")
    # A number taken by hand is skipped, never reused.
    create("Tổ công tác số ba", code="UBND-22015-3")
    assert _code(create("Tổ công tác số bốn")) == "UBND-22015-4"

    # Under a parent whose code fills the column, the parent's part is cut.
    long_parent = create("Ban quản lý dự án", code="A" * 39 + "Z")
    child = _code(create("Tổ giám sát", under=long_parent))
    grandchild = _code(create("Tổ giám sát hai", under=long_parent))
    assert child == "A" * 34 + "-1" and grandchild == "A" * 34 + "-2"
    for code in (child, grandchild, _code(first)):
        assert len(code) <= 40 and units.CODE_RE.match(code)
