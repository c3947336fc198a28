"""Aggregates for the dashboard, computed in SQL (GROUP BY), never by looping
over case rows in Python: each chart gets a few dozen points.

Supervisors and leadership see the whole province; a unit's leaders (the
authority role) see their unit and its sub-units only (services/access.py).
"""

import calendar
import logging
from dataclasses import replace
from datetime import date
from urllib.parse import urlencode

from sqlalchemy import and_, case, func, not_
from sqlmodel import select

from xlvphc.models import Case, CaseAct, Unit
from xlvphc.models.base import local_now
from xlvphc.models.cases import CaseStatus, CloseReason, ViolatorKind
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.db import get_engine, session_scope
from xlvphc.services.reports import scope as scopes

log = logging.getLogger(__name__)

MAX_UNITS = 200
TOP_ACTS = 10
CASE_LIST = "/ho-so"  # routes.CASES; services do not import the UI layer

# Enforcement status of decided cases.
ENFORCEMENT = [
    ("executed", "Đã chấp hành xong"),
    ("in_progress", "Đang thi hành"),
    (CaseStatus.POSTPONED, "Hoãn thi hành"),
    ("reduced", "Giảm, miễn tiền phạt"),
    (CaseStatus.COERCING, "Bị cưỡng chế"),
    ("complained", "Bị khiếu nại, khởi kiện"),
    ("overdue", "Quá hạn chấp hành"),
]


# The case-list filter that lists exactly the cases of a status bar. Statuses
# the list cannot filter yet get no link (a click must never open a wider list
# than the bar counts).
# TODO: executed, in progress, reduced and complained need list filters
# (close reason, reduced_total > 0, complained) before their bars can open.
STATUS_LINKS = {
    CaseStatus.POSTPONED: {"status": CaseStatus.POSTPONED},
    CaseStatus.COERCING: {"status": CaseStatus.COERCING},
    "overdue": {"overdue": "1"},
}


def _month(column):
    if get_engine().dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def _count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def status_conditions(today) -> dict:
    """SQL conditions for each enforcement status, as of `today`.

    Overdue: the compliance deadline (Law Art. 73: 10 days from receipt, or
    the decision's own term) has passed and the case is still open and not
    postponed (Art. 76 suspends it)."""
    decided = Case.decided_on.is_not(None)
    open_ = Case.status.notin_([CaseStatus.CLOSED, CaseStatus.TRANSFERRED])
    overdue = and_(
        decided,
        open_,
        Case.status != CaseStatus.POSTPONED,
        Case.compliance_due.is_not(None),
        Case.compliance_due < today,
    )
    return {
        "executed": and_(
            Case.status == CaseStatus.CLOSED, Case.close_reason == CloseReason.EXECUTED
        ),
        "in_progress": and_(
            decided,
            Case.status.in_([CaseStatus.DECIDED, CaseStatus.EXECUTING]),
            not_(overdue),
        ),
        CaseStatus.POSTPONED: Case.status == CaseStatus.POSTPONED,
        "reduced": and_(decided, Case.reduced_total > 0),
        CaseStatus.COERCING: Case.status == CaseStatus.COERCING,
        "complained": and_(decided, Case.complained.is_(True)),
        "overdue": overdue,
    }


def case_list_link(scope: scopes.Scope, **extra: object) -> str:
    """The case list filtered like the clicked bar (the list reads its
    filters from the URL: unit, field, status, overdue, v_from, v_to)."""
    params = scope.list_params()
    params.update({k: str(v) for k, v in extra.items() if v not in (None, "")})
    return f"{CASE_LIST}?{urlencode(params)}" if params else CASE_LIST


def month_link(scope: scopes.Scope, month: str) -> str:
    """The case list for one "YYYY-MM" bar, kept inside the chosen period."""
    try:
        year, number = (int(x) for x in month.split("-"))
        first = date(year, number, 1)
    except ValueError:
        return case_list_link(scope)
    last = date(year, number, calendar.monthrange(year, number)[1])
    if scope.date_from and scope.date_from > first:
        first = scope.date_from
    if scope.date_to and scope.date_to < last:
        last = scope.date_to
    narrowed = replace(scope, date_from=first, date_to=last)
    return case_list_link(narrowed)


def filter_choices(actor: Actor) -> dict:
    """Fields and units the filter boxes offer, within the actor's scope."""
    require(actor, Action.DASHBOARD_READ)
    with session_scope() as session:
        fields = list(
            session.exec(
                select(Case.field)
                .where(Case.deleted_at.is_(None))
                .distinct()
                .order_by(Case.field)
            )
        )
        units = scopes.unit_choices(session, actor, Action.DASHBOARD_READ)
    return {"fields": fields, "units": units}


def field_choices(actor: Actor) -> list[str]:
    return filter_choices(actor)["fields"]


def summary(actor: Actor, filters: object = None) -> dict:
    """Every figure of the dashboard for the chosen period, units and field.
    Cases are counted by violation date, as the case list filters them, so a
    click on a bar lands on the same number of cases."""
    today = local_now().date()
    with session_scope() as session:
        scope = scopes.resolve(session, actor, Action.DASHBOARD_READ, filters, today)
        where = scopes.case_conditions(scope)
        count = func.count(Case.id)
        fines = func.coalesce(func.sum(Case.fine_total), 0)
        paid = func.coalesce(func.sum(Case.paid_total), 0)
        status = status_conditions(today)

        def units_joined(stmt):
            """Join the unit table only when a group filter reads it: a join
            over every case costs a second lookup per row."""
            if scope.group:
                return stmt.join(Unit, Unit.id == Case.unit_id)
            return stmt

        # Cases, fines imposed and collected: by unit, field and month.
        by_unit = session.exec(
            select(Unit.id, Unit.name, count, fines, paid, _count_if(status["overdue"]))
            .join(Unit, Unit.id == Case.unit_id)
            .where(*where)
            .group_by(Unit.id, Unit.name)
            .order_by(count.desc(), Unit.name)
            .limit(MAX_UNITS)
        ).all()
        by_field = session.exec(
            units_joined(select(Case.field, count, fines, paid))
            .where(*where)
            .group_by(Case.field)
            .order_by(count.desc())
        ).all()
        month = _month(Case.violation_date)
        by_month = session.exec(
            units_joined(select(month, count, fines, paid))
            .where(*where)
            .group_by(month)
            .order_by(month)
        ).all()

        # Totals, violators by kind and enforcement status in one pass.
        decided = Case.decided_on.is_not(None)
        columns = [
            count,
            fines,
            paid,
            _count_if(decided),
            _count_if(Case.violator_kind == ViolatorKind.INDIVIDUAL),
            _count_if(Case.violator_kind == ViolatorKind.ORGANISATION),
        ]
        columns += [_count_if(status[code]) for code, _ in ENFORCEMENT]
        totals = session.exec(
            units_joined(select(*columns).select_from(Case)).where(*where)
        ).one()

        # The acts most often recorded.
        # A case lists an act once: counting rows counts cases, without the
        # cost of COUNT(DISTINCT) over every act of the period.
        acts = func.count(CaseAct.id)
        top_stmt = (
            select(
                CaseAct.decree,
                CaseAct.article,
                CaseAct.clause,
                CaseAct.point,
                func.min(CaseAct.act),
                acts,
            )
            .select_from(CaseAct)
            .join(Case, Case.id == CaseAct.case_id)
        )
        top = session.exec(
            units_joined(top_stmt)
            .where(*where)
            .group_by(CaseAct.decree, CaseAct.article, CaseAct.clause, CaseAct.point)
            .order_by(acts.desc(), CaseAct.article, CaseAct.clause)
            .limit(TOP_ACTS)
        ).all()

    t = [int(v or 0) for v in totals]
    log.info("user=%s read dashboard (%s cases)", actor.user_id, t[0])
    return {
        "label": scope.label,
        "cases": t[0],
        "fines": t[1],
        "collected": t[2],
        "decided": t[3],
        "individuals": t[4],
        "organisations": t[5],
        "enforcement": [
            {
                "code": code,
                "label": label,
                "count": t[6 + i],
                "link": case_list_link(scope, **STATUS_LINKS[code])
                if code in STATUS_LINKS
                else "",
            }
            for i, (code, label) in enumerate(ENFORCEMENT)
        ],
        "by_unit": [(n, int(c), int(s)) for _, n, c, s, _, _ in by_unit],
        "units": [
            {
                "id": uid,
                "name": n,
                "cases": int(c),
                "fines": int(s),
                "collected": int(p),
                "overdue": int(o),
                "link": case_list_link(scope, unit=uid),
                "overdue_link": case_list_link(scope, unit=uid, overdue="1"),
            }
            for uid, n, c, s, p, o in by_unit
        ],
        "by_field": [(n, int(c), int(s)) for n, c, s, _ in by_field],
        "fields": [
            {
                "name": n,
                "cases": int(c),
                "fines": int(s),
                "collected": int(p),
                "link": case_list_link(scope, field=n),
            }
            for n, c, s, p in by_field
        ],
        "by_month": [(m, int(c), int(s)) for m, c, s, _ in by_month if m],
        "months": [
            {
                "month": m,
                "cases": int(c),
                "fines": int(s),
                "collected": int(p),
                "link": month_link(scope, m),
            }
            for m, c, s, p in by_month
            if m
        ],
        "top_acts": [
            {
                "citation": (
                    f"Điểm {p} khoản {cl} Điều {a} NĐ {d}"
                    if p
                    else f"Khoản {cl} Điều {a} NĐ {d}"
                ),
                "act": text,
                "cases": int(n),
            }
            for d, a, cl, p, text, n in top
        ],
        "list_link": case_list_link(scope),
    }
