"""Who may do what, on which units: one policy table used by every service.

Roles (a user may hold several):
- system administrator: units, accounts, audit; does not read case files;
- unit administrator: accounts of their own unit and its sub-units;
- officer: enters and edits the cases of their unit and its sub-units;
- authority (người có thẩm quyền): signs decisions, within their ceiling;
- supervisor (Sở Tư pháp): reads every unit, reports, monitoring, feedback;
- viewer (leadership): dashboards and reports only.

The three roles that reach every unit (admin, supervisor, viewer) belong on a
province-level unit only: the province node or the Sở Tư pháp
(`province_level_unit`). Accounts refuses them elsewhere; an account that got one
elsewhere before that check keeps its own unit's scope (`reaches_all_units`).
The other roles on the province node act on the province node alone, not on
the units below it (`account_scope`): each unit sees only its own cases.
"""

import logging
from dataclasses import dataclass

from sqlalchemy import bindparam
from sqlmodel import Session, select

from xlvphc.models import Unit
from xlvphc.models.units import UnitKind
from xlvphc.services.errors import PermissionDenied

log = logging.getLogger(__name__)


class Role:
    ADMIN = "admin"
    UNIT_ADMIN = "unit_admin"
    OFFICER = "officer"
    AUTHORITY = "authority"
    SUPERVISOR = "supervisor"
    VIEWER = "viewer"

    LABELS = {
        ADMIN: "Quản trị hệ thống",
        UNIT_ADMIN: "Quản trị đơn vị",
        OFFICER: "Cán bộ nhập liệu",
        AUTHORITY: "Người có thẩm quyền xử phạt",
        SUPERVISOR: "Giám sát (Sở Tư pháp)",
        VIEWER: "Lãnh đạo (xem thống kê)",
    }


class Action:
    CASE_READ = "case.read"
    CASE_WRITE = "case.write"
    CASE_DELETE = "case.delete"
    CASE_PURGE = "case.purge"
    CASE_PRINT = "case.print"
    CASE_EXPORT = "case.export"
    CASE_IMPORT = "case.import"
    DECISION_SIGN = "decision.sign"
    CATALOGUE_READ = "catalogue.read"
    DASHBOARD_READ = "dashboard.read"
    REPORT_READ = "report.read"
    MONITOR_READ = "monitor.read"
    FEEDBACK_SEND = "feedback.send"
    FEEDBACK_MANAGE = "feedback.manage"
    ACCOUNT_MANAGE = "account.manage"
    UNIT_MANAGE = "unit.manage"
    AUDIT_READ = "audit.read"


_OFFICER = {
    Action.CASE_READ, Action.CASE_WRITE, Action.CASE_DELETE, Action.CASE_PRINT,
    Action.CASE_EXPORT, Action.CASE_IMPORT, Action.CATALOGUE_READ,
    Action.FEEDBACK_SEND,
}

# Role -> actions it allows.
POLICY: dict[str, frozenset[str]] = {
    Role.ADMIN: frozenset({
        Action.ACCOUNT_MANAGE, Action.UNIT_MANAGE, Action.AUDIT_READ,
        Action.CASE_PURGE, Action.CATALOGUE_READ, Action.FEEDBACK_SEND,
    }),
    Role.UNIT_ADMIN: frozenset({Action.ACCOUNT_MANAGE, Action.FEEDBACK_SEND}),
    Role.OFFICER: frozenset(_OFFICER),
    Role.AUTHORITY: frozenset(_OFFICER | {Action.DECISION_SIGN,
                                          Action.DASHBOARD_READ,
                                          Action.REPORT_READ}),
    Role.SUPERVISOR: frozenset({
        Action.CASE_READ, Action.CASE_PRINT, Action.CASE_EXPORT,
        Action.CATALOGUE_READ, Action.DASHBOARD_READ, Action.REPORT_READ,
        Action.MONITOR_READ, Action.FEEDBACK_SEND, Action.FEEDBACK_MANAGE,
        Action.AUDIT_READ,
    }),
    Role.VIEWER: frozenset({Action.DASHBOARD_READ, Action.REPORT_READ,
                            Action.FEEDBACK_SEND}),
}

# A unit administrator hands out only the roles that stay inside their units;
# province-wide roles (admin, supervisor, viewer) come from a system
# administrator, so nobody can raise themselves above their own scope.
GRANTABLE_BY_UNIT_ADMIN = frozenset({Role.OFFICER, Role.AUTHORITY, Role.UNIT_ADMIN})

# Roles whose reading reaches every unit; everyone else acts on their own unit
# and its sub-units only. They reach every unit only from a province-level
# unit (`province_level_unit`, `Actor.province_level`).
ALL_UNITS_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN, Role.VIEWER})

# Actions with no unit to scope them to: the unit tree, the progress of every
# unit (monitoring) and every unit's feedback. Only a province-level account
# may do them, whatever its roles say.
PROVINCE_ONLY_ACTIONS = frozenset(
    {Action.UNIT_MANAGE, Action.MONITOR_READ, Action.FEEDBACK_MANAGE}
)


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
    # The units the user acts on when no role reaches every unit: their unit
    # and its sub-units, the province node alone (`account_scope`).
    scope: frozenset[int]
    session_id: int | None = None
    # Whether the account's unit is at province level (`reaches_all_units`):
    # only then do the ALL_UNITS_ROLES reach every unit. False unless the
    # caller says so: a forgotten flag narrows, it never widens.
    province_level: bool = False

    def can(self, action: str) -> bool:
        if action in PROVINCE_ONLY_ACTIONS and not self.province_level:
            return False
        return any(action in POLICY.get(role, frozenset()) for role in self.roles)

    def sees_all_units(self, action: str) -> bool:
        """Every unit for this action: a role of ALL_UNITS_ROLES that allows
        it, held by an account of a province-level unit."""
        return self.province_level and any(
            role in ALL_UNITS_ROLES and action in POLICY.get(role, frozenset())
            for role in self.roles
        )

    def permissions(self) -> list[str]:
        held = {a for r in self.roles for a in POLICY.get(r, frozenset())}
        return sorted(a for a in held if self.can(a))


def grantable_roles(actor: Actor) -> frozenset[str]:
    """Roles this actor may give or take away."""
    if not actor.can(Action.ACCOUNT_MANAGE):
        return frozenset()
    if Role.ADMIN in actor.roles:
        return frozenset(POLICY)
    return GRANTABLE_BY_UNIT_ADMIN


def parse_roles(text: str) -> frozenset[str]:
    return frozenset(r for r in (text or "").split(",") if r in POLICY)


def province_level_unit(unit: Unit | None) -> bool:
    """Whether an account of this unit may hold a role that reaches every
    unit: the province node (provincial leadership, the system's
    administrators) or the Sở Tư pháp, the supervisor of the whole province
    (README, "Tài khoản"). A commune's committee or police, and any other
    department, act for their own unit only."""
    return unit is not None and (unit.kind == UnitKind.PROVINCE or unit.is_supervisor)


# Users already warned about in this process: the check runs on every event.
_warned_users: set[int] = set()


def reaches_all_units(user_id: int, roles: frozenset[str], unit: Unit | None) -> bool:
    """`Actor.province_level` for an account.

    Defence in depth: an account given a province-wide role on a commune or
    department unit before `services.accounts` refused that combination
    (user trial: a "Giám sát" of a commune's committee read every unit's
    cases) does not reach every unit. It keeps its role, within its own unit
    and sub-units, and the province-only actions are refused. A warning with
    the account id (no personal data) tells the administrators to fix it.
    """
    if province_level_unit(unit):
        return True
    if roles & ALL_UNITS_ROLES and user_id not in _warned_users:
        _warned_users.add(user_id)
        log.warning(
            "user=%s holds a province-wide role on unit=%s below the province: "
            "scoped to its own unit",
            user_id,
            unit.id if unit is not None else None,
        )
    return False


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


# A unit and its branch, walked down by the database (UNION, not UNION ALL:
# a loop in the tree ends instead of running forever).
_branch = (
    select(Unit.__table__.c.id)
    .where(Unit.__table__.c.id == bindparam("unit_id"))
    .cte("branch", recursive=True)
)
_branch = _branch.union(
    select(Unit.__table__.c.id).join(
        _branch, Unit.__table__.c.parent_id == _branch.c.id
    )
)
_BRANCH = select(_branch.c.id)


def known_unit_scope(session: Session, unit_id: int) -> frozenset[int]:
    """`unit_scope`, empty when there is no such unit. The database sends
    the unit's branch only (parent_id index), not the whole tree: a filter's
    unit is resolved on every dashboard or report read. Reads the database
    as it stands: changes pending in the session are not flushed first."""
    found = session.connection().execute(_BRANCH, {"unit_id": unit_id})
    return frozenset(found.scalars().all())


def account_scope(session: Session, unit: Unit | None, unit_id: int) -> frozenset[int]:
    """`Actor.scope` of an account of `unit` (id `unit_id`): the units its
    ordinary roles (officer, authority, unit admin) act on.

    Each unit sees only its own cases (product decision). A unit's branch
    is still its own: a commune's committee, a department and any unit an
    administrator creates under them (units.create_unit) keep their
    sub-units. The province node is the exception: it is the unit of the
    UBND tỉnh and its Chủ tịch, and its accounts handle the cases decided at
    province level, not every department's and commune's below it (the
    whole tree gave a plain officer of the province node every unit's cases,
    with names and ID numbers, to read and edit). Reading across units is
    what the supervisor and viewer roles are for, and a system administrator
    manages every unit's accounts: those reach every unit through
    `Actor.sees_all_units`, whatever this scope says.
    """
    if unit is not None and unit.kind == UnitKind.PROVINCE:
        return frozenset({unit_id})
    return known_unit_scope(session, unit_id) or frozenset({unit_id})


def in_scope(actor: Actor, action: str, unit_id: int) -> bool:
    """Whether the unit lies within what the actor may do `action` on (the
    role itself is `Actor.can`): the scope decision of `require`, asked
    alone by services.case_refusals to tell a refusal by scope from one by
    role."""
    return actor.sees_all_units(action) or unit_id in actor.scope


def require(actor: Actor, action: str, unit_id: int | None = None) -> None:
    """Refuse unless the role allows the action on that unit. Refusals are
    logged with ids only (security.md: failed authorisation is logged)."""
    if not actor.can(action):
        log.warning("refused %s to user=%s: role", action, actor.user_id)
        raise PermissionDenied("Bạn không có quyền thực hiện thao tác này.")
    if unit_id is not None and not in_scope(actor, action, unit_id):
        log.warning(
            "refused %s to user=%s on unit=%s: scope", action, actor.user_id, unit_id
        )
        raise PermissionDenied()


def visible_units(actor: Actor, action: str) -> frozenset[int] | None:
    """Units a list query may show; None means all units."""
    require(actor, action)
    return None if actor.sees_all_units(action) else actor.scope
