"""Until when each held item may be kept: the period its seizure decision
states (MQĐ20 item 4), moved by each extension decided since (MQĐ21 item 4).

Read from what the steps already keep: the seizure step's details (its
number, period and items) and each extension's own row (`until`, `code` =
the item). The case page, "Việc cần làm" (through
services.procedure.deadlines) and the extension step all read this one
function, so they agree on the current end. It imports no step module:
services.procedure.deadlines, which every step calls, needs it.
"""

import json
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from xlvphc.domain.deadlines import seizure_end
from xlvphc.models import SeizedItem
from xlvphc.models.form_details import StepDetail
from xlvphc.models.procedure import ItemStatus, ProcedureStep

SEIZE = "seize"
EXTEND = "extend_seizure"  # services/procedure/seizure_extension.py


@dataclass(frozen=True)
class HeldPeriod:
    """A held item and the period it is held for.

    Attributes:
        item: The item, still held.
        seizure: The seizure step that took it (None for an item recorded
            before seizures kept their details: it has no known period).
        decision_no: The seizure decision's number (MQĐ20), "" if unknown.
        days: The period that decision states, in working days.
        end: The last day of the current period: the latest extension's,
            else the decision's; None when no period was recorded.
        extended: Whether an extension moved the end.
        decider: (name, title) of who decided the seizure, as its step
            recorded them; ("", "") when left to the sanction decision's.
    """

    item: SeizedItem
    seizure: ProcedureStep | None
    decision_no: str
    days: int | None
    end: date | None
    extended: bool
    decider: tuple[str, str] = ("", "")


def _data(raw: str | None) -> dict:
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def held_periods(session: Session, case_id: int) -> list[HeldPeriod]:
    """The case's held items with their periods, first seized first (one
    query when nothing is held, three otherwise)."""
    items = list(
        session.exec(
            select(SeizedItem)
            .where(SeizedItem.case_id == case_id, SeizedItem.status == ItemStatus.HELD)
            .order_by(SeizedItem.id)
        )
    )
    if not items:
        return []
    taken: dict[int, tuple[ProcedureStep, dict]] = {}
    for step, raw in session.exec(
        select(ProcedureStep, StepDetail.data)
        .join(StepDetail, StepDetail.step_id == ProcedureStep.id)
        .where(ProcedureStep.case_id == case_id, ProcedureStep.step == SEIZE)
        .order_by(ProcedureStep.id)
    ).all():
        data = _data(raw)
        for item_id in data.get("item_ids") or []:
            taken[item_id] = (step, data)
    latest: dict[str, ProcedureStep] = {}
    for step in session.exec(
        select(ProcedureStep)
        .where(ProcedureStep.case_id == case_id, ProcedureStep.step == EXTEND)
        .order_by(ProcedureStep.id)
    ).all():
        latest[step.code] = step  # each extension ends after the one before
    out = []
    for item in items:
        step, data = taken.get(item.id, (None, {}))
        days = data.get("days")
        days = days if isinstance(days, int) and days > 0 else None
        extension = latest.get(str(item.id))
        end = extension.until if extension else None
        end = end or (seizure_end(step.on, days) if step else None)
        out.append(
            HeldPeriod(
                item=item,
                seizure=step,
                decision_no=str(data.get("decision_no") or ""),
                days=days,
                end=end,
                extended=extension is not None,
                decider=(
                    str(data.get("decider_name") or ""),
                    str(data.get("decider_title") or ""),
                ),
            )
        )
    return out


def held_until(session: Session, case_id: int) -> date | None:
    """The earliest end among the held items' periods (Law Art. 125 k8):
    the day by which something must be returned, confiscated or extended."""
    ends = [p.end for p in held_periods(session, case_id) if p.end]
    return min(ends) if ends else None


def first_extension_day(previous_end: date) -> date:
    """ "từ ngày" of MQĐ21 item 4: an extension runs on from the day after
    the period it extends, with no gap."""
    return previous_end + timedelta(days=1)
