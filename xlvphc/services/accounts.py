"""Accounts: administrators create, edit, disable, enable, unlock users and
reset their passwords. The system issues every password; nobody chooses it for
someone else (ASVS 6.4.6).

Scope: a system administrator manages every account; a unit administrator
only accounts of their unit and its sub-units, and only with the roles in
`access.GRANTABLE_BY_UNIT_ADMIN`. The roles that reach every unit go only to
accounts of a province-level unit (`access.province_level_unit`).
Disabling, resetting, or changing roles or unit ends the user's live sessions
at once (ASVS 7.4.2, 8.3.2).
"""

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, literal, or_
from sqlmodel import Session, select

from xlvphc.domain.authority import SIGNER_TITLES
from xlvphc.domain.text import clean
from xlvphc.models import AuditEvent, Unit, User
from xlvphc.models.base import to_local, utcnow
from xlvphc.models.units import UnitKind
from xlvphc.services import audit, signer_fit
from xlvphc.services.access import (
    ALL_UNITS_ROLES,
    POLICY,
    Action,
    Actor,
    Role,
    grantable_roles,
    province_level_unit,
    require,
    visible_units,
)
from xlvphc.services.auth import revoke_sessions
from xlvphc.services.db import session_scope
from xlvphc.services.errors import (
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from xlvphc.services.inputs import read_name, valid_id
from xlvphc.services.passwords import hash_password, issue_password
from xlvphc.services.units import choice_key

log = logging.getLogger(__name__)

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
PAGE_SIZE = 20
SIGNER_LABELS = dict(SIGNER_TITLES)
STATUS_FILTERS = {"active", "disabled", "locked", "pending"}
# Fields a form may set; anything else in the dict is ignored (ASVS 15.3.3).
EDITABLE = ("full_name", "title", "unit_id", "roles", "signer_title")
# A second reset of one account this soon after the first is refused: a
# double click issued two passwords, and the slip printed the dead one
# (user trial).
RESET_GUARD = timedelta(seconds=30)


@dataclass(frozen=True)
class IssuedPassword:
    """A one-time password as issued. `issued_at` is the time stored on the
    account with it (User.password_issued_at): a later reset stores another,
    so the slips can tell a superseded password from the live one."""

    user_id: int
    username: str
    password: str
    full_name: str = ""
    unit_name: str = ""
    issued_at: datetime | None = None


def _role_list(text: str) -> list[str]:
    return [r for r in (text or "").split(",") if r in POLICY]


def _signer_note(user: User, fitting: tuple[str, ...]) -> str:
    """A warning for a signer title of another body than the account's
    unit, saved before the titles were tied to the unit: shown in the list
    and the edit panel, and the next edit asks for a fitting one."""
    if not user.signer_title or user.signer_title in fitting:
        return ""
    return (
        "Chức danh ký không thuộc đơn vị của tài khoản: chọn lại chức danh "
        "phù hợp khi sửa."
    )


# What a unit is, said in the refusal of a province-wide role.
_BELOW_PROVINCE = {
    UnitKind.COMMUNE_COMMITTEE: "một đơn vị cấp xã (UBND xã, phường)",
    UnitKind.COMMUNE_POLICE: "một đơn vị cấp xã (Công an xã, phường)",
    UnitKind.COMMUNE: "một xã, phường",
    UnitKind.DEPARTMENT: "một sở, ban, ngành khác, không phải Sở Tư pháp",
}


def _wide_roles(roles: object) -> list[str]:
    """The province-wide roles among `roles`, in the order of POLICY."""
    held = set(roles or ())
    return [r for r in POLICY if r in held and r in ALL_UNITS_ROLES]


def _wide_role_refusal(roles: object, unit: Unit) -> str:
    """The refusal of a role that reaches every unit on an account of a
    commune or department unit: such an account read every unit's cases,
    names and ID numbers (user trial). "" when the combination is allowed."""
    wide = _wide_roles(roles)
    if not wide or province_level_unit(unit):
        return ""
    names = " và ".join(Role.LABELS[r] for r in wide)
    what = _BELOW_PROVINCE.get(unit.kind, "không phải đơn vị cấp tỉnh")
    return (
        f"Vai trò {names} xem được mọi đơn vị trong tỉnh nên chỉ dành cho tài "
        "khoản cấp tỉnh (đơn vị Tỉnh hoặc Sở Tư pháp). Đơn vị đã chọn, "
        f"{unit.name}, là {what}: chọn đơn vị cấp tỉnh hoặc vai trò khác."
    )


def _role_note(user: User, unit: Unit | None) -> str:
    """A warning for a province-wide role saved on a commune or department
    account before it was refused: the account sees its own unit only
    (access.reaches_all_units), and the next edit asks for a fitting role
    or unit."""
    if not _wide_roles(_role_list(user.roles)) or province_level_unit(unit):
        return ""
    return (
        "Vai trò xem mọi đơn vị không hợp với đơn vị của tài khoản: tài khoản "
        "chỉ xem được đơn vị mình. Sửa lại vai trò hoặc đơn vị."
    )


def _public(
    user: User,
    unit_name: str,
    fitting: tuple[str, ...] = (),
    unit: Unit | None = None,
) -> dict:
    """What a screen may show of an account: never the hash. `fitting`:
    the signer titles of the account's unit (services.signer_fit); `unit`:
    the account's unit, for the warning on a province-wide role."""
    return {
        "id": user.id,
        "username": user.username,
        "full_name": user.full_name,
        "title": user.title,
        "unit_id": str(user.unit_id),
        "unit_name": unit_name,
        "role_codes": _role_list(user.roles),
        "roles": ", ".join(Role.LABELS[r] for r in _role_list(user.roles)),
        "signer_title": user.signer_title,
        "signer_label": SIGNER_LABELS.get(user.signer_title, ""),
        "signer_note": _signer_note(user, fitting),
        "role_note": _role_note(user, unit),
        "active": user.active,
        "must_change": user.must_change_password,
        "locked": bool(user.locked_until and user.locked_until > utcnow()),
    }


def _id_from(value: object) -> int | None:
    """An id from a form (a string of digits) or from code (an int)."""
    if isinstance(value, str) and value.isdigit() and len(value) < 12:
        value = int(value)
    return valid_id(value)


def _roles_from(data: dict) -> list[str] | None:
    """Roles as a list, a comma string, or `role_<code>` checkbox keys."""
    raw = data.get("roles", data.get("role"))
    if raw is None:
        picked = [r for r in POLICY if data.get(f"role_{r}") not in (None, "", False)]
        return picked
    if isinstance(raw, str):
        raw = raw.split(",")
    if not isinstance(raw, list) or len(raw) > len(POLICY):
        return None
    return [clean(r, 20) for r in raw if isinstance(r, str) and clean(r, 20)]


def _has_role(role: str):
    """roles is a comma list: match a whole code ("admin" is not in
    "unit_admin")."""
    return literal(",").concat(User.roles).concat(",").contains(f",{role},")


def _check_managed(actor: Actor, user: User) -> None:
    """The actor may manage this account: in scope, and holding no role the
    actor could not grant (a unit admin cannot touch a supervisor)."""
    require(actor, Action.ACCOUNT_MANAGE, user.unit_id)
    if not set(_role_list(user.roles)) <= grantable_roles(actor):
        log.warning(
            "refused account of user=%s to user=%s: roles", user.id, actor.user_id
        )
        raise PermissionDenied()


def _load(session: Session, actor: Actor, user_id: object) -> User:
    require(actor, Action.ACCOUNT_MANAGE)
    uid = _id_from(user_id)
    user = session.get(User, uid) if uid else None
    if user is None:
        log.warning("refused account=%r to user=%s: not found", uid, actor.user_id)
        raise NotFound()
    _check_managed(actor, user)
    return user


def _read(session: Session, actor: Actor, data: object, user: User | None) -> dict:
    """Validated values of the allow-listed fields, or ValidationFailed."""
    if not isinstance(data, dict):
        raise ValidationFailed({"full_name": "Dữ liệu không hợp lệ."})
    errors: dict[str, str] = {}
    values: dict = {}
    if user is None:
        username = clean(data.get("username"), 70).lower()
        if not USERNAME_RE.match(username):
            errors["username"] = (
                "Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu "
                "chấm, gạch ngang hoặc gạch dưới."
            )
        elif session.exec(select(User.id).where(User.username == username)).first():
            errors["username"] = "Tên đăng nhập này đã có người dùng."
        values["username"] = username

    # Printed under the signature of the papers this account signs: the
    # rules of every name (inputs.read_name, the unit tree's too).
    full_name, problem = read_name(data.get("full_name"), "họ và tên", 2, 120)
    if problem:
        errors["full_name"] = problem
    # The title is printed under the signature too: a name's rules (no
    # markup, no hidden control characters, printable), though it may be
    # left empty.
    title, problem = read_name(data.get("title"), "chức danh", 1, 120)
    if title and problem:
        errors["title"] = problem

    unit_id = _id_from(data.get("unit_id"))
    unit = session.get(Unit, unit_id) if unit_id else None
    scope = visible_units(actor, Action.ACCOUNT_MANAGE)
    if (
        unit is None
        or not unit.active
        or unit.kind == UnitKind.COMMUNE
        or (scope is not None and unit.id not in scope)
    ):
        errors["unit_id"] = "Vui lòng chọn một đơn vị bạn được quản lý."

    roles = _roles_from(data)
    allowed = grantable_roles(actor)
    if not roles:
        errors["roles"] = "Vui lòng chọn ít nhất một vai trò."
    elif not set(roles) <= allowed:
        errors["roles"] = "Bạn không được cấp vai trò này."
    signer = clean(data.get("signer_title"), 70)
    if roles and Role.AUTHORITY in roles:
        fitting = signer_fit.unit_titles(session, unit) if unit else ()
        if unit is not None and "unit_id" not in errors and not fitting:
            errors["signer_title"] = (
                f"{unit.name} không có chức danh có thẩm quyền xử phạt nào trong "
                "danh mục của Nghị định 189/2025/NĐ-CP: không cấp được vai trò "
                "Người có thẩm quyền xử phạt cho tài khoản của đơn vị này."
            )
        elif signer not in SIGNER_LABELS:
            errors["signer_title"] = (
                "Người có thẩm quyền cần chức danh ký quyết định (để tính thẩm "
                "quyền phạt tiền)."
            )
        elif unit is not None and "unit_id" not in errors:
            # A title of another body (a commune police account saved as
            # "Chủ tịch UBND tỉnh", user trial) is refused at the field,
            # and so at the next edit of an account saved before.
            misfit = signer_fit.refusal(session, unit.id, signer)
            if misfit:
                errors["signer_title"] = misfit
        if unit is not None and "unit_id" not in errors and "title" not in errors:
            # The decision forms suggest this title under the signature
            # (signer_defaults): it may not name another body or level.
            misfit = signer_fit.typed_refusal(session, unit.id, title)
            if misfit:
                errors["title"] = misfit
    else:
        signer = ""
    if unit is not None and not {"unit_id", "roles"} & errors.keys():
        # The service is the check (any browser may call it with any
        # arguments): the form only offers the roles.
        refusal = _wide_role_refusal(roles, unit)
        if refusal:
            log.warning(
                "refused a province-wide role on unit=%s to user=%s",
                unit.id,
                actor.user_id,
            )
            errors["roles"] = refusal
    if errors:
        raise ValidationFailed(errors)
    ordered = [r for r in POLICY if r in set(roles or [])]
    values.update(
        full_name=full_name,
        title=title,
        unit_id=unit.id,
        roles=",".join(ordered),
        signer_title=signer,
    )
    return values


def create_user(actor: Actor, data: object) -> IssuedPassword:
    """Only allow-listed fields are read from `data` (no mass assignment)."""
    require(actor, Action.ACCOUNT_MANAGE)
    with session_scope() as session:
        values = _read(session, actor, data, None)
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
            session,
            actor,
            "account.created",
            entity="user",
            entity_id=user.id,
            after=values,
        )
        unit = session.get(Unit, user.unit_id)
        log.info("user=%s created account=%s", actor.user_id, user.id)
        return IssuedPassword(
            user.id,
            user.username,
            password,
            user.full_name,
            unit.name,
            user.password_issued_at,
        )


def update_user(actor: Actor, user_id: object, data: object) -> None:
    """Name, title, unit, roles and signer title. A change of roles or unit
    ends the user's sessions: the next click uses the new rights."""
    with session_scope() as session:
        user = _load(session, actor, user_id)
        values = _read(session, actor, data, user)
        if user.id == actor.user_id and values["roles"] != user.roles:
            raise ValidationFailed(
                {"roles": "Bạn không thể tự thay đổi vai trò của chính mình."}
            )
        before = {k: getattr(user, k) for k in EDITABLE}
        changed = {k: v for k, v in values.items() if before[k] != v}
        if not changed:
            return
        for key, value in changed.items():
            setattr(user, key, value)
        session.add(user)
        if {"roles", "unit_id"} & changed.keys():
            revoke_sessions(session, user.id)
        audit.record(
            session,
            actor,
            "account.updated",
            entity="user",
            entity_id=user.id,
            before={k: before[k] for k in changed},
            after=changed,
        )
        log.info("user=%s updated account=%s", actor.user_id, user.id)


def set_active(actor: Actor, user_id: object, active: object) -> None:
    """Disable (ending every session at once) or enable an account."""
    if not isinstance(active, bool):
        raise ValidationFailed({"active": "Dữ liệu không hợp lệ."})
    with session_scope() as session:
        user = _load(session, actor, user_id)
        if user.id == actor.user_id and not active:
            # Not a form field: the message is shown above the list.
            raise ServiceError("Bạn không thể tự khóa tài khoản của mình.")
        if user.active == active:
            return
        user.active = active
        if active:
            user.failed_attempts = 0
            user.locked_until = None
        session.add(user)
        revoke_sessions(session, user.id)
        audit.record(
            session,
            actor,
            "account.enabled" if active else "account.disabled",
            entity="user",
            entity_id=user.id,
            before={"active": not active},
            after={"active": active},
        )
        log.info("user=%s set account=%s active=%s", actor.user_id, user.id, active)


def unlock(actor: Actor, user_id: object) -> None:
    """End a lockout before its 12 hours are over (security.md "Lockout")."""
    with session_scope() as session:
        user = _load(session, actor, user_id)
        user.failed_attempts = 0
        user.locked_until = None
        session.add(user)
        audit.record(
            session, actor, "account.unlocked", entity="user", entity_id=user.id
        )
        log.info("user=%s unlocked account=%s", actor.user_id, user.id)


def _recent_reset(session: Session, user_id: int) -> datetime | None:
    """When the account's password was last reset, if within RESET_GUARD."""
    return session.exec(
        select(func.max(AuditEvent.at)).where(
            AuditEvent.action == "account.password_reset",
            AuditEvent.entity == "user",
            AuditEvent.entity_id == user_id,
            AuditEvent.at > utcnow() - RESET_GUARD,
        )
    ).one()


def reset_password(actor: Actor, user_id: object) -> IssuedPassword:
    """A new one-time password; the user's live sessions end at once.

    A second reset of the same account within RESET_GUARD is refused: it
    would kill the password just handed out (a double click, or two
    administrators at once). The account row is locked first (PostgreSQL;
    SQLite lets one writer at a time anyway), so two concurrent resets
    cannot both pass the check."""
    with session_scope() as session:
        user = _load(session, actor, user_id)
        session.exec(select(User.id).where(User.id == user.id).with_for_update()).one()
        last = _recent_reset(session, user.id)
        if last is not None:
            log.info(
                "refused second reset of account=%s by user=%s",
                user.id,
                actor.user_id,
            )
            raise ServiceError(
                f"Mật khẩu của tài khoản {user.username} vừa được cấp lại lúc "
                f"{to_local(last):%H:%M:%S}; mật khẩu đó vẫn dùng được. Không "
                f"cấp lại lần nữa trong vòng {RESET_GUARD.seconds} giây."
            )
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
        unit = session.get(Unit, user.unit_id)
        log.info("user=%s reset password of account=%s", actor.user_id, user.id)
        return IssuedPassword(
            user.id,
            user.username,
            password,
            user.full_name,
            unit.name if unit else "",
            user.password_issued_at,
        )


def get_user(actor: Actor, user_id: object) -> dict:
    with session_scope() as session:
        user = _load(session, actor, user_id)
        unit = session.get(Unit, user.unit_id)
        fitting = signer_fit.unit_titles(session, unit)
        return _public(user, unit.name if unit else "", fitting, unit)


def signer_defaults(actor: Actor) -> dict:
    """Who the decision form (MQĐ02) suggests as signer: the acting user when
    the account carries a signer title (the authority role, NĐ 189/2025).
    An account without one is not a person with sanction authority, so
    nothing is suggested rather than a wrong signer. Still editable: a
    deputy or another head may sign.

    Returns:
        {"name", "title", "code"}: the name, the title printed under the
        signature (the account's title, else, or when it names another body
        than the unit, the signer title's label) and
        the signer title code; all "" for an account without a signer title,
        or with one of another body than its unit (services.signer_fit).
    """
    require(actor, Action.CASE_WRITE)
    with session_scope() as session:
        user = session.get(User, actor.user_id)
        code = user.signer_title if user else ""
        if code not in SIGNER_LABELS or not signer_fit.fits(
            session, user.unit_id, code
        ):
            return {"name": "", "title": "", "code": ""}
        return {
            "name": user.full_name,
            # Not a "Chức danh" of another body, saved before it was checked.
            "title": signer_fit.suggested_title(
                session, user.unit_id, user.title, code
            ),
            "code": code,
        }


def list_users(actor: Actor, filters: object = None, page: object = 1) -> dict:
    """One page of the accounts the actor manages. `filters` may hold q (name
    or username), unit_id, role and status; a plain string is taken as q."""
    scope = visible_units(actor, Action.ACCOUNT_MANAGE)
    if isinstance(filters, str):
        filters = {"q": filters}
    filters = filters if isinstance(filters, dict) else {}
    text = clean(filters.get("q"), 100)
    role = clean(filters.get("role"), 20)
    status = clean(filters.get("status"), 20)
    unit_id = _id_from(filters.get("unit_id"))
    page_no = page if isinstance(page, int) and 1 <= page <= 100_000 else 1
    now = utcnow()
    with session_scope() as session:
        stmt = select(User, Unit.name).join(Unit, Unit.id == User.unit_id)
        if scope is not None:
            stmt = stmt.where(User.unit_id.in_(scope))
        if text:
            # autoescape: % and _ typed by the user are literals (security E4)
            stmt = stmt.where(
                or_(
                    User.username.contains(text.lower(), autoescape=True),
                    User.full_name.contains(text, autoescape=True),
                    Unit.code.contains(text.upper(), autoescape=True),
                )
            )
        if unit_id:
            stmt = stmt.where(User.unit_id == unit_id)
        if role in POLICY:
            # roles is a comma list: match a whole code, not a substring
            stmt = stmt.where(_has_role(role))
        if status == "active":
            stmt = stmt.where(User.active)
        elif status == "disabled":
            stmt = stmt.where(User.active.is_(False))
        elif status == "locked":
            stmt = stmt.where(User.locked_until > now)
        elif status == "pending":
            stmt = stmt.where(User.must_change_password)
        total = session.exec(select(func.count()).select_from(stmt.subquery())).one()
        pages = max(1, -(-total // PAGE_SIZE))
        page_no = min(page_no, pages)
        rows = session.exec(
            stmt.order_by(Unit.name, User.username)
            .offset((page_no - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        ).all()
        titles = {
            uid: signer_fit.unit_titles(session, session.get(Unit, uid))
            for uid in {u.unit_id for u, _ in rows if u.signer_title}
        }
        # The units of the rows with a province-wide role, for their warning.
        wide_units = {
            uid: session.get(Unit, uid)
            for uid in {u.unit_id for u, _ in rows if _wide_roles(_role_list(u.roles))}
        }
        return {
            "rows": [
                {
                    **_public(
                        u,
                        unit_name,
                        titles.get(u.unit_id, ()),
                        wide_units.get(u.unit_id),
                    ),
                    "is_self": u.id == actor.user_id,
                }
                for u, unit_name in rows
            ],
            "total": total,
            "page": page_no,
            "pages": pages,
        }


def unit_choices(actor: Actor) -> list[dict]:
    """Units an account may belong to, within the actor's scope (area nodes
    hold no users)."""
    scope = visible_units(actor, Action.ACCOUNT_MANAGE)
    with session_scope() as session:
        stmt = select(Unit.id, Unit.name, Unit.kind).where(
            Unit.active, Unit.kind != UnitKind.COMMUNE
        )
        if scope is not None:
            stmt = stmt.where(Unit.id.in_(scope))
        rows = sorted(session.exec(stmt).all(), key=lambda r: choice_key(r[2], r[1]))
        return [{"id": str(uid), "name": name} for uid, name, _kind in rows]


def role_choices(actor: Actor) -> list[dict]:
    allowed = grantable_roles(actor)
    require(actor, Action.ACCOUNT_MANAGE)
    return [{"id": r, "name": Role.LABELS[r]} for r in POLICY if r in allowed]


def bootstrap_admin(session: Session, username: str, unit_code: str) -> str | None:
    """First administrator for a new installation; None when one exists."""
    if session.exec(select(User.id).where(_has_role(Role.ADMIN))).first():
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
