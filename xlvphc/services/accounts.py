"""Accounts: an administrator creates users and resets passwords. The system
issues the password; nobody chooses it for someone else (ASVS 6.4.6)."""

import logging
import re
from dataclasses import dataclass

from sqlalchemy import func, or_
from sqlmodel import Session, select

from xlvphc.domain.text import clean, fold
from xlvphc.models import Unit, User
from xlvphc.models.base import utcnow
from xlvphc.services import audit
from xlvphc.services.access import POLICY, Action, Actor, Role, require
from xlvphc.services.auth import revoke_sessions
from xlvphc.services.db import session_scope
from xlvphc.services.errors import NotFound, ValidationFailed
from xlvphc.services.inputs import valid_id
from xlvphc.services.passwords import hash_password, issue_password

log = logging.getLogger(__name__)

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
PAGE_SIZE = 20


@dataclass(frozen=True)
class IssuedPassword:
    user_id: int
    username: str
    password: str


def _public(user: User, unit_name: str) -> dict:
    """What a screen may show of an account: never the hash."""
    return {
        "id": user.id,
        "username": user.username,
        "full_name": user.full_name,
        "title": user.title,
        "unit_name": unit_name,
        "roles": ", ".join(
            Role.LABELS.get(r, r) for r in user.roles.split(",") if r
        ),
        "active": user.active,
        "must_change": user.must_change_password,
        "locked": bool(user.locked_until and user.locked_until > utcnow()),
    }


def _validate(session: Session, data: dict) -> tuple[dict, dict[str, str]]:
    errors: dict[str, str] = {}
    username = clean(data.get("username"), 64).lower()
    full_name = clean(data.get("full_name"), 120)
    title = clean(data.get("title"), 120)
    role = clean(data.get("role"), 20)
    raw_unit = str(data.get("unit_id") or "")
    unit_id = valid_id(int(raw_unit)) if raw_unit.isdigit() and len(raw_unit) < 12 \
        else None

    if not USERNAME_RE.match(username):
        errors["username"] = (
            "Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, "
            "gạch ngang hoặc gạch dưới."
        )
    elif session.exec(select(User.id).where(User.username == username)).first():
        errors["username"] = "Tên đăng nhập này đã có người dùng."
    if len(full_name) < 2 or len(full_name) > 120:
        errors["full_name"] = "Vui lòng nhập họ và tên (tối đa 120 ký tự)."
    if len(title) > 120:
        errors["title"] = "Chức danh tối đa 120 ký tự."
    if role not in POLICY:
        errors["role"] = "Vui lòng chọn vai trò."
    unit = session.get(Unit, unit_id) if unit_id else None
    if unit is None or not unit.active:
        errors["unit_id"] = "Vui lòng chọn đơn vị."
    values = dict(
        username=username, full_name=full_name, title=title, roles=role,
        unit_id=unit_id,
    )
    return values, errors


def create_user(actor: Actor, data: object) -> IssuedPassword:
    """Only allow-listed fields are read from `data` (no mass assignment)."""
    require(actor, Action.ACCOUNT_MANAGE)
    if not isinstance(data, dict):
        raise ValidationFailed({"username": "Dữ liệu không hợp lệ."})
    with session_scope() as session:
        values, errors = _validate(session, data)
        if errors:
            raise ValidationFailed(errors)
        password = issue_password()
        user = User(
            **values,
            password_hash=hash_password(password),
            must_change_password=True,
            password_issued_at=utcnow(),
        )
        session.add(user)
        session.flush()
        audit.record(
            session, actor, "account.created", entity="user", entity_id=user.id,
            after={k: v for k, v in values.items()},
        )
        log.info("user=%s created account=%s", actor.user_id, user.id)
        return IssuedPassword(user.id, user.username, password)


def reset_password(actor: Actor, user_id: object) -> IssuedPassword:
    """A new one-time password; the user's live sessions end at once."""
    require(actor, Action.ACCOUNT_MANAGE)
    if valid_id(user_id) is None:
        raise NotFound()
    with session_scope() as session:
        user = session.get(User, user_id)
        if user is None:
            raise NotFound()
        password = issue_password()
        user.password_hash = hash_password(password)
        user.must_change_password = True
        user.password_issued_at = utcnow()
        user.failed_attempts = 0
        user.locked_until = None
        session.add(user)
        revoke_sessions(session, user.id)
        audit.record(
            session, actor, "account.password_reset", entity="user", entity_id=user.id
        )
        log.info("user=%s reset password of account=%s", actor.user_id, user.id)
        return IssuedPassword(user.id, user.username, password)


def list_users(actor: Actor, query: object = "", page: object = 1) -> dict:
    require(actor, Action.ACCOUNT_MANAGE)
    text = fold(clean(query, 100))
    page_no = page if isinstance(page, int) and 1 <= page <= 100_000 else 1
    with session_scope() as session:
        stmt = select(User, Unit.name).join(Unit, Unit.id == User.unit_id)
        if text:
            like = f"%{text}%"
            stmt = stmt.where(or_(User.username.like(like), Unit.code.like(like)))
        total = session.exec(
            select(func.count()).select_from(stmt.subquery())
        ).one()
        rows = session.exec(
            stmt.order_by(User.id.desc()).offset((page_no - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        ).all()
        return {
            "rows": [_public(u, unit_name) for u, unit_name in rows],
            "total": total,
            "page": page_no,
        }


def unit_choices(actor: Actor) -> list[dict]:
    """Units an account may belong to (area nodes hold no users)."""
    require(actor, Action.ACCOUNT_MANAGE)
    with session_scope() as session:
        rows = session.exec(
            select(Unit.id, Unit.name, Unit.kind)
            .where(Unit.active, Unit.kind != "commune")
            .order_by(Unit.kind, Unit.name)
        ).all()
        return [{"id": str(uid), "name": name} for uid, name, _ in rows]


def bootstrap_admin(session: Session, username: str, unit_code: str) -> str | None:
    """First administrator for a new installation; None when one exists."""
    if session.exec(select(User.id).where(User.roles.contains(Role.ADMIN))).first():
        return None
    unit = session.exec(select(Unit).where(Unit.code == unit_code)).one()
    password = issue_password()
    session.add(
        User(
            username=username,
            full_name="Quản trị hệ thống",
            title="Quản trị viên",
            unit_id=unit.id,
            roles=Role.ADMIN,
            password_hash=hash_password(password),
            must_change_password=True,
            password_issued_at=utcnow(),
        )
    )
    audit.record(session, None, "account.bootstrap", entity="user", reason=username)
    return password
