"""Login, server-side sessions, forced password change, logout.

The session secret is ours (128+ bits from `secrets`), not Reflex's client token,
which the browser makes with Math.random (security.md 2.3). Only its SHA-256 is
stored. Every event re-reads the session and the user, so a disabled account or
a reset password takes effect on the next click.
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session, select

from xlvphc.domain.text import clean
from xlvphc.models import Unit, User, UserSession
from xlvphc.models.base import utcnow
from xlvphc.services import audit, inactivity
from xlvphc.services.access import (
    Actor,
    account_scope,
    parse_roles,
    reaches_all_units,
)
from xlvphc.services.db import session_scope
from xlvphc.services.errors import (
    AccountDisabled,
    NotAuthenticated,
    PasswordChangeRequired,
    ServiceError,
    ValidationFailed,
)
from xlvphc.services.passwords import hash_password, policy_problem, verify_typed
from xlvphc.settings import SETTINGS

log = logging.getLogger(__name__)

LOGIN_FAILED = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang bị khóa."
TOUCH_EVERY = timedelta(seconds=30)


@dataclass(frozen=True)
class LoginResult:
    token: str
    must_change_password: bool


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _revoke_all(session: Session, user_id: int) -> None:
    now = utcnow()
    rows = session.exec(
        select(UserSession).where(
            UserSession.user_id == user_id, UserSession.revoked_at.is_(None)
        )
    ).all()
    for row in rows:
        row.revoked_at = now
        session.add(row)


def revoke_sessions(session: Session, user_id: int) -> None:
    """Ends every live session of a user (reset, disable, role change)."""
    _revoke_all(session, user_id)


def login(username: object, password: object) -> LoginResult:
    """One message for every failure, and a bcrypt check even for unknown users,
    so neither text nor timing tells which part was wrong (security.md C7)."""
    name = clean(username, max_len=64).lower() if isinstance(username, str) else ""
    secret = password if isinstance(password, str) else ""
    now = utcnow()
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == name)).first()
        # One attempt, however many checks verify_typed makes: a failure
        # below counts once towards the lockout.
        ok = verify_typed(secret, user.password_hash if user else None)
        if user is None:
            audit.record(session, None, "login.failed", reason="unknown user")
            raise ServiceError(LOGIN_FAILED)

        if inactivity.unused_too_long(session, user, now):
            inactivity.disable(session, user, SETTINGS.inactive_days)
        locked = user.locked_until is not None and user.locked_until > now
        issued_expired = (
            user.must_change_password
            and user.password_issued_at is not None
            and now - user.password_issued_at
            > timedelta(hours=SETTINGS.issued_password_hours)
        )
        if not ok or locked or not user.active or issued_expired:
            if not ok and not locked:
                user.failed_attempts += 1
                if user.failed_attempts >= SETTINGS.lockout_threshold:
                    user.locked_until = now + timedelta(hours=SETTINGS.lockout_hours)
                    audit.record(
                        session,
                        None,
                        "account.locked",
                        entity="user",
                        entity_id=user.id,
                        user_id=user.id,
                        unit_id=user.unit_id,
                    )
                session.add(user)
            reason = (
                "locked"
                if locked
                else "disabled"
                if not user.active
                else ("issued password expired" if ok else "wrong password")
            )
            audit.record(
                session,
                None,
                "login.failed",
                entity="user",
                entity_id=user.id,
                user_id=user.id,
                unit_id=user.unit_id,
                reason=reason,
            )
            session.commit()
            log.info("login refused for user=%s (%s)", user.id, reason)
            raise ServiceError(LOGIN_FAILED)

        # A fresh secret on every login: nothing planted before it is usable.
        token = secrets.token_urlsafe(32)
        session.add(UserSession(token_hash=_token_hash(token), user_id=user.id))
        user.failed_attempts = 0
        user.locked_until = None
        user.last_login_at = now
        session.add(user)
        audit.record(
            session,
            None,
            "login",
            entity="user",
            entity_id=user.id,
            user_id=user.id,
            unit_id=user.unit_id,
        )
        log.info("login user=%s", user.id)
        return LoginResult(token=token, must_change_password=user.must_change_password)


def _load(
    session: Session, token: object
) -> tuple[UserSession, User, Unit | None]:
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        log.info("refused: no session token")
        raise NotAuthenticated()
    # The user and their unit come in the same statement (outer joins, so a
    # missing user is still told apart below): one round trip instead of
    # three, on every event of every signed-in browser.
    found = session.exec(
        select(UserSession, User, Unit)
        .outerjoin(User, User.id == UserSession.user_id)
        .outerjoin(Unit, Unit.id == User.unit_id)
        .where(UserSession.token_hash == _token_hash(token))
    ).first()
    row, user, unit = found if found else (None, None, None)
    now = utcnow()
    if row is not None and user is not None and not user.active:
        # Disabling ends the sessions (accounts.set_active); the owner's open
        # tab is told the account is locked, not that it sat idle.
        if row.revoked_at is None:
            row.revoked_at = now
            session.add(row)
            session.commit()
        log.info("refused: account of user=%s is disabled", user.id)
        raise AccountDisabled()
    if row is None or row.revoked_at is not None:
        log.info("refused: unknown or ended session")
        raise NotAuthenticated()
    idle = now - row.last_seen_at > timedelta(minutes=SETTINGS.session_idle_minutes)
    old = now - row.created_at > timedelta(hours=SETTINGS.session_absolute_hours)
    if idle or old or user is None or not user.active:
        row.revoked_at = now
        session.add(row)
        if user is not None and (idle or old):
            audit.record(
                session,
                None,
                "session.expired",
                entity="user",
                entity_id=user.id,
                user_id=user.id,
                unit_id=user.unit_id,
                reason="idle" if idle else "absolute lifetime",
            )
        session.commit()
        log.info("refused: session ended for user=%s", row.user_id)
        raise NotAuthenticated()
    if now - row.last_seen_at > TOUCH_EVERY:
        row.last_seen_at = now
        session.add(row)
    return row, user, unit


def _actor(
    session: Session, row: UserSession, user: User, unit: Unit | None
) -> Actor:
    roles = parse_roles(user.roles)
    return Actor(
        user_id=user.id,
        username=user.username,
        full_name=user.full_name,
        title=user.title,
        unit_id=user.unit_id,
        unit_name=unit.name if unit else "",
        roles=roles,
        # The branch walked by the database: this runs on every event of
        # every user, the whole tree through the ORM cost a millisecond.
        # The province node's accounts get that node alone (access.py).
        scope=account_scope(session, unit, user.unit_id),
        session_id=row.id,
        # A province-wide role on a commune or department unit, saved before
        # accounts refused it, keeps that unit's scope (access.py).
        province_level=reaches_all_units(user.id, roles, unit),
    )


def resolve(token: object, *, allow_pending_change: bool = False) -> Actor:
    """The acting user behind a session secret, or NotAuthenticated.

    Until an issued password is changed, only the change itself is allowed
    (security.md C1)."""
    with session_scope() as session:
        row, user, unit = _load(session, token)
        if user.must_change_password and not allow_pending_change:
            raise PasswordChangeRequired()
        return _actor(session, row, user, unit)


def _context_words(session: Session, user: User) -> list[str]:
    """The user's own names and their unit's place name: the words a password
    is most often built from (ASVS 6.2.11)."""
    unit = session.get(Unit, user.unit_id)
    words = [user.full_name]
    if unit is not None:
        parts = unit.name.split()
        words += [unit.name, " ".join(parts[-2:])]
    return words


def change_password(
    token: object, current: object, new: object, confirm: object
) -> str:
    """Returns a new session secret: the change ends every other session."""
    with session_scope() as session:
        _row, user, _unit = _load(session, token)
        errors: dict[str, str] = {}
        # Nothing typed is asked for, not called wrong (user trial). No
        # attempt is counted either way: the change needs a live session,
        # and login() alone counts failures towards the lockout.
        if not isinstance(current, str) or not current:
            errors["current"] = "Vui lòng nhập mật khẩu hiện tại."
        elif not verify_typed(current, user.password_hash):
            errors["current"] = "Mật khẩu hiện tại không đúng."
        problem = policy_problem(new, user.username, _context_words(session, user))
        if problem:
            errors["new"] = problem
        elif isinstance(current, str) and new in (current, current.strip()):
            errors["new"] = "Mật khẩu mới phải khác mật khẩu hiện tại."
        if not errors and new != confirm:
            errors["confirm"] = "Mật khẩu nhập lại không khớp."
        if errors:
            raise ValidationFailed(errors)

        user.password_hash = hash_password(new)
        user.must_change_password = False
        user.password_issued_at = None
        session.add(user)
        _revoke_all(session, user.id)
        token = secrets.token_urlsafe(32)
        session.add(UserSession(token_hash=_token_hash(token), user_id=user.id))
        audit.record(
            session,
            None,
            "password.changed",
            entity="user",
            entity_id=user.id,
            user_id=user.id,
            unit_id=user.unit_id,
        )
        log.info("password changed user=%s", user.id)
        return token


def logout(token: object) -> None:
    if not isinstance(token, str):
        return
    with session_scope() as session:
        row = session.exec(
            select(UserSession).where(UserSession.token_hash == _token_hash(token))
        ).first()
        if row and row.revoked_at is None:
            row.revoked_at = utcnow()
            session.add(row)
            user = session.get(User, row.user_id)
            audit.record(
                session,
                None,
                "logout",
                entity="user",
                entity_id=row.user_id,
                user_id=row.user_id,
                unit_id=user.unit_id if user else None,
            )
