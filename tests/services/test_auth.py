"""Login, forced password change, lockout, sessions (security.md C, D)."""

from datetime import timedelta

import pytest
from sqlmodel import select

from tests.services.conftest import PASSWORD, make_user
from xlvphc.models import AuditEvent, User, UserSession
from xlvphc.models.base import utcnow
from xlvphc.services import accounts, auth
from xlvphc.services.access import Role
from xlvphc.services.auth import LOGIN_FAILED
from xlvphc.services.db import session_scope
from xlvphc.services.errors import (
    NotAuthenticated,
    PasswordChangeRequired,
    ServiceError,
    ValidationFailed,
)
from xlvphc.services.passwords import hash_password

NEW_PASSWORD = "Buổi sáng ở Buôn Đôn 7 giờ"


def _issue(people, username="moi.vao", unit="UBND-22015"):
    with session_scope() as session:
        from xlvphc.models import Unit

        unit_id = session.exec(select(Unit.id).where(Unit.code == unit)).one()
    return accounts.create_user(people["quantri"], {
        "username": username, "full_name": "Hoàng Thị Mai", "title": "Công chức",
        "unit_id": str(unit_id), "role": Role.OFFICER,
    })


def test_issued_password_allows_only_the_change(people):
    issued = _issue(people)
    result = auth.login("moi.vao", issued.password)
    assert result.must_change_password

    with pytest.raises(PasswordChangeRequired):
        auth.resolve(result.token)
    token = auth.change_password(result.token, issued.password, NEW_PASSWORD,
                                 NEW_PASSWORD)
    actor = auth.resolve(token)
    assert actor.username == "moi.vao"

    # The change ended the first session, and the issued password is dead.
    with pytest.raises(NotAuthenticated):
        auth.resolve(result.token)
    with pytest.raises(ServiceError):
        auth.login("moi.vao", issued.password)


@pytest.mark.parametrize(
    ("new", "says"),
    [
        ("ngắn quá", "ít nhất 12"),
        ("x" * 11 + "y", "quá phổ biến"),
        ("moi.vao-dai-hon-muoi-hai", "tên đăng nhập"),
        ("a1b2c3d4e5f6" * 6, "dài quá 64"),
        ("Sotuphap@buon", "tên tỉnh, tên cơ quan"),
        ("123456789012", "quá phổ biến"),
    ],
)
def test_weak_or_invalid_new_passwords_are_refused(people, new, says):
    issued = _issue(people)
    token = auth.login("moi.vao", issued.password).token
    with pytest.raises(ValidationFailed) as err:
        auth.change_password(token, issued.password, new, new)
    assert says in err.value.errors["new"]


def test_password_over_72_bytes_gets_a_message_not_a_crash(people):
    issued = _issue(people)
    token = auth.login("moi.vao", issued.password).token
    long_vietnamese = "Đường đời ướt át những ngày mưa ở Buôn Hồ, Krông Búk"
    assert len(long_vietnamese) <= 64 < 72 < len(long_vietnamese.encode())
    with pytest.raises(ValidationFailed) as err:
        auth.change_password(token, issued.password, long_vietnamese, long_vietnamese)
    assert "72 byte" in err.value.errors["new"]
    # Logging in with such a password does not crash either.
    with pytest.raises(ServiceError):
        auth.login("moi.vao", long_vietnamese)


def test_new_password_must_differ_and_match(people):
    issued = _issue(people)
    token = auth.login("moi.vao", issued.password).token
    with pytest.raises(ValidationFailed) as err:
        auth.change_password(token, "sai mật khẩu", NEW_PASSWORD, NEW_PASSWORD + "x")
    assert set(err.value.errors) == {"current"}
    with pytest.raises(ValidationFailed) as err:
        auth.change_password(token, issued.password, NEW_PASSWORD, NEW_PASSWORD + "x")
    assert set(err.value.errors) == {"confirm"}


def test_unknown_user_and_wrong_password_get_the_same_message(people):
    messages = []
    for username, password in [("khongco", PASSWORD), ("canbo.a", "sai-mat-khau-1")]:
        with pytest.raises(ServiceError) as err:
            auth.login(username, password)
        messages.append(err.value.message)
    assert messages == [LOGIN_FAILED, LOGIN_FAILED]


def test_five_failures_lock_the_account_even_for_the_right_password(people):
    for _ in range(5):
        with pytest.raises(ServiceError):
            auth.login("canbo.a", "sai-mat-khau-1")
    with pytest.raises(ServiceError) as err:
        auth.login("canbo.a", PASSWORD)
    assert err.value.message == LOGIN_FAILED
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == "canbo.a")).one()
        actions = session.exec(select(AuditEvent.action).where(
            AuditEvent.actor_id == user.id)).all()
    assert user.locked_until is not None
    assert "account.locked" in actions

    # An administrator's reset unlocks it with a new one-time password.
    issued = accounts.reset_password(people["quantri"], user.id)
    assert auth.login("canbo.a", issued.password).must_change_password


def test_issued_password_expires_after_72_hours(people):
    issued = _issue(people)
    with session_scope() as session:
        user = session.get(User, issued.user_id)
        user.password_issued_at = utcnow() - timedelta(hours=73)
        session.add(user)
    with pytest.raises(ServiceError):
        auth.login("moi.vao", issued.password)


def test_idle_session_expires(people):
    token = auth.login("canbo.a", PASSWORD).token
    with session_scope() as session:
        for row in session.exec(select(UserSession)).all():
            row.last_seen_at = utcnow() - timedelta(minutes=16)
            session.add(row)
    with pytest.raises(NotAuthenticated):
        auth.resolve(token)


def test_absolute_lifetime_ends_a_busy_session(people):
    token = auth.login("canbo.a", PASSWORD).token
    with session_scope() as session:
        for row in session.exec(select(UserSession)).all():
            row.created_at = utcnow() - timedelta(hours=8, minutes=1)
            session.add(row)
    with pytest.raises(NotAuthenticated):
        auth.resolve(token)


def test_logout_and_reset_end_sessions_at_once(people):
    token = auth.login("canbo.a", PASSWORD).token
    other = auth.login("canbo.a", PASSWORD).token
    assert token != other
    auth.logout(token)
    with pytest.raises(NotAuthenticated):
        auth.resolve(token)
    assert auth.resolve(other).username == "canbo.a"

    user_id = auth.resolve(other).user_id
    accounts.reset_password(people["quantri"], user_id)
    with pytest.raises(NotAuthenticated):
        auth.resolve(other)


def test_disabled_user_is_refused_on_next_call(people):
    token = auth.login("canbo.b", PASSWORD).token
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == "canbo.b")).one()
        user.active = False
        session.add(user)
    with pytest.raises(NotAuthenticated):
        auth.resolve(token)
    with pytest.raises(ServiceError):
        auth.login("canbo.b", PASSWORD)


@pytest.mark.parametrize("token", [None, "", 12, ["x"], {"a": 1}, "x" * 5000,
                                   "giả-mạo-" * 5])
def test_malformed_tokens_are_not_authenticated(people, token):
    with pytest.raises(NotAuthenticated):
        auth.resolve(token)


def test_only_hashes_of_session_secrets_are_stored(people):
    token = auth.login("canbo.a", PASSWORD).token
    with session_scope() as session:
        stored = session.exec(select(UserSession.token_hash)).all()
        hashes = session.exec(select(User.password_hash)).all()
    assert token not in stored
    assert all(h.startswith("$2b$") for h in hashes)


def test_bootstrap_admin_must_change_password(ref):
    with session_scope() as session:
        password = accounts.bootstrap_admin(session, "quantri", "SO-TU-PHAP")
    assert password and len(password) >= 12
    result = auth.login("quantri", password)
    assert result.must_change_password
    with session_scope() as session:
        assert accounts.bootstrap_admin(session, "quantri", "SO-TU-PHAP") is None


def test_officer_cannot_manage_accounts(people):
    with pytest.raises(ServiceError):
        accounts.create_user(people["canbo.a"], {"username": "x"})
    with pytest.raises(ServiceError):
        accounts.reset_password(people["giamsat"], 1)
    assert make_user  # fixture helper imported for the other tests


@pytest.mark.parametrize("new", [" " + NEW_PASSWORD, NEW_PASSWORD + " ",
                                 NEW_PASSWORD + "\n", "\u00a0" + NEW_PASSWORD])
def test_new_password_may_not_start_or_end_with_a_space(people, new):
    issued = _issue(people)
    token = auth.login("moi.vao", issued.password).token
    with pytest.raises(ValidationFailed) as err:
        auth.change_password(token, issued.password, new, new)
    assert err.value.errors == {
        "new": "Mật khẩu không được bắt đầu hoặc kết thúc bằng dấu cách."
    }
    # A space inside is still fine: a sentence is a good password.
    assert " " in NEW_PASSWORD
    assert auth.change_password(token, issued.password, NEW_PASSWORD, NEW_PASSWORD)


@pytest.mark.parametrize("around", [("", " "), (" ", ""), ("\t", "\r\n")])
def test_pasted_password_with_spaces_at_the_ends_still_works(people, around,
                                                            caplog):
    caplog.set_level("DEBUG")
    issued = _issue(people)
    pasted = around[0] + issued.password + around[1]
    result = auth.login("moi.vao", pasted)
    assert result.must_change_password

    # The same paste into "current" on the change page is accepted too, and
    # the new password may not be the issued one with its spaces trimmed.
    with pytest.raises(ValidationFailed) as err:
        auth.change_password(result.token, pasted, "x", "x")
    assert set(err.value.errors) == {"new"}
    token = auth.change_password(result.token, pasted, NEW_PASSWORD, NEW_PASSWORD)
    assert auth.resolve(token).username == "moi.vao"
    assert auth.login("moi.vao", NEW_PASSWORD + " ").token
    assert issued.password not in caplog.text
    assert NEW_PASSWORD not in caplog.text


def test_trimmed_password_counts_as_the_same_when_changing(people):
    issued = _issue(people)
    token = auth.login("moi.vao", issued.password).token
    with pytest.raises(ValidationFailed) as err:
        auth.change_password(token, issued.password + " ", issued.password,
                             issued.password)
    assert "phải khác" in err.value.errors["new"]


def test_password_that_really_ends_with_a_space_is_tried_as_typed(people):
    # Set before spaces at the ends were refused: it keeps working as typed.
    old_style = PASSWORD + " "
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == "canbo.a")).one()
        user.password_hash = hash_password(old_style)
        session.add(user)
    assert auth.login("canbo.a", old_style).token
    with pytest.raises(ServiceError):
        auth.login("canbo.a", PASSWORD)


def test_wrong_password_with_spaces_counts_as_one_failure(people):
    def failures() -> int:
        with session_scope() as session:
            return session.exec(
                select(User.failed_attempts).where(User.username == "canbo.a")
            ).one()

    with pytest.raises(ServiceError):
        auth.login("canbo.a", " sai-mat-khau-1 ")
    assert failures() == 1
    for _ in range(4):
        with pytest.raises(ServiceError):
            auth.login("canbo.a", "sai-mat-khau-1 ")
    assert failures() == 5
    # Five attempts, five counted: the account is now locked.
    with pytest.raises(ServiceError):
        auth.login("canbo.a", PASSWORD + " ")
