"""Accounts unused for 45 days are disabled (security.md "Decisions"), at their
next login and by the daily `disable-inactive` command."""

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlmodel import select

from tests.services.conftest import PASSWORD, make_user
from xlvphc import cli
from xlvphc.models import AuditEvent, User
from xlvphc.models.base import utcnow
from xlvphc.services import accounts, auth, inactivity
from xlvphc.services.auth import LOGIN_FAILED
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ServiceError


def _age(username: str, *, created: float, last_login: float | None) -> int:
    """Move an account's creation and last login `n` days into the past."""
    now = utcnow()
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).one()
        user.created_at = now - timedelta(days=created)
        user.last_login_at = (
            None if last_login is None else now - timedelta(days=last_login)
        )
        session.add(user)
        return user.id


def _user(username: str) -> User:
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).one()
        session.expunge(user)
        return user


def _audit(user_id: int, action: str) -> list[AuditEvent]:
    with session_scope() as session:
        rows = session.exec(
            select(AuditEvent).where(
                AuditEvent.action == action, AuditEvent.entity_id == user_id
            )
        ).all()
        for row in rows:
            session.expunge(row)
        return list(rows)


@pytest.mark.parametrize(
    ("last_login", "refused"),
    [(44, False), (45 - 1 / 24, False), (45 + 1 / 24, True)],
    ids=["44 days", "an hour short of 45 days", "an hour over 45 days"],
)
def test_login_after_too_long_disables_the_account(ref, last_login, refused):
    make_user("canbo.lau", "UBND-22015", "officer")
    user_id = _age("canbo.lau", created=400, last_login=last_login)

    if refused:
        with pytest.raises(ServiceError) as raised:
            auth.login("canbo.lau", PASSWORD)
        # Same message as any other refusal (security.md C7).
        assert str(raised.value) == LOGIN_FAILED
        assert not _user("canbo.lau").active
        [event] = _audit(user_id, "account.disabled_inactive")
        assert "45 ngày" in event.reason
    else:
        assert auth.login("canbo.lau", PASSWORD).token
        assert _user("canbo.lau").active
        assert _audit(user_id, "account.disabled_inactive") == []


def test_a_wrong_password_on_an_unused_account_also_disables_it(ref):
    make_user("canbo.sai", "UBND-22015", "officer")
    _age("canbo.sai", created=100, last_login=60)

    with pytest.raises(ServiceError):
        auth.login("canbo.sai", "không phải mật khẩu")

    assert not _user("canbo.sai").active


def test_enabling_again_gives_a_fresh_period(people):
    make_user("canbo.tro.lai", "UBND-22015", "officer")
    user_id = _age("canbo.tro.lai", created=200, last_login=100)
    with pytest.raises(ServiceError):
        auth.login("canbo.tro.lai", PASSWORD)

    accounts.set_active(people["quantri"], user_id, True)

    assert auth.login("canbo.tro.lai", PASSWORD).token
    assert _user("canbo.tro.lai").active


def test_an_account_never_used_counts_from_its_creation(ref):
    make_user("canbo.moi", "UBND-22015", "officer")
    _age("canbo.moi", created=10, last_login=None)
    assert auth.login("canbo.moi", PASSWORD).token

    make_user("canbo.quen", "UBND-22015", "officer")
    _age("canbo.quen", created=50, last_login=None)
    with pytest.raises(ServiceError):
        auth.login("canbo.quen", PASSWORD)


def test_zero_days_switches_the_rule_off(ref, monkeypatch):
    monkeypatch.setattr(
        inactivity, "SETTINGS", replace(inactivity.SETTINGS, inactive_days=0)
    )
    make_user("canbo.tat", "UBND-22015", "officer")
    _age("canbo.tat", created=900, last_login=800)

    assert auth.login("canbo.tat", PASSWORD).token
    with session_scope() as session:
        assert inactivity.sweep(session) == 0


def test_the_daily_command_disables_only_unused_accounts(ref, capsys):
    for name, created, last in [
        ("canbo.mot", 300, 46),  # unused too long
        ("canbo.hai", 300, 3),  # in use
        ("canbo.ba", 60, None),  # never logged in, created 60 days ago
        ("canbo.bon", 5, None),  # new
    ]:
        make_user(name, "UBND-22015", "officer")
        _age(name, created=created, last_login=last)

    cli.main(["disable-inactive"])

    assert "Đã vô hiệu hóa 2 tài khoản" in capsys.readouterr().out
    states = {
        n: _user(n).active for n in ("canbo.mot", "canbo.hai", "canbo.ba", "canbo.bon")
    }
    assert states == {
        "canbo.mot": False,
        "canbo.hai": True,
        "canbo.ba": False,
        "canbo.bon": True,
    }

    # Running it again finds nothing more to do.
    cli.main(["disable-inactive"])
    assert "Đã vô hiệu hóa 0 tài khoản" in capsys.readouterr().out
