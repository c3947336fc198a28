"""Aggregates for the dashboard, read from the summary tables (models/summary.py,
kept by triggers: services/case_summary.py) so that a view adds up a few
thousand bucket rows instead of scanning every case: each chart gets a few
dozen points.

A bucket is one unit (or the whole province), field and violation month or
year. A period reads its whole years from year rows, its other whole months
from month rows, and the days at its edges, when it starts or ends inside a
month, from the case table (an indexed date range of at most two partial
months). "Overdue" depends on today's date: the summary counts the open
decisions that have a deadline, and a live query on the late_after index
takes away those whose deadline is still to come (a few recent decisions;
late_after is the earliest deadline still running for what a decision owes,
the remedial measure's included: services/enforcement.py).

Supervisors and leadership see the whole province; a unit's leaders (the
authority role) see their unit and its sub-units only (services/access.py).
"""

import calendar
import functools
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlencode

from sqlalchemy import and_, bindparam, case, false, func, or_, tuple_
from sqlalchemy.sql import Select
from sqlmodel import Session, select

from xlvphc.domain.dates import fmt_date
from xlvphc.models import (
    ActSummary,
    Case,
    CaseAct,
    CaseSummary,
    CatalogueEntry,
    ProcedureStep,
    Unit,
)
from xlvphc.models.base import local_now
from xlvphc.models.summary import PROVINCE
from xlvphc.services import case_summary, enforcement
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.db import session_scope
from xlvphc.services.importer import shown
from xlvphc.services.reports import scope as scopes

log = logging.getLogger(__name__)

MAX_UNITS = 200
TOP_ACTS = 10
CASE_LIST = "/ho-so"  # routes.CASES; services do not import the UI layer

# Enforcement status of decided cases, in the bar's order.
ENFORCEMENT = list(enforcement.LABELS.items())
MEASURES = case_summary.MEASURES
MONEY = ("cases", "fines", "collected")
BY_UNIT = (*MONEY, "late")
UNIT_COLUMNS = [MEASURES.index(name) for name in BY_UNIT]
LATE = BY_UNIT.index("late")
NO_YEAR = case_summary.NO_YEAR


def status_conditions(today: date) -> dict:
    """SQL conditions for each enforcement status, as of `today` (see
    services/enforcement.py)."""
    return enforcement.conditions(today)


def _params(scope: scopes.Scope) -> dict[str, str]:
    params = scope.list_params()
    if scope.group:
        params["group"] = scope.group
    return params


def case_list_link(scope: scopes.Scope, **extra: object) -> str:
    """The case list filtered like the clicked bar (the list reads its
    filters from the URL: unit, group, field, enforcement, v_from, v_to)."""
    params = _params(scope)
    params.update({k: str(v) for k, v in extra.items() if v not in (None, "")})
    return f"{CASE_LIST}?{urlencode(params)}" if params else CASE_LIST


def _no_link(*_args: object, **_kwargs: object) -> str:
    """The link of every bar for a role that may not read the case list:
    none (the chart's click then opens nothing: state/dashboard.pick_link)."""
    return ""


def _linker(scope: scopes.Scope, *replaced: str):
    """A faster case_list_link(scope, …) for the many bars of one view: the
    scope's part is encoded once; `replaced` are the keys the bars set."""
    params = {k: v for k, v in _params(scope).items() if k not in replaced}
    base = urlencode(params)
    prefix = f"{CASE_LIST}?{base}&" if base else f"{CASE_LIST}?"
    return lambda **extra: prefix + urlencode(extra)


def _unit_linker(scope: scopes.Scope):
    """The links of the unit bars (hundreds of them): an id needs no
    encoding."""
    prefix = _linker(scope, "unit")(unit="")
    overdue = urlencode({"enforcement": enforcement.OVERDUE})
    return (
        lambda unit_id: f"{prefix}{unit_id}",
        lambda unit_id: f"{prefix}{unit_id}&{overdue}",
    )


@functools.lru_cache(maxsize=1024)
def _month_span(month: int) -> str:
    """The v_from/v_to part of a whole "yyyymm" month's link: it depends on
    the month only, so the hundred-odd bars of an all-years view do not each
    format and encode two dates on every read."""
    year, number = divmod(month, 100)
    first = date(year, number, 1)
    return urlencode({"v_from": fmt_date(first), "v_to": fmt_date(_month_end(first))})


def _month_links(scope: scopes.Scope, months: list[int]) -> dict[int, str]:
    """The case list of each "yyyymm" bar, kept inside the chosen period:
    only the months of the period's first and last day can be cut."""
    link = _linker(scope, "v_from", "v_to")
    prefix = link()
    cut = {_ym(d) for d in (scope.date_from, scope.date_to) if d}
    out = {}
    for month in months:
        if month not in cut:
            out[month] = prefix + _month_span(month)
            continue
        year, number = divmod(month, 100)
        first = date(year, number, 1)
        last = _month_end(first)
        if scope.date_from and scope.date_from > first:
            first = scope.date_from
        if scope.date_to and scope.date_to < last:
            last = scope.date_to
        out[month] = link(v_from=fmt_date(first), v_to=fmt_date(last))
    return out


def filter_choices(actor: Actor) -> dict:
    """Fields and units the filter boxes offer, within the actor's scope, and
    for each unit group the ids of its units among them: the Đơn vị box
    offers only the chosen group's units (user trial: a commune committee
    picked under «Công an» gave zeros without a word); `group_choices`, the
    groups that have any."""
    require(actor, Action.DASHBOARD_READ)
    with session_scope() as session:
        case_summary.ensure(session.connection())
        fields = list(
            session.exec(
                select(CaseSummary.field)
                .where(
                    CaseSummary.unit_id == PROVINCE,
                    CaseSummary.period.between(NO_YEAR, 9999),
                    CaseSummary.cases > 0,
                )
                .distinct()
                .order_by(CaseSummary.field)
            )
        )
        units = scopes.unit_choices(session, actor, Action.DASHBOARD_READ)
        groups = _group_members(session, [int(u["id"]) for u in units])
    return {
        "fields": fields,
        "units": units,
        "groups": groups,
        "group_choices": group_choices(groups),
    }


def group_choices(groups: dict[str, list[str]]) -> list[dict]:
    """The Nhóm đơn vị box's options, as {id, name}: only the groups with a
    unit the actor may see (a commune's leader was offered «Sở, ban, ngành»,
    which showed an empty Đơn vị box and zeros). A group sent anyway still
    counts the actor's own units only (scopes.resolve)."""
    return [
        {"id": key, "name": label}
        for key, label in scopes.GROUPS.items()
        if groups.get(key)
    ]


def _group_members(session: Session, unit_ids: list[int]) -> dict[str, list[str]]:
    """The ids (as the boxes send them) of each group's units among
    `unit_ids`, in the order given."""
    out = {}
    for group in scopes.GROUPS:
        members = set(
            session.exec(
                select(Unit.id).where(
                    Unit.id.in_(unit_ids), scopes.group_condition(group)
                )
            )
        )
        out[group] = [str(i) for i in unit_ids if i in members]
    return out


def field_choices(actor: Actor) -> list[str]:
    return filter_choices(actor)["fields"]


# ------------------------------------------------------------------ periods


def _ym(day: date) -> int:
    return day.year * 100 + day.month


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


@dataclass(frozen=True)
class Split:
    """How a period is read. `periods`: (first, last) ranges of summary
    periods — whole years (yyyy) and whole months (yyyymm) — that together
    cover the period once; `months`: the (first, last) month rows for the
    by-month chart; `edges`: partial months, as day ranges, read live."""

    periods: tuple[tuple[int, int], ...]
    months: tuple[int, int] | None
    edges: tuple[tuple[date, date], ...]


# Every year row, and the year of the cases without a violation date.
ALL_TIME = Split(((NO_YEAR, NO_YEAR), (1, 9999)), (100001, 999999), ())


def split_period(start: date | None, end: date | None) -> Split:
    """Without any bound every year counts, cases without a violation date
    included (year -1); with a bound they never match, as in the list."""
    if start is None and end is None:
        return ALL_TIME
    edges: list[tuple[date, date]] = []
    if start is not None and end is not None and _ym(start) == _ym(end):
        if start.day == 1 and end == _month_end(end):
            return Split(((_ym(start), _ym(start)),), (_ym(start), _ym(start)), ())
        return Split((), None, ((start, end),))
    low, high = 100001, 999999  # whole months, from the first to the last
    if start is not None:
        if start.day == 1:
            low = _ym(start)
        else:
            edges.append((start, _month_end(start)))
            low = _ym(_month_end(start) + timedelta(days=1))
    if end is not None:
        if end == _month_end(end):
            high = _ym(end)
        else:
            edges.append((_month_start(end), end))
            high = _ym(_month_start(end) - timedelta(days=1))
    if low > high:
        return Split((), None, tuple(edges))
    # Whole years inside [low, high] are read from year rows.
    first_year = low // 100 if low % 100 == 1 else low // 100 + 1
    last_year = high // 100 if high % 100 == 12 else high // 100 - 1
    if start is None:
        first_year = 1
    if end is None:
        last_year = 9999
    if first_year > last_year:
        return Split(((low, high),), (low, high), tuple(edges))
    periods = [(first_year, last_year)]
    if start is not None and low < first_year * 100 + 1:
        periods.insert(0, (low, (first_year - 1) * 100 + 12))
    if end is not None and high > last_year * 100 + 12:
        periods.append(((last_year + 1) * 100 + 1, high))
    return Split(tuple(periods), (low, high), tuple(edges))


# ------------------------------------------------------------------ reading


class Figures:
    """The sums of one view, merged from summary rows and live edges. Each
    value is a list of sums in the order of its names (MEASURES for the
    totals, BY_UNIT for a unit, MONEY for a field or a month). `acts` holds
    every cited act, or only the TOP_ACTS most cited when the period has no
    live edges (the database ranks them: see `plan`). `names`: the units'
    names, and `texts` the catalogue's wording of the acts, as far as the
    summary reads brought them."""

    def __init__(self) -> None:
        self.total = [0] * len(MEASURES)
        self.units: dict[int, list[int]] = {}
        self.names: dict[int, str] = {}
        self.texts: dict[tuple, str] = {}
        self.fields: dict[str, list[int]] = {}
        self.months: dict[int, list[int]] = {}
        self.acts: dict[tuple, int] = defaultdict(int)
        self.not_yet_due: dict[int, int] = defaultdict(int)
        self.not_yet_due_running = 0
        # Decisions postponed or coerced that have left that stage since
        # (enforcement.left_stage), by status code.
        self.left_stage: dict[str, int] = defaultdict(int)

    @staticmethod
    def add(into: dict, key, values) -> None:
        found = into.get(key)
        if found is None:
            into[key] = [int(v or 0) for v in values]
        else:
            for i, value in enumerate(values):
                found[i] += int(value or 0)

    def add_total(self, values) -> None:
        for i, value in enumerate(values):
            self.total[i] += int(value or 0)

    def add_live(self, month: int, rows) -> None:
        """The sums of one live edge: `rows` are (unit, field, *MEASURES)
        groups, a thousand or so at a million cases. The totals and the
        month's sums are column sums (C loops, not one Python call per row
        and measure); each row then adds its four unit and three field
        figures. This loop was a quarter of the view's time."""
        if not rows:
            return
        columns = list(zip(*rows))
        sums = [int(sum(filter(None, column))) for column in columns[2:]]
        self.add_total(sums)
        self.add(self.months, month, sums[:3])
        units, fields = self.units, self.fields
        for unit_id, field, n, fines, collected, late in zip(
            columns[0], columns[1], *[columns[2 + i] for i in UNIT_COLUMNS]
        ):
            n, fines, collected = int(n), int(fines or 0), int(collected or 0)
            found = units.get(unit_id)
            if found is None:
                units[unit_id] = [n, fines, collected, int(late or 0)]
            else:
                found[0] += n
                found[1] += fines
                found[2] += collected
                found[3] += int(late or 0)
            found = fields.get(field)
            if found is None:
                fields[field] = [n, fines, collected]
            else:
                found[0] += n
                found[1] += fines
                found[2] += collected

    def totals(self) -> dict:
        return dict(zip(MEASURES, self.total, strict=True))

    def overdue(self, unit_id: int) -> int:
        return self.units[unit_id][LATE] - self.not_yet_due.get(unit_id, 0)


def _unit_conditions(unit_column, scope: scopes.Scope) -> list:
    out = []
    if scope.units is not None:
        out.append(unit_column.in_(scope.units) if scope.units else false())
    group = scopes.group_condition(scope.group)
    if group is not None:
        out.append(unit_column.in_(select(Unit.id).where(group)))
    return out


def _province(scope: scopes.Scope) -> bool:
    """Every unit: the province rows (unit 0) answer."""
    return scope.units is None and not scope.group


def _rows(table, scope: scopes.Scope, ranges, province: bool) -> list:
    """Conditions on summary rows: the units (or the province rows), the
    field, and periods within any of the ranges."""
    t = table.__table__.c
    if province:
        out = [t.unit_id == PROVINCE]
    else:
        out = [t.unit_id != PROVINCE, *_unit_conditions(t.unit_id, scope)]
    if scope.field:
        out.append(t.field == scope.field)
    out.append(or_(*[t.period.between(lo, hi) for lo, hi in ranges]))
    return out


def _case_conditions(scope: scopes.Scope, low: date | None, high: date | None):
    c = Case.__table__.c
    where = [c.deleted_at.is_(None), *_unit_conditions(c.unit_id, scope)]
    if scope.field:
        where.append(c.field == scope.field)
    if low:
        where.append(c.violation_date >= low)
    if high:
        where.append(c.violation_date <= high)
    return where


_CITED = (
    CatalogueEntry.decree,
    CatalogueEntry.article,
    CatalogueEntry.clause,
    CatalogueEntry.point,
)


@dataclass(frozen=True)
class Plan:
    """The statements of one view (None: the period needs no such read).
    `edges`: (first day, sums by unit and field, acts) of each partial
    month, read live from the case table. `ranked`: `acts` gives only the
    top acts, each with the catalogue's wording."""

    by_unit: Select | None
    fields: Select | None
    acts: Select | None
    ranked: bool
    months: Select | None
    edges: tuple[tuple[date, Select, Select], ...]
    not_yet_due: Select
    left_stage: Select


def _act_order(column, sqlite: bool):
    """Python's order of str (code points) in ORDER BY: SQLite compares
    UTF-8 bytes, which is that order; PostgreSQL needs the "C" collation."""
    return column if sqlite else column.collate("C")


@functools.lru_cache(maxsize=128)
def plan(scope: scopes.Scope, today: date, sqlite: bool) -> Plan:
    """Every statement of a view, built once per process for each scope.

    Building a dozen Core statements and their SQLAlchemy cache keys cost
    about as much Python time as PostgreSQL took to answer them, and the
    same few views (the default one above all) are read again and again.
    A plan holds SQL only, never a figure: every read runs it again."""
    t = CaseSummary.__table__.c
    a = ActSummary.__table__.c
    c = Case.__table__.c
    citation = [a[n] for n in case_summary.CITATION]
    split = split_period(scope.date_from, scope.date_to)
    province = _province(scope)
    by_unit = fields = acts = months = None
    if split.periods:
        units = _rows(CaseSummary, scope, split.periods, False)
        chosen = _rows(CaseSummary, scope, split.periods, province)
        # The units' names come with their sums (a join of the few hundred
        # grouped rows) rather than in a read of the whole unit table.
        grouped = (
            select(t.unit_id, *[func.sum(t[name]).label(name) for name in BY_UNIT])
            .where(*units)
            .group_by(t.unit_id)
            .subquery()
        )
        by_unit = select(
            grouped.c.unit_id, Unit.name, *[grouped.c[name] for name in BY_UNIT]
        ).outerjoin(Unit, Unit.id == grouped.c.unit_id)
        # Every measure by field: their sum is the total (one read less).
        fields = (
            select(t.field, *[func.sum(t[name]) for name in MEASURES])
            .where(*chosen)
            .group_by(t.field)
        )
        n = func.sum(a.cases).label("cited")
        acts = (
            select(*citation, n)
            .where(*_rows(ActSummary, scope, split.periods, province))
            .group_by(*citation)
        )
        if not split.edges:
            # Nothing to add from live rows: the database ranks the acts as
            # `summary` does (most cited, then article, clause, point,
            # decree) and sends the top ones, with their wording, instead
            # of every cited act and then a read of the catalogue.
            top = (
                acts.having(n > 0)
                .order_by(
                    n.desc(),
                    a.article,
                    a.clause,
                    _act_order(a.point, sqlite),
                    _act_order(a.decree, sqlite),
                )
                .limit(TOP_ACTS)
                .subquery()
            )
            key = [top.c[name] for name in case_summary.CITATION]
            wording = (
                select(CatalogueEntry.act)
                .where(*[c == k for c, k in zip(_CITED, key, strict=True)])
                .order_by(CatalogueEntry.id.desc())
                .limit(1)
                .scalar_subquery()
            )
            acts = select(*key, top.c.cited, wording)
    if split.months:
        months = (
            select(t.period, *[func.sum(t[name]) for name in MONEY])
            .where(*_rows(CaseSummary, scope, [split.months], province))
            .group_by(t.period)
        )
    edges = []
    measures = [func.sum(v) for v in case_summary.measures(c).values()]
    case_acts = [CaseAct.__table__.c[n] for n in case_summary.CITATION]
    joined = CaseAct.__table__.join(Case.__table__, c.id == CaseAct.__table__.c.case_id)
    for low, high in split.edges:
        where = _case_conditions(scope, low, high)
        edges.append(
            (
                low,
                select(c.unit_id, c.field, *measures)
                .where(*where)
                .group_by(c.unit_id, c.field),
                select(*case_acts, func.count())
                .select_from(joined)
                .where(*where)
                .group_by(*case_acts),
            )
        )
    # Decisions that could be late but whose deadline is today or later: a
    # range of the (status, late_after) index from today on (a few recent
    # decisions), per unit, and how many of them are running.
    running = case((c.status.in_(enforcement.RUNNING), 1), else_=0)
    where = _case_conditions(scope, scope.date_from, scope.date_to)
    where.append(enforcement.not_yet_due(today, c, sqlite_plan=sqlite))
    not_yet_due = (
        select(c.unit_id, func.count(), func.sum(running))
        .where(*where)
        .group_by(c.unit_id)
    )
    # Decisions once postponed or coerced that have left the stage (paid,
    # closed): the summary counts the stage only. A range of the step index
    # (a few steps of those kinds), each joined to its case.
    s = ProcedureStep.__table__.c
    where = _case_conditions(scope, scope.date_from, scope.date_to)
    kinds = enforcement.STAGE_STEPS.items()
    where += [
        s.step.in_([step for _, step in kinds]),
        or_(*[and_(s.step == step, enforcement.left_stage(code, c))
              for code, step in kinds]),
    ]
    left_stage = (
        select(s.step, func.count(func.distinct(c.id)))
        .select_from(ProcedureStep.__table__.join(Case.__table__, c.id == s.case_id))
        .where(*where)
        .group_by(s.step)
    )
    ranked = acts is not None and not split.edges
    return Plan(
        by_unit, fields, acts, ranked, months, tuple(edges), not_yet_due, left_stage
    )


def figures(session: Session, scope: scopes.Scope, today: date) -> Figures:
    """Every sum of the view (used by `summary`, the tests and the bench).
    Whole months and years are sums of the bucket rows; the fields of a
    province view come from the province rows (unit 0), and the totals are
    the sum of the fields; a partial month at an edge of the period gives
    the same sums, live."""
    f = Figures()
    conn = session.connection()
    p = plan(scope, today, conn.dialect.name == "sqlite")
    if p.by_unit is not None:
        for unit_id, name, *values in conn.execute(p.by_unit).all():
            f.units[unit_id] = [int(v or 0) for v in values]
            f.names[unit_id] = name or ""
        for field, *values in conn.execute(p.fields).all():
            f.add_total(values)
            f.add(f.fields, field, values[:3])
        if p.ranked:
            for decree, article, clause, point, n, act in conn.execute(p.acts).all():
                key = (decree, article, clause, point)
                f.acts[key] += int(n or 0)
                if act is not None:
                    f.texts[key] = act
        else:
            for *key, n in conn.execute(p.acts).all():
                f.acts[tuple(key)] += int(n or 0)
    if p.months is not None:
        for month, *values in conn.execute(p.months).all():
            f.add(f.months, month, values)
    for low, sums, acts in p.edges:
        f.add_live(_ym(low), conn.execute(sums).all())
        cited = f.acts
        for decree, article, clause, point, n in conn.execute(acts).all():
            cited[decree, article, clause, point] += int(n)
    for unit_id, n, n_running in conn.execute(p.not_yet_due).all():
        f.not_yet_due[unit_id] += int(n)
        f.not_yet_due_running += int(n_running or 0)
    codes = {step: code for code, step in enforcement.STAGE_STEPS.items()}
    for step, n in conn.execute(p.left_stage).all():
        f.left_stage[codes[step]] += int(n)
    # Buckets emptied by later changes stay as rows of zeros.
    for table in (f.units, f.fields, f.months):
        for key in [k for k, v in table.items() if not v[0]]:
            del table[key]
    for key in [k for k, n in f.acts.items() if not n]:
        del f.acts[key]
    return f


# The catalogue's wording of the shown acts only (ten of its rows).
_CATALOGUE_TEXTS = select(*_CITED, CatalogueEntry.act).where(
    tuple_(*_CITED).in_(bindparam("keys", expanding=True))
)
# The wording recorded in a case, for an act the catalogue lacks.
_CASE_TEXT = (
    select(CaseAct.act)
    .where(
        CaseAct.decree == bindparam("decree"),
        CaseAct.article == bindparam("article"),
        CaseAct.clause == bindparam("clause"),
        CaseAct.point == bindparam("point"),
    )
    .limit(1)
)
_UNIT_NAMES = select(Unit.id, Unit.name).where(
    Unit.id.in_(bindparam("ids", expanding=True))
)


def _act_texts(session: Session, keys: list[tuple]) -> dict[tuple, str]:
    """The wording of each cited act: the catalogue's (one small read), else
    the one recorded in a case (imported registers)."""
    if not keys:
        return {}
    conn = session.connection()
    catalogue = {
        (d, a, c, p): act
        for d, a, c, p, act in conn.execute(_CATALOGUE_TEXTS, {"keys": keys}).all()
    }
    out = {}
    for key in keys:
        found = catalogue.get(key)
        if found is None:
            params = dict(zip(case_summary.CITATION, key, strict=True))
            found = conn.execute(_CASE_TEXT, params).scalar()
        out[key] = found or ""
    return out


# As the case page names such an act.
NO_CITATION = shown.NO_CITATION


def _citation(decree: str, article: int, clause: int, point: str) -> str:
    """As the catalogue cites an act; the decree number already ends in
    "/NĐ-CP", so it is written "Nghị định 168/2024/NĐ-CP", not "NĐ 168/…".
    An act imported from a register without its citation (article 0) says
    so (verification trial: "Khoản 0 Điều 0 Nghị định")."""
    if not article:
        return NO_CITATION
    where = f"khoản {clause} Điều {article} Nghị định {decree}"
    text = f"điểm {point} {where}" if point else where
    return text[:1].upper() + text[1:]


# A month chart spanning more months than this (a long custom period, "all
# time" over old imported registers) keeps the months that have cases only.
MAX_MONTHS_SHOWN = 60


def _every_month(months: list[tuple[int, list]]) -> list[tuple[int, list]]:
    """The months from the first to the last with cases, those without any
    as zeros: the chart joins the months with a line, and months apart
    (03/2024 beside 10/2025) read as consecutive (user trial)."""
    if len(months) < 2:
        return months
    (first, _), (last, _) = months[0], months[-1]
    span = (last // 100 - first // 100) * 12 + last % 100 - first % 100 + 1
    if span > MAX_MONTHS_SHOWN:
        return months
    have = dict(months)
    year, number = divmod(first, 100)
    out = []
    for _ in range(span):
        key = year * 100 + number
        out.append((key, have.get(key, [0, 0, 0])))
        year, number = (year + 1, 1) if number == 12 else (year, number + 1)
    return out


def _month_text(month: int) -> str:
    return f"{month // 100:04d}-{month % 100:02d}"


def summary(actor: Actor, filters: object = None) -> dict:
    """Every figure of the dashboard for the chosen period, units and field.
    Cases are counted by violation date, as the case list filters them, so a
    click on a bar lands on the same number of cases."""
    today = local_now().date()
    with session_scope() as session:
        case_summary.ensure(session.connection())
        scope = scopes.resolve(session, actor, Action.DASHBOARD_READ, filters, today)
        scope, note = scopes.paired(
            session, actor, Action.DASHBOARD_READ, filters, scope, today
        )
        f = figures(session, scope, today)
        names = f.names
        missing = [u for u in f.units if u not in names]
        if missing:  # units seen only in the live edges of the period
            rows = session.connection().execute(_UNIT_NAMES, {"ids": missing}).all()
            names.update(rows)
        top = sorted(
            f.acts.items(),
            key=lambda kv: (-kv[1], kv[0][1], kv[0][2], kv[0][3], kv[0][0]),
        )[:TOP_ACTS]
        texts = f.texts
        missing = [k for k, _ in top if k not in texts]
        if missing:
            texts = {**texts, **_act_texts(session, missing)}

    t = f.totals()
    overdue = t["late"] - sum(f.not_yet_due.values())
    counts = {
        enforcement.EXECUTED: t["executed"],
        enforcement.IN_PROGRESS: t["running"]
        - (t["late_running"] - f.not_yet_due_running),
        enforcement.POSTPONED: t["postponed"] + f.left_stage[enforcement.POSTPONED],
        enforcement.REDUCED: t["reduced"],
        enforcement.COERCING: t["coercing"] + f.left_stage[enforcement.COERCING],
        enforcement.COMPLAINED: t["complained"],
        enforcement.OVERDUE: overdue,
    }
    units = sorted(
        f.units.items(), key=lambda kv: (-kv[1][0], names.get(kv[0], ""))
    )[:MAX_UNITS]
    fields = sorted(f.fields.items(), key=lambda kv: (-kv[1][0], kv[0]))
    months = _every_month(sorted((m, v) for m, v in f.months.items() if m))
    # Leadership reads figures only: the case list refuses them (the list
    # page and services/case_queries require Action.CASE_READ), so no bar or
    # link of theirs leads to a refusal page (user trial).
    can_list = actor.can(Action.CASE_READ)
    if can_list:
        unit_link, overdue_link = _unit_linker(scope)
        link = _linker(scope)
        field_link = _linker(scope, "field")
        month_links = _month_links(scope, [m for m, _ in months])
        list_link = case_list_link(scope)
    else:
        unit_link = overdue_link = link = field_link = _no_link
        month_links = defaultdict(str)
        list_link = ""
    log.info("user=%s read dashboard (%s cases)", actor.user_id, t["cases"])
    return {
        "label": scope.label,
        "cases": t["cases"],
        "fines": t["fines"],
        "collected": t["collected"],
        "decided": t["decided"],
        "individuals": t["individuals"],
        "organisations": t["organisations"],
        "enforcement": [
            {
                "code": code,
                "label": label,
                "hint": enforcement.HINTS[code],
                "count": counts[code],
                "link": link(enforcement=code),
            }
            for code, label in ENFORCEMENT
        ],
        "by_unit": [(names.get(u, ""), v[0], v[1]) for u, v in units],
        "units": [
            {
                "id": uid,
                "name": names.get(uid, ""),
                "cases": v[0],
                "fines": v[1],
                "collected": v[2],
                "overdue": f.overdue(uid),
                "link": unit_link(uid),
                "overdue_link": overdue_link(uid),
            }
            for uid, v in units
        ],
        "by_field": [(n, v[0], v[1]) for n, v in fields],
        "fields": [
            {
                "name": n,
                "cases": v[0],
                "fines": v[1],
                "collected": v[2],
                "link": field_link(field=n),
            }
            for n, v in fields
        ],
        "by_month": [(_month_text(m), v[0], v[1]) for m, v in months],
        "months": [
            {
                "month": _month_text(m),
                "cases": v[0],
                "fines": v[1],
                "collected": v[2],
                "link": month_links[m],
            }
            for m, v in months
        ],
        "top_acts": [
            {
                "citation": _citation(*key),
                "act": texts.get(key, ""),
                "cases": n,
            }
            for key, n in top
        ],
        "list_link": list_link,
        "can_list": can_list,
        "note": note,
    }
