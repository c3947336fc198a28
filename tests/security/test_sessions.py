"""Lockout, timeouts, forced change and revocation as the browser meets them:
through the State handlers (security.md A10, C1, C5, D1, D2, D4). The same
rules at the service level are in tests/services/test_auth.py."""

from datetime import timedelta

import pytest
from sqlmodel import select

from tests.security.conftest import call, secret_in
from tests.services.conftest import PASSWORD, make_user
from xlvphc.models import AuditEvent, User, UserSession
from xlvphc.models.base import utcnow
from xlvphc.services import accounts, auth
from xlvphc.services.auth import LOGIN_FAILED
from xlvphc.services.db import session_scope
from xlvphc.state.accounts import AccountsState
from xlvphc.state.audit import AuditState
from xlvphc.state.login import LoginState, PasswordState
from xlvphc.state.session import SessionState
from xlvphc.state.units import UnitsState

PROTECTED = [
    (AccountsState, "open"),
    (AuditState, "open"),
    (UnitsState, "open"),
    (SessionState, "require_login"),
]


def _cleared(state) -> bool:
    session = state if isinstance(state, SessionState) else state.parent_state
    return (
        session.user_name, session.user_login, session.permissions
    ) == ("", "", [])


def _uid(username: str) -> int:
    with session_scope() as session:
        return session.exec(select(User.id).where(User.username == username)).one()


@pytest.mark.parametrize(("cls", "handler"), PROTECTED)
def test_disabled_account_is_thrown_out_on_its_next_click(people, cls, handler):
    token = auth.login("quantri", PASSWORD).token
    state, _ = call(cls, handler, token)
    session = state if cls is SessionState else state.parent_state
    assert session.user_name == "Cán bộ quantri"
    # The login name keys the tab's drafts (components/form_guard.py).
    assert session.user_login == "quantri"
    make_user("quantri2", "SO-TU-PHAP", "admin")
    accounts.set_active(
        auth.resolve(auth.login("quantri2", PASSWORD).token), _uid("quantri"), False
    )
    state, results = call(cls, handler, token)
    assert "/dang-nhap" in repr(results)
    assert _cleared(state)
    assert not getattr(state, "rows", [])


@pytest.mark.parametrize(("cls", "handler"), PROTECTED)
def test_idle_and_old_sessions_end_with_a_redirect(people, cls, handler):
    for column, age in (
        ("last_seen_at", timedelta(minutes=16)),
        ("created_at", timedelta(hours=8, minutes=1)),
    ):
        token = auth.login("quantri", PASSWORD).token
        with session_scope() as session:
            for row in session.exec(select(UserSession)).all():
                setattr(row, column, utcnow() - age)
                session.add(row)
        state, results = call(cls, handler, token)
        assert "/dang-nhap" in repr(results) and _cleared(state)
    with session_scope() as session:
        reasons = session.exec(
            select(AuditEvent.reason).where(AuditEvent.action == "session.expired")
        ).all()
    assert {"idle", "absolute lifetime"} <= set(reasons)


def test_issued_password_allows_only_the_change(people):
    admin = people["quantri"]
    with session_scope() as session:
        unit_id = session.get(User, admin.user_id).unit_id
    issued = accounts.create_user(
        admin,
        {
            "username": "moi.den",
            "full_name": "Người Mới",
            "unit_id": str(unit_id),
            "roles": "admin",
        },
    )
    _, results = call(
        LoginState, "login", "", {"username": "moi.den", "password": issued.password}
    )
    token = secret_in(results)
    assert "/doi-mat-khau" in repr(results)
    for cls, handler in PROTECTED:
        state, results = call(cls, handler, token)
        assert "/doi-mat-khau" in repr(results)
        assert not getattr(state, "rows", [])
    new = "Chiều Buôn Ma Thuột nắng vàng"
    _, results = call(
        PasswordState,
        "change",
        token,
        {"current": issued.password, "new": new, "confirm": new},
    )
    assert "Đã đổi mật khẩu" in repr(results)
    state, _ = call(AccountsState, "open", secret_in(results))
    assert state.rows and state.parent_state.user_name == "Người Mới"
    # The issued password's session is over.
    _, results = call(AccountsState, "open", token)
    assert "/dang-nhap" in repr(results)


def test_lockout_through_the_login_handler_and_unlock_by_the_admin(people):
    for _ in range(5):
        state, _ = call(
            LoginState,
            "login",
            "",
            {"username": "canbo.a", "password": "sai mật khẩu 1"},
        )
        assert state.message == LOGIN_FAILED
    state, results = call(
        LoginState, "login", "", {"username": "canbo.a", "password": PASSWORD}
    )
    assert state.message == LOGIN_FAILED and not secret_in(results)
    # Same message for an unknown user and for a malformed form.
    for form in ({"username": "khong.co", "password": PASSWORD}, ["x"], None):
        state, _ = call(LoginState, "login", "", form)
        assert state.message == LOGIN_FAILED

    admin_token = auth.login("quantri", PASSWORD).token
    call(AccountsState, "unlock", admin_token, _uid("canbo.a"))
    state, results = call(
        LoginState, "login", "", {"username": "canbo.a", "password": PASSWORD}
    )
    assert secret_in(results) and "/" in repr(results)


def test_logout_ends_the_session_on_the_server(people):
    token = auth.login("quantri", PASSWORD).token
    state, results = call(SessionState, "logout", token)
    assert "/dang-nhap" in repr(results) and _cleared(state)
    _, results = call(AccountsState, "open", token)  # the old cookie replayed
    assert "/dang-nhap" in repr(results)
