"""Roles that reach every unit (Giám sát, Lãnh đạo, Quản trị hệ thống) go
only to accounts of a province-level unit: the province node or the Sở Tư
pháp (user trial: a "Giám sát" of a commune's committee read every unit's
cases). Create, edit and bulk import refuse them elsewhere at the role
field; a unit administrator grants none of them anywhere."""

import logging

import pytest
from sqlmodel import func, select

from tests.services.conftest import _unit_id, actor_for, make_user
from xlvphc.models import User
from xlvphc.services import account_import, accounts
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import PermissionDenied, ValidationFailed

WIDE = (Role.SUPERVISOR, Role.VIEWER, Role.ADMIN)
HEADER = "Tên đăng nhập,Họ và tên,Chức danh,Mã đơn vị,Vai trò,Mã chức danh ký"


def _form(username: str, unit_code: str, roles: str) -> dict:
    return {
        "username": username,
        "full_name": "Lê Thị Hoa",
        "title": "Công chức",
        "unit_id": str(_unit_id(unit_code)),
        "roles": roles,
    }


def _users() -> int:
    with session_scope() as session:
        return session.exec(select(func.count()).select_from(User)).one()


def _roles_of(username: str) -> tuple[str, int]:
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).one()
        return user.roles, user.unit_id


@pytest.mark.parametrize("role", WIDE)
@pytest.mark.parametrize(
    ("unit_code", "said"),
    [
        ("UBND-22015", "một đơn vị cấp xã (UBND xã, phường)"),
        ("CA-22015", "một đơn vị cấp xã (Công an xã, phường)"),
        ("SO-Y-TE", "một sở, ban, ngành khác, không phải Sở Tư pháp"),
    ],
)
def test_wide_role_below_the_province_is_refused_at_the_role_field(
    people, role, unit_code, said, caplog
):
    admin = people["quantri"]
    before = _users()
    caplog.set_level(logging.WARNING)
    with pytest.raises(ValidationFailed) as err:
        accounts.create_user(admin, _form("x.rong", unit_code, f"officer,{role}"))
    message = err.value.errors["roles"]
    assert set(err.value.errors) == {"roles"}
    assert f"Vai trò {Role.LABELS[role]} xem được mọi đơn vị" in message
    assert "chỉ dành cho tài khoản cấp tỉnh (đơn vị Tỉnh hoặc Sở Tư pháp)" in message
    assert said in message
    assert _users() == before
    assert f"to user={admin.user_id}" in caplog.text


def test_both_wide_roles_are_named(people):
    with pytest.raises(ValidationFailed) as err:
        accounts.create_user(
            people["quantri"], _form("x.hai", "UBND-22015", "supervisor,viewer")
        )
    assert (
        "Vai trò Giám sát (Sở Tư pháp) và Lãnh đạo (xem thống kê) xem được"
        in err.value.errors["roles"]
    )
    assert "Ủy ban nhân dân phường Tuy Hòa" in err.value.errors["roles"]


@pytest.mark.parametrize("role", WIDE)
@pytest.mark.parametrize("unit_code", ["66", "SO-TU-PHAP"])
def test_wide_roles_are_given_at_province_level(people, role, unit_code):
    issued = accounts.create_user(
        people["quantri"], _form(f"cap.tinh.{role}", unit_code, role)
    )
    assert _roles_of(issued.username) == (role, _unit_id(unit_code))


def test_edit_cannot_add_a_wide_role_or_move_one_below_the_province(people):
    admin = people["quantri"]
    with pytest.raises(ValidationFailed) as err:
        accounts.update_user(
            admin,
            people["canbo.a"].user_id,
            _form("", "UBND-22015", "officer,supervisor"),
        )
    assert "chỉ dành cho tài khoản cấp tỉnh" in err.value.errors["roles"]
    assert _roles_of("canbo.a") == ("officer", _unit_id("UBND-22015"))

    # The supervisor moved to a commune, keeping the role: refused too.
    with pytest.raises(ValidationFailed) as err:
        accounts.update_user(
            admin, people["giamsat"].user_id, _form("", "UBND-22045", "supervisor")
        )
    assert "Ủy ban nhân dân phường" in err.value.errors["roles"]
    assert _roles_of("giamsat") == ("supervisor", _unit_id("SO-TU-PHAP"))

    # Moved with a role of that unit instead: allowed.
    accounts.update_user(
        admin, people["giamsat"].user_id, _form("", "UBND-22045", "officer")
    )
    assert _roles_of("giamsat") == ("officer", _unit_id("UBND-22045"))


def test_bulk_import_refuses_the_whole_list(people):
    lines = [
        HEADER,
        "an.xl,Nguyễn Văn An,Công chức,UBND-22015,officer,",
        "gs.xa,Trần Thị Bình,Công chức,UBND-22015,Giám sát (Sở Tư pháp),",
        "ld.so,Lê Văn Cường,Giám đốc,SO-Y-TE,viewer,",
    ]
    data = ("\ufeff" + "".join(f"{line}\n" for line in lines)).encode()
    before = _users()
    with pytest.raises(ValidationFailed) as err:
        account_import.bulk_create(people["quantri"], "ds.csv", data)
    text = err.value.errors["file"]
    assert "Dòng 3: Vai trò Giám sát (Sở Tư pháp) xem được mọi đơn vị" in text
    assert "Dòng 4: Vai trò Lãnh đạo (xem thống kê) xem được mọi đơn vị" in text
    assert "Dòng 2" not in text
    assert _users() == before


def test_unit_admin_grants_no_wide_role_even_at_province_level(people):
    """A unit administrator of the Sở Tư pháp itself (a province-level unit)
    still cannot make a supervisor, nor touch one."""
    make_user("qtdv.stp", "SO-TU-PHAP", Role.UNIT_ADMIN)
    qtdv = actor_for("qtdv.stp")
    offered = {r["id"] for r in accounts.role_choices(qtdv)}
    assert not offered & set(WIDE)
    for role in WIDE:
        with pytest.raises(ValidationFailed) as err:
            accounts.create_user(qtdv, _form(f"x.{role}", "SO-TU-PHAP", role))
        assert err.value.errors["roles"] == "Bạn không được cấp vai trò này."
    with pytest.raises(ValidationFailed):
        accounts.update_user(
            qtdv,
            qtdv.user_id,
            _form("", "SO-TU-PHAP", "unit_admin,supervisor"),
        )
    with pytest.raises(PermissionDenied):
        accounts.update_user(
            qtdv, people["giamsat"].user_id, _form("", "SO-TU-PHAP", "officer")
        )
    assert _roles_of("qtdv.stp") == ("unit_admin", _unit_id("SO-TU-PHAP"))


def test_a_stale_wide_role_is_flagged_and_must_be_fixed_at_the_next_edit(people):
    """Written before the check: the list and the edit panel warn, and an edit
    that keeps the combination is refused until role or unit is fixed."""
    uid = make_user("giamsat.xa", "UBND-22015", Role.SUPERVISOR)
    admin = people["quantri"]
    row = next(
        r for r in accounts.list_users(admin, "giamsat")["rows"] if r["id"] == uid
    )
    assert "chỉ xem được đơn vị mình" in row["role_note"]
    assert "chỉ xem được đơn vị mình" in accounts.get_user(admin, uid)["role_note"]
    fine = next(
        r for r in accounts.list_users(admin, "giamsat")["rows"]
        if r["username"] == "giamsat"
    )
    assert fine["role_note"] == ""

    form = {**_form("", "UBND-22015", "supervisor"), "full_name": "Tên Mới Sửa"}
    with pytest.raises(ValidationFailed) as err:
        accounts.update_user(admin, uid, form)
    assert "chỉ dành cho tài khoản cấp tỉnh" in err.value.errors["roles"]
    accounts.update_user(admin, uid, {**form, "roles": "officer"})
    assert _roles_of("giamsat.xa") == ("officer", _unit_id("UBND-22015"))
    assert accounts.get_user(admin, uid)["role_note"] == ""
