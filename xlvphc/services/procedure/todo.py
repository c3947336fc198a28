"""Việc cần làm: the deadlines to act on, for the cases the user may see,
sorted by urgency (overdue first). Each item names its legal basis."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from xlvphc.domain.dates import fmt_date
from xlvphc.domain.deadlines import send_decision_deadline
from xlvphc.models import Case, Instalment, Unit
from xlvphc.models.base import local_now
from xlvphc.models.cases import CaseStatus
from xlvphc.services.access import Action, Actor, visible_units
from xlvphc.services.db import session_scope
from xlvphc.services.procedure.limits import (
    decision_due,
    execution_end,
    sanction_limitation_end,
)
from xlvphc.services.procedure.transitions import outstanding, step_count

# How far ahead a limitation end is shown, and other deadlines.
LIMITATION_WARNING = timedelta(days=30)
SOON = timedelta(days=7)
# TODO: the checks run per case (a few queries each); for a supervisor over
# the whole province this list should come from indexed due-date columns.
MAX_CASES = 2000

KINDS = {
    "decision": "Hạn ra quyết định xử phạt (Điều 66)",
    "limitation": "Sắp hết thời hiệu xử phạt (Điều 6)",
    "send": "Hạn gửi quyết định (Điều 70)",
    "compliance": "Hạn chấp hành quyết định (Điều 73)",
    "coercion": "Quá hạn chấp hành – xem xét cưỡng chế (Điều 86)",
    "instalment": "Hạn nộp tiền phạt theo lần (Điều 79)",
    "postponement": "Hết thời hạn hoãn thi hành (Điều 76)",
    "execution": "Sắp hết thời hiệu thi hành (Điều 74)",
}


@dataclass(frozen=True)
class Item:
    case: Case
    kind: str
    due: date
    detail: str = ""


def _items(session: Session, case: Case, today: date) -> list[Item]:
    items: list[Item] = []
    status = case.status
    if status in (CaseStatus.RECORDED, CaseStatus.EXPLAINING):
        due = decision_due(session, case)
        if due:
            items.append(Item(case, "decision", due))
        barred = sanction_limitation_end(session, case)
        if barred and barred - today <= LIMITATION_WARNING:
            items.append(Item(case, "limitation", barred))
        return items
    if status not in (
        CaseStatus.DECIDED,
        CaseStatus.EXECUTING,
        CaseStatus.POSTPONED,
        CaseStatus.COERCING,
    ):
        return items
    if (
        case.decided_on
        and not case.received_on
        and not step_count(session, case.id, "send")
    ):
        items.append(Item(case, "send", send_decision_deadline(case.decided_on)))
    owed = outstanding(case) > 0
    plan = session.exec(
        select(Instalment)
        .where(Instalment.case_id == case.id, Instalment.paid < Instalment.amount)
        .order_by(Instalment.position)
    ).first()
    if owed and plan and plan.due_on - today <= SOON:
        items.append(Item(case, "instalment", plan.due_on, f"lần {plan.position}"))
    elif (
        owed
        and status == CaseStatus.POSTPONED
        and case.compliance_due
        and case.compliance_due - today <= SOON
    ):
        items.append(Item(case, "postponement", case.compliance_due))
    elif owed and status != CaseStatus.COERCING and case.compliance_due:
        if today > case.compliance_due:
            items.append(Item(case, "coercion", case.compliance_due))
        elif case.compliance_due - today <= SOON:
            items.append(Item(case, "compliance", case.compliance_due))
    end = execution_end(case)
    if owed and end and end - today <= LIMITATION_WARNING:
        items.append(Item(case, "execution", end))
    return items


def _row(item: Item, unit_name: str, today: date) -> dict:
    left = (item.due - today).days
    if left < 0:
        when, tone = f"Quá hạn {-left} ngày", "red"
    elif left == 0:
        when, tone = "Hết hạn hôm nay", "red"
    else:
        when, tone = f"Còn {left} ngày", "orange" if left <= 3 else "gray"
    label = KINDS[item.kind] + (f" – {item.detail}" if item.detail else "")
    return {
        "case_id": item.case.id,
        "kind": item.kind,
        "label": label,
        "due": fmt_date(item.due),
        "days_left": left,
        "when": when,
        "tone": tone,
        "record_number": item.case.record_number,
        "decision_number": item.case.decision_number or "—",
        "violator_name": item.case.violator_name,
        "unit_name": unit_name,
    }


def todo_list(actor: Actor, kind: object = "") -> list[dict]:
    """Every deadline of the actor's open cases, most urgent first; `kind`
    (one of KINDS) narrows the list, anything else is ignored."""
    units = visible_units(actor, Action.CASE_READ)
    today = local_now().date()
    stmt = (
        select(Case, Unit.name)
        .join(Unit, Unit.id == Case.unit_id)
        .where(
            Case.deleted_at.is_(None),
            Case.status != CaseStatus.CLOSED,
            Case.status != CaseStatus.TRANSFERRED,
        )
    )
    if units is not None:
        stmt = stmt.where(Case.unit_id.in_(units))
    with session_scope() as session:
        rows = session.exec(stmt.order_by(Case.id.desc()).limit(MAX_CASES)).all()
        found = [
            (item, unit) for case, unit in rows for item in _items(session, case, today)
        ]
    if isinstance(kind, str) and kind in KINDS:
        found = [(i, u) for i, u in found if i.kind == kind]
    found.sort(key=lambda pair: (pair[0].due, pair[0].case.id))
    return [_row(item, unit, today) for item, unit in found]


def todo_count(actor: Actor) -> int:
    """How many deadlines are overdue or due within 3 days (the shell badge)."""
    return sum(1 for row in todo_list(actor) if row["days_left"] <= 3)
