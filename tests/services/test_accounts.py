"""Accounts: scope of unit administrators, roles, revocation on change,
search and filters (issue 5 "Accounts"; security.md A7, A9, A10, C2, D4)."""

import logging

import pytest
from sqlmodel import select

from tests.services.conftest import PASSWORD, _unit_id, actor_for, make_user
from xlvphc.models import AuditEvent, Unit, User
from xlvphc.services import accounts, auth, units
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import (
    NotAuthenticated,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)


@pytest.fixture
def tree(people):
    """A unit admin of UBND-22015, a sub-unit of it, and an officer there."""
    admin = people["quantri"]
    sub_id = units.create_unit(
        admin,
        {
            "name": "Bộ phận một cửa phường Tuy Hòa",
            "kind": "department",
            "parent_id": str(_unit_id("UBND-22015")),
        },
    )
    make_user("qtdv.a", "UBND-22015", Role.UNIT_ADMIN)
    with session_scope() as session:
        sub_code = session.get(Unit, sub_id).code
    make_user("motcua.a", sub_code, Role.OFFICER)
    return {**people, "qtdv.a": actor_for("qtdv.a"), "sub_id": sub_id}


def _uid(username: str) -> int:
    with session_scope() as session:
        return session.exec(select(User.id).where(User.username == username)).one()


def _form(username: str, unit_id: int, roles: str = "officer", **extra) -> dict:
    return {
        "username": username,
        "full_name": "Lê Thị Hoa",
        "title": "Công chức",
        "unit_id": str(unit_id),
        "roles": roles,
        **extra,
    }


def test_unit_admin_manages_own_unit_and_sub_units(tree):
    qtdv = tree["qtdv.a"]
    listed = {r["username"] for r in accounts.list_users(qtdv)["rows"]}
    assert {"canbo.a", "qtdv.a", "motcua.a"} <= listed
    assert "canbo.b" not in listed and "giamsat" not in listed

    issued = accounts.create_user(qtdv, _form("moi.motcua", tree["sub_id"]))
    assert issued.unit_name == "Bộ phận một cửa phường Tuy Hòa"
    accounts.reset_password(qtdv, _uid("motcua.a"))
    units_offered = {u["id"] for u in accounts.unit_choices(qtdv)}
    assert units_offered == {str(_unit_id("UBND-22015")), str(tree["sub_id"])}


@pytest.mark.parametrize("target", ["canbo.b", "giamsat", "quantri"])
def test_unit_admin_cannot_touch_accounts_outside_scope(tree, target, caplog):
    qtdv, uid = tree["qtdv.a"], _uid(target)
    caplog.set_level(logging.WARNING)
    for call in (
        lambda: accounts.reset_password(qtdv, uid),
        lambda: accounts.set_active(qtdv, uid, False),
        lambda: accounts.unlock(qtdv, uid),
        lambda: accounts.get_user(qtdv, uid),
        lambda: accounts.update_user(qtdv, uid, _form("x", qtdv.unit_id)),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert f"user={qtdv.user_id}" in caplog.text
    # Nothing changed: the account still logs in with its password.
    assert auth.login(target, PASSWORD).token


def test_unit_admin_cannot_place_users_elsewhere_or_grant_wide_roles(tree):
    qtdv = tree["qtdv.a"]
    with pytest.raises(ValidationFailed) as err:
        accounts.create_user(qtdv, _form("x.khac", _unit_id("UBND-22045")))
    assert "unit_id" in err.value.errors
    for role in (Role.ADMIN, Role.SUPERVISOR, Role.VIEWER):
        with pytest.raises(ValidationFailed) as err:
            accounts.create_user(qtdv, _form("x.cao", qtdv.unit_id, f"officer,{role}"))
        assert "roles" in err.value.errors
    with pytest.raises(ValidationFailed):
        accounts.update_user(
            qtdv, _uid("canbo.a"), _form("", qtdv.unit_id, "officer,supervisor")
        )


def test_nobody_changes_their_own_roles(tree):
    qtdv = tree["qtdv.a"]
    with pytest.raises(ValidationFailed):
        accounts.update_user(qtdv, qtdv.user_id, _form("", qtdv.unit_id, "officer"))
    with pytest.raises(ServiceError, match="tự khóa tài khoản"):
        accounts.set_active(tree["quantri"], tree["quantri"].user_id, False)
    rows = accounts.list_users(tree["quantri"])["rows"]
    assert [r["username"] for r in rows if r["is_self"]] == ["quantri"]


@pytest.mark.parametrize("who", ["canbo.a", "giamsat"])
def test_roles_without_the_right_are_refused(people, who):
    actor = people[who]
    for call in (
        lambda: accounts.list_users(actor),
        lambda: accounts.create_user(actor, _form("x.y", actor.unit_id)),
        lambda: accounts.reset_password(actor, _uid("canbo.b")),
        lambda: accounts.set_active(actor, _uid("canbo.b"), False),
        lambda: accounts.unit_choices(actor),
    ):
        with pytest.raises(PermissionDenied):
            call()


@pytest.mark.parametrize(
    "bad", [None, -1, 0, "1; DROP", 2**63, [1], {"id": 1}, "9" * 40, 1.5, True]
)
def test_malformed_ids_are_refused(people, bad):
    with pytest.raises(PermissionDenied):
        accounts.reset_password(people["quantri"], bad)
    with pytest.raises(PermissionDenied):
        accounts.get_user(people["quantri"], bad)


@pytest.mark.parametrize(
    "data",
    [
        None,
        "x",
        [],
        {"full_name": "x" * 100_000},
        {"unit_id": "-5", "roles": ["officer"] * 50},
    ],
)
def test_malformed_forms_get_field_errors(people, data):
    with pytest.raises(ValidationFailed):
        accounts.create_user(people["quantri"], data)


def test_role_or_unit_change_and_disable_end_sessions_at_once(tree):
    admin = tree["quantri"]
    uid = _uid("canbo.a")
    token = auth.login("canbo.a", PASSWORD).token
    # A change of title only keeps the session.
    accounts.update_user(
        admin, uid, _form("", _unit_id("UBND-22015"), title="Phó Chủ tịch")
    )
    assert auth.resolve(token).title == "Phó Chủ tịch"

    accounts.update_user(
        admin, uid, _form("", _unit_id("UBND-22015"), "officer,unit_admin")
    )
    with pytest.raises(NotAuthenticated):
        auth.resolve(token)
    token = auth.login("canbo.a", PASSWORD).token
    assert Role.UNIT_ADMIN in auth.resolve(token).roles

    accounts.update_user(admin, uid, _form("", tree["sub_id"], "officer"))
    with pytest.raises(NotAuthenticated):
        auth.resolve(token)
    token = auth.login("canbo.a", PASSWORD).token

    accounts.set_active(admin, uid, False)
    with pytest.raises(NotAuthenticated):
        auth.resolve(token)
    with pytest.raises(ServiceError):
        auth.login("canbo.a", PASSWORD)
    accounts.set_active(admin, uid, True)
    assert auth.login("canbo.a", PASSWORD).token

    with session_scope() as session:
        actions = session.exec(
            select(AuditEvent.action).where(
                AuditEvent.entity == "user", AuditEvent.entity_id == uid
            )
        ).all()
    assert {"account.updated", "account.disabled", "account.enabled"} <= set(actions)


def test_authority_needs_a_signer_title_from_the_decree_table(people):
    admin = people["quantri"]
    unit = _unit_id("UBND-22015")
    with pytest.raises(ValidationFailed) as err:
        accounts.create_user(admin, _form("ct.xa", unit, "officer,authority"))
    assert "signer_title" in err.value.errors
    with pytest.raises(ValidationFailed):
        accounts.create_user(
            admin, _form("ct.xa", unit, "authority", signer_title="vua")
        )
    issued = accounts.create_user(
        admin,
        _form("ct.xa", unit, "officer,authority", signer_title="chu_tich_ubnd_xa"),
    )
    row = accounts.get_user(admin, issued.user_id)
    assert row["signer_label"].startswith("Chủ tịch Ủy ban nhân dân xã")
    assert row["role_codes"] == ["officer", "authority"]
    # Dropping the authority role drops the title with it.
    accounts.update_user(
        admin, issued.user_id, _form("", unit, "officer", signer_title="giam_doc_so")
    )
    assert accounts.get_user(admin, issued.user_id)["signer_title"] == ""


def test_roles_arrive_as_checkboxes_and_mass_assignment_is_ignored(people):
    admin = people["quantri"]
    form = _form(
        "hop.kiem",
        _unit_id("UBND-22015"),
        password_hash="x",
        must_change_password=False,
        active=False,
        id="1",
    )
    del form["roles"]
    form.update(role_officer="on", role_unit_admin="on")
    issued = accounts.create_user(admin, form)
    with session_scope() as session:
        user = session.get(User, issued.user_id)
    assert user.roles == "unit_admin,officer"
    assert user.must_change_password and user.active
    assert user.password_hash.startswith("$2b$") and user.id != 1


def test_list_filters_by_unit_role_status_and_text(people):
    admin = people["quantri"]
    make_user("qt.donvi", "UBND-22045", Role.UNIT_ADMIN)

    def names(**filters):
        return {r["username"] for r in accounts.list_users(admin, filters)["rows"]}

    assert names(unit_id=str(_unit_id("UBND-22045"))) == {"canbo.b", "qt.donvi"}
    assert names(role="admin") == {"quantri"}  # not the unit_admin
    assert names(role="unit_admin") == {"qt.donvi"}
    assert names(q="canbo") == {"canbo.a", "canbo.b"}
    assert names(q="%") == set()  # a literal, not a wildcard
    accounts.set_active(admin, _uid("canbo.b"), False)
    assert names(status="disabled") == {"canbo.b"}
    rows = accounts.list_users(admin)["rows"]
    assert all("password_hash" not in r for r in rows)


def test_unlock_ends_a_lockout(people):
    for _ in range(5):
        with pytest.raises(ServiceError):
            auth.login("canbo.a", "sai-mat-khau-1")
    with pytest.raises(ServiceError):
        auth.login("canbo.a", PASSWORD)
    accounts.unlock(people["quantri"], _uid("canbo.a"))
    assert auth.login("canbo.a", PASSWORD).token


def test_bootstrap_is_not_fooled_by_a_unit_admin(ref):
    make_user("qt.donvi", "UBND-22045", Role.UNIT_ADMIN)
    with session_scope() as session:
        assert accounts.bootstrap_admin(session, "quantri", "SO-TU-PHAP")
