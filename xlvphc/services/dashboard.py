"""Aggregates for the supervisors' dashboard, computed in SQL (GROUP BY), never
by looping over case rows in Python."""

from datetime import date

from sqlalchemy import func
from sqlmodel import select

from xlvphc.domain.dates import parse_date
from xlvphc.domain.text import clean
from xlvphc.models import Case, Unit
from xlvphc.services.access import Action, Actor, require, visible_units
from xlvphc.services.db import get_engine, session_scope

MAX_UNITS = 200


def _month(column):
    if get_engine().dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def field_choices(actor: Actor) -> list[str]:
    require(actor, Action.DASHBOARD_READ)
    with session_scope() as session:
        return list(session.exec(select(Case.field).distinct().order_by(Case.field)))


def summary(actor: Actor, filters: object = None) -> dict:
    """Cases and fines by unit, by field and by month for the chosen period.
    A unit with no case in the period is not listed."""
    require(actor, Action.DASHBOARD_READ)
    units = visible_units(actor, Action.DASHBOARD_READ)
    f = filters if isinstance(filters, dict) else {}
    date_from: date | None = parse_date(clean(f.get("date_from")))
    date_to: date | None = parse_date(clean(f.get("date_to")))
    field = clean(f.get("field"))[:120]

    conditions = [Case.deleted_at.is_(None)]
    if units is not None:
        conditions.append(Case.unit_id.in_(units))
    if date_from:
        conditions.append(Case.violation_date >= date_from)
    if date_to:
        conditions.append(Case.violation_date <= date_to)
    if field:
        conditions.append(Case.field == field)
    count = func.count(Case.id)
    fines = func.coalesce(func.sum(Case.fine_total), 0)

    with session_scope() as session:
        by_unit = session.exec(
            select(Unit.name, count, fines).join(Unit, Unit.id == Case.unit_id)
            .where(*conditions).group_by(Unit.id, Unit.name)
            .order_by(count.desc(), Unit.name).limit(MAX_UNITS)
        ).all()
        by_field = session.exec(
            select(Case.field, count, fines).where(*conditions)
            .group_by(Case.field).order_by(count.desc())
        ).all()
        month = _month(Case.violation_date)
        by_month = session.exec(
            select(month, count, fines).where(*conditions)
            .group_by(month).order_by(month)
        ).all()
        totals = session.exec(select(count, fines).where(*conditions)).one()
    return {
        "by_unit": [(n, int(c), int(s)) for n, c, s in by_unit],
        "by_field": [(n, int(c), int(s)) for n, c, s in by_field],
        "by_month": [(m, int(c), int(s)) for m, c, s in by_month if m],
        "cases": int(totals[0]),
        "fines": int(totals[1]),
    }
