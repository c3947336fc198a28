"""The period and the units a dashboard or report covers, read from untrusted
filters and narrowed to what the acting user may see.

Filter keys (all strings, as the browser sends them):
- period: "" (all time), "month", "quarter", "half1", "half2" (first and
  second six months of the year), "year" or "custom";
- year, month (1-12, for "month"), quarter (1-4, for "quarter"); date_from,
  date_to (dd/mm/yyyy, custom);
- group: "" | "department" | "ubnd" | "vertical"; unit: a unit id; field.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, false, or_
from sqlmodel import Session, select

from xlvphc.domain.dates import fmt_date, parse_date
from xlvphc.domain.text import clean
from xlvphc.models import Case, Unit
from xlvphc.models.units import UnitKind
from xlvphc.services.access import Actor, known_unit_scope, require, visible_units
from xlvphc.services.errors import NotFound, ValidationFailed
from xlvphc.services.units import choice_key

GROUPS = {
    "department": "Sở, ban, ngành",
    "ubnd": "UBND xã, phường",
    "police": "Công an (tỉnh, xã, phường)",
    "vertical": "Công an và các cơ quan ngành dọc",
}
PERIODS = {
    "": "Toàn bộ thời gian",
    "month": "Tháng",
    "quarter": "Quý",
    # NĐ 118/2021 Art. 35 asks a yearly report; six-monthly ones are common
    # practice (user trial).
    "half1": "6 tháng đầu năm",
    "half2": "6 tháng cuối năm",
    "year": "Năm",
    "custom": "Khoảng ngày tùy chọn",
}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
# The periods read from the Năm box.
YEARLY = ("month", "quarter", "half1", "half2", "year")


@dataclass(frozen=True)
class Scope:
    """A resolved filter. `units` is None for every unit; `unit_id` is the one
    unit (with its sub-units) the user picked, if any."""

    date_from: date | None
    date_to: date | None
    units: frozenset[int] | None
    unit_id: int | None
    group: str
    field: str
    label: str

    def list_params(self) -> dict[str, str]:
        """The case list's URL filters for this scope. The list names the
        violation-date range v_from / v_to (dd/mm/yyyy), the date the
        dashboard counts by; unit and field keep their names."""
        params = {}
        if self.date_from:
            params["v_from"] = fmt_date(self.date_from)
        if self.date_to:
            params["v_to"] = fmt_date(self.date_to)
        if self.unit_id:
            params["unit"] = str(self.unit_id)
        if self.field:
            params["field"] = self.field
        return params


def _int(value: object, low: int, high: int) -> int | None:
    text = clean(value)
    if not text.isdigit() or len(text) > 6:
        return None
    number = int(text)
    return number if low <= number <= high else None


def resolve_period(f: dict, today: date) -> tuple[date | None, date | None, str]:
    """The first and last day of the chosen period, and its title. An empty
    year is the current one; a month or quarter period needs its month or
    quarter (left at «—» it gave the current one without a word, user
    trial); a custom range needs both dates, valid and in order. Otherwise
    the caller is told which box is wrong (empty boxes gave an all-time
    report titled "Từ ngày … đến ngày …")."""
    period = clean(f.get("period"))
    if not period and (clean(f.get("date_from")) or clean(f.get("date_to"))):
        period = "custom"  # dates alone mean a custom range
    year = _int(f.get("year"), 2000, 2100)
    if year is None and clean(f.get("year")) and period in YEARLY:
        # A mistyped year ("abc", "99999") must not give this year's report
        # as if it answered the question.
        raise ValidationFailed(
            {"year": "Năm không hợp lệ: nhập năm gồm 4 chữ số, từ 2000 đến 2100."}
        )
    year = year or today.year
    if period == "month":
        month = _int(f.get("month"), 1, 12)
        if month is None:
            raise ValidationFailed({"month": "Chọn tháng của kỳ báo cáo."})
        last = calendar.monthrange(year, month)[1]
        return date(year, month, 1), date(year, month, last), f"Tháng {month}/{year}"
    if period == "quarter":
        quarter = _int(f.get("quarter"), 1, 4)
        if quarter is None:
            raise ValidationFailed({"quarter": "Chọn quý của kỳ báo cáo."})
        first_month = 3 * quarter - 2
        last_month = first_month + 2
        last = calendar.monthrange(year, last_month)[1]
        return (
            date(year, first_month, 1),
            date(year, last_month, last),
            f"Quý {ROMAN[quarter]}/{year}",
        )
    if period == "half1":
        return date(year, 1, 1), date(year, 6, 30), f"6 tháng đầu năm {year}"
    if period == "half2":
        return date(year, 7, 1), date(year, 12, 31), f"6 tháng cuối năm {year}"
    if period == "year":
        return date(year, 1, 1), date(year, 12, 31), f"Năm {year}"
    if period == "custom":
        errors = {}
        start = parse_date(clean(f.get("date_from")))
        end = parse_date(clean(f.get("date_to")))
        if not clean(f.get("date_from")):
            errors["date_from"] = "Nhập ngày bắt đầu của khoảng ngày (ngày/tháng/năm)."
        elif start is None:
            errors["date_from"] = "Ngày không hợp lệ (ngày/tháng/năm)."
        if not clean(f.get("date_to")):
            errors["date_to"] = "Nhập ngày kết thúc của khoảng ngày (ngày/tháng/năm)."
        elif end is None:
            errors["date_to"] = "Ngày không hợp lệ (ngày/tháng/năm)."
        if start and end and start > end:
            errors["date_to"] = "Ngày kết thúc phải sau ngày bắt đầu."
        if errors:
            raise ValidationFailed(errors)
        label = f"Từ ngày {fmt_date(start)} đến ngày {fmt_date(end)}"
        return start, end, label
    return None, None, "Toàn bộ thời gian"


def resolve(
    session: Session, actor: Actor, action: str, filters: object, today: date
) -> Scope:
    """Read the filters. A unit outside the actor's scope is refused (same
    message as a missing one), never silently widened to the whole province."""
    require(actor, action)
    f = filters if isinstance(filters, dict) else {}
    start, end, label = resolve_period(f, today)
    units = visible_units(actor, action)
    unit_id = _int(f.get("unit"), 1, 2**31 - 1)
    if unit_id is not None:
        require(actor, action, unit_id)
        picked = known_unit_scope(session, unit_id)
        if not picked:
            raise NotFound()
        units = picked if units is None else units & picked
    group = clean(f.get("group"))
    group = group if group in GROUPS else ""
    field = clean(f.get("field"))[:120]
    return Scope(start, end, units, unit_id, group, field, label)


def unit_outside_group_note(
    unit_name: str, group: str, counted: bool = True, button: str = "Xem"
) -> str:
    """What the Thống kê and Báo cáo pages say when a unit picked earlier is
    not in the group chosen: the unit is dropped and the group's figures
    shown (`counted`), or are shown once the form is sent with `button`
    (the box just changed)."""
    then = (
        "số liệu tính cho cả nhóm."
        if counted
        else f"bấm {button} để xem cả nhóm."
    )
    return (
        f"Đơn vị «{unit_name}» không thuộc nhóm «{GROUPS[group]}»: "
        f"đã bỏ chọn đơn vị, {then}"
    )


def paired(
    session: Session,
    actor: Actor,
    action: str,
    filters: object,
    scope: Scope,
    today: date,
) -> tuple[Scope, str]:
    """The scope with a unit only if it belongs to the chosen group, and the
    note saying it was dropped. The browser may send any pair: a unit
    outside its group counted nothing (the case conditions require both),
    zeros that read as "no case". `scope` comes from `resolve` with the
    same actor, action and filters, so the unit is already one the actor
    may see: dropping it only widens to the group within the actor's
    units."""
    if scope.unit_id is None or not scope.group:
        return scope, ""
    found = session.exec(
        select(Unit.name).where(Unit.id == scope.unit_id, group_condition(scope.group))
    ).first()
    if found is not None:
        return scope, ""
    name = session.get(Unit, scope.unit_id).name
    f = filters if isinstance(filters, dict) else {}
    scope = resolve(session, actor, action, {**f, "unit": ""}, today)
    return scope, unit_outside_group_note(name, scope.group)


def group_condition(group: str):
    """SQL condition on Unit for a group of units (Decree 118/2021 Art. 39:
    vertical agencies, the police among them, are kept apart)."""
    if group == "department":
        return and_(Unit.kind == UnitKind.DEPARTMENT, Unit.is_vertical.is_(False))
    if group == "ubnd":
        return Unit.kind == UnitKind.COMMUNE_COMMITTEE
    if group == "police":
        # Commune police, and the provincial police (a vertical department).
        return or_(
            Unit.kind == UnitKind.COMMUNE_POLICE,
            and_(Unit.is_vertical.is_(True), Unit.name.like("Công an %")),
        )
    if group == "vertical":
        return Unit.is_vertical.is_(True)
    return None


def case_conditions(scope: Scope, date_column=None) -> list:
    """WHERE conditions on Case (joined with Unit) for the scope. The period
    applies to `date_column` (violation date by default, as in the case list);
    pass False to leave dates to the caller."""
    conditions = [Case.deleted_at.is_(None)]
    if scope.units is not None:
        conditions.append(Case.unit_id.in_(scope.units) if scope.units else false())
    group = group_condition(scope.group)
    if group is not None:
        conditions.append(group)
    if scope.field:
        conditions.append(Case.field == scope.field)
    column = Case.violation_date if date_column is None else date_column
    if column is not False:
        conditions += in_period(column, scope)
    return conditions


def in_period(column, scope: Scope) -> list:
    out = []
    if scope.date_from:
        out.append(column >= scope.date_from)
    if scope.date_to:
        out.append(column <= scope.date_to)
    return out


def any_in_period(scope: Scope, *columns):
    """True when any of the dates falls in the period (a report row counts
    events of several kinds, each by its own date)."""
    if not scope.date_from and not scope.date_to:
        return None
    return or_(*[and_(*in_period(c, scope)) for c in columns])


def unit_choices(session: Session, actor: Actor, action: str) -> list[dict]:
    """Units the actor may pick, as {id, name}: sanctioning units only."""
    units = visible_units(actor, action)
    stmt = select(Unit.id, Unit.name, Unit.kind).where(
        Unit.active.is_(True),
        Unit.kind.in_(
            [
                UnitKind.DEPARTMENT,
                UnitKind.COMMUNE_COMMITTEE,
                UnitKind.COMMUNE_POLICE,
            ]
        ),
    )
    if units is not None:
        stmt = stmt.where(Unit.id.in_(units))
    rows = sorted(session.exec(stmt).all(), key=lambda r: choice_key(r[2], r[1]))
    return [{"id": str(i), "name": n} for i, n, _kind in rows]
