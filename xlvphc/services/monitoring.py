"""Trial-run monitoring for the Department of Justice: how far each unit has
got — accounts issued, first logins, passwords changed, cases entered this
week and in all, last activity — so that units that have not started can be
called. Counted in SQL per unit, then joined to the list of units."""

import logging
from datetime import datetime, time, timedelta

from sqlalchemy import case, func
from sqlmodel import select

from xlvphc.domain.dates import fmt_datetime
from xlvphc.domain.text import clean, sort_key
from xlvphc.models import Case, Unit, User, UserSession
from xlvphc.models.base import VN_TZ, local_now, to_local
from xlvphc.models.units import UnitKind
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.db import session_scope
from xlvphc.services.reports.scope import GROUPS, group_condition

log = logging.getLogger(__name__)

SANCTIONING_KINDS = [
    UnitKind.DEPARTMENT,
    UnitKind.COMMUNE_COMMITTEE,
    UnitKind.COMMUNE_POLICE,
]


class Progress:
    """Where a unit stands; the first three are "not started"."""

    NO_ACCOUNT = "no_account"
    NO_LOGIN = "no_login"
    NO_CASE = "no_case"
    STARTED = "started"

    LABELS = {
        NO_ACCOUNT: "Chưa cấp tài khoản",
        NO_LOGIN: "Chưa đăng nhập",
        NO_CASE: "Chưa nhập hồ sơ",
        STARTED: "Đã triển khai",
    }


def _count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def week_start(now: datetime) -> datetime:
    """Monday 00:00 Vietnam time of the current week, as an aware datetime."""
    monday = now.date() - timedelta(days=now.weekday())
    return datetime.combine(monday, time(0, 0), tzinfo=VN_TZ)


# As the other lists: 224 units on one page made a 25,000-pixel phone page.
PAGE_SIZE = 20

# Sortable columns: the key a heading sends -> what a row sorts by, as the
# case list sorts (case_queries.SORTS). The key comes from the browser: any
# other keeps the default order, stage then name. A unit never active sorts
# before every moment.
_NEVER = float("-inf")
SORTS = {
    "unit": lambda r, last: sort_key(r["unit"]),
    "progress": lambda r, last: list(Progress.LABELS).index(r["progress_code"]),
    "accounts": lambda r, last: r["accounts"],
    "logged_in": lambda r, last: r["logged_in"],
    "changed_password": lambda r, last: r["changed_password"],
    "cases_week": lambda r, last: r["cases_week"],
    "cases_total": lambda r, last: r["cases_total"],
    "last_activity": lambda r, last: last.timestamp() if last else _NEVER,
}


def _sort_of(filters: dict) -> tuple[str, bool]:
    """The allow-listed sort key ("" for the default order) and whether it
    runs descending."""
    key = clean(filters.get("sort"))
    if key not in SORTS:
        return "", False
    return key, clean(filters.get("dir")) == "desc"


def unit_progress(actor: Actor, filters: object = None, page: object = None) -> dict:
    """One row per sanctioning unit, the units not started first: all of
    them, or page `page` of PAGE_SIZE (the page's state keeps one page)."""
    require(actor, Action.MONITOR_READ)
    f = filters if isinstance(filters, dict) else {}
    group = clean(f.get("group"))
    only_waiting = clean(f.get("only")) == "waiting"
    now = local_now()
    since = week_start(now)
    with session_scope() as session:
        units_stmt = select(Unit.id, Unit.name, Unit.kind).where(
            Unit.active.is_(True), Unit.kind.in_(SANCTIONING_KINDS)
        )
        condition = group_condition(group) if group in GROUPS else None
        if condition is not None:
            units_stmt = units_stmt.where(condition)
        units = session.exec(units_stmt).all()
        accounts = {
            uid: (int(n), int(logged), int(changed), last)
            for uid, n, logged, changed, last in session.exec(
                select(
                    User.unit_id,
                    func.count(User.id),
                    _count_if(User.last_login_at.is_not(None)),
                    _count_if(User.must_change_password.is_(False)),
                    func.max(User.last_login_at),
                )
                .where(User.active.is_(True))
                .group_by(User.unit_id)
            ).all()
        }
        seen = dict(
            session.exec(
                select(User.unit_id, func.max(UserSession.last_seen_at))
                .join(User, User.id == UserSession.user_id)
                .group_by(User.unit_id)
            ).all()
        )
        cases = {
            uid: (int(total), int(week), last)
            for uid, total, week, last in session.exec(
                select(
                    Case.unit_id,
                    func.count(Case.id),
                    _count_if(Case.created_at >= since),
                    func.max(Case.updated_at),
                )
                .where(Case.deleted_at.is_(None))
                .group_by(Case.unit_id)
            ).all()
        }

    rows, lasts = [], {}
    for uid, name, kind in units:
        issued, logged, changed, last_login = accounts.get(uid, (0, 0, 0, None))
        total, week, last_case = cases.get(uid, (0, 0, None))
        moments = [to_local(m) for m in (last_login, seen.get(uid), last_case) if m]
        last = lasts[uid] = max(moments) if moments else None
        if not issued:
            progress = Progress.NO_ACCOUNT
        elif not logged:
            progress = Progress.NO_LOGIN
        elif not total:
            progress = Progress.NO_CASE
        else:
            progress = Progress.STARTED
        rows.append(
            {
                "unit_id": uid,
                "unit": name,
                "kind": UnitKind.LABELS.get(kind, kind),
                "accounts": issued,
                "logged_in": logged,
                "changed_password": changed,
                "cases_week": week,
                "cases_total": total,
                "last_activity": fmt_datetime(last) if last else "—",
                "progress": Progress.LABELS[progress],
                "progress_code": progress,
                "waiting": progress != Progress.STARTED,
            }
        )
    # Within a stage, names in Vietnamese order, as the unit pickers list them
    # (units.choice_key): by code point "Đông Hòa" came after every "Ea …".
    order = list(Progress.LABELS)
    rows.sort(key=lambda r: (order.index(r["progress_code"]), sort_key(r["unit"])))
    # A chosen column on top of it: the sort is stable, so units alike in
    # that column keep the default order (reversed or not).
    key, descending = _sort_of(f)
    if key:
        rows.sort(
            key=lambda r: SORTS[key](r, lasts[r["unit_id"]]), reverse=descending
        )
    summary = {
        "units": len(rows),
        "started": sum(1 for r in rows if not r["waiting"]),
        "accounts": sum(r["accounts"] for r in rows),
        "cases_week": sum(r["cases_week"] for r in rows),
        "cases_total": sum(r["cases_total"] for r in rows),
        "week_from": since.strftime("%d/%m/%Y"),
    }
    if only_waiting:
        rows = [r for r in rows if r["waiting"]]
    log.info("user=%s read monitoring (%s units)", actor.user_id, len(rows))
    total = len(rows)
    pages = max(1, -(-total // PAGE_SIZE))
    if page is None:
        return {"rows": rows, "summary": summary, "total": total, "page": 1,
                "pages": 1}
    page_no = min(page if isinstance(page, int) and page >= 1 else 1, pages)
    start = (page_no - 1) * PAGE_SIZE
    return {
        "rows": rows[start : start + PAGE_SIZE],
        "summary": summary,
        "total": total,
        "page": page_no,
        "pages": pages,
    }
