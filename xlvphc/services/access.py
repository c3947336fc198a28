"""Who may do what, on which units: one policy table used by every service.

Roles (issue "accounts and access control" extends them): an administrator keeps
units and accounts but does not read case files; an officer works on the cases
of their own unit and its sub-units; a supervisor (Sở Tư pháp, leadership)
reads every unit and its statistics.
"""

import logging
from dataclasses import dataclass

from sqlmodel import Session, select

from xlvphc.models import Unit
from xlvphc.services.errors import PermissionDenied

log = logging.getLogger(__name__)


class Role:
    ADMIN = "admin"
    OFFICER = "officer"
    SUPERVISOR = "supervisor"

    LABELS = {
        ADMIN: "Quản trị hệ thống",
        OFFICER: "Cán bộ nhập liệu",
        SUPERVISOR: "Giám sát (Sở Tư pháp, lãnh đạo)",
    }


class Action:
    CASE_READ = "case.read"
    CASE_WRITE = "case.write"
    CASE_PRINT = "case.print"
    CATALOGUE_READ = "catalogue.read"
    DASHBOARD_READ = "dashboard.read"
    ACCOUNT_MANAGE = "account.manage"


# Role -> actions it allows. "all units" means the unit scope check is skipped.
POLICY: dict[str, set[str]] = {
    Role.ADMIN: {Action.ACCOUNT_MANAGE, Action.CATALOGUE_READ},
    Role.OFFICER: {
        Action.CASE_READ,
        Action.CASE_WRITE,
        Action.CASE_PRINT,
        Action.CATALOGUE_READ,
    },
    Role.SUPERVISOR: {
        Action.CASE_READ,
        Action.CASE_PRINT,
        Action.CATALOGUE_READ,
        Action.DASHBOARD_READ,
    },
}
ALL_UNITS_ROLES = {Role.SUPERVISOR, Role.ADMIN}


@dataclass(frozen=True)
class Actor:
    """The acting user, re-read from the database on every call."""

    user_id: int
    username: str
    full_name: str
    title: str
    unit_id: int
    unit_name: str
    roles: frozenset[str]
    scope: frozenset[int]  # the user's unit and its sub-units
    session_id: int | None = None

    def can(self, action: str) -> bool:
        return any(action in POLICY.get(role, set()) for role in self.roles)

    def sees_all_units(self, action: str) -> bool:
        return any(
            role in ALL_UNITS_ROLES and action in POLICY.get(role, set())
            for role in self.roles
        )


def parse_roles(text: str) -> frozenset[str]:
    return frozenset(r for r in (text or "").split(",") if r in POLICY)


def unit_scope(session: Session, unit_id: int) -> frozenset[int]:
    """The unit and every unit below it in the tree."""
    rows = session.exec(select(Unit.id, Unit.parent_id)).all()
    children: dict[int | None, list[int]] = {}
    for uid, parent in rows:
        children.setdefault(parent, []).append(uid)
    found, stack = {unit_id}, [unit_id]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return frozenset(found)


def require(actor: Actor, action: str, unit_id: int | None = None) -> None:
    """Refuse unless the role allows the action on that unit. Refusals are
    logged with ids only (security.md: failed authorisation is logged)."""
    if not actor.can(action):
        log.warning("refused %s to user=%s: role", action, actor.user_id)
        raise PermissionDenied("Bạn không có quyền thực hiện thao tác này.")
    if unit_id is None or actor.sees_all_units(action):
        return
    if unit_id not in actor.scope:
        log.warning(
            "refused %s to user=%s on unit=%s: scope", action, actor.user_id, unit_id
        )
        raise PermissionDenied()


def visible_units(actor: Actor, action: str) -> frozenset[int] | None:
    """Units a list query may show; None means all units."""
    require(actor, action)
    return None if actor.sees_all_units(action) else actor.scope
