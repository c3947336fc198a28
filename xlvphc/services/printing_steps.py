"""What the procedure steps recorded, as values of the forms they issue.

The procedure (services/procedure) keeps one `ProcedureStep` row per step
with its date, number, amount, sub-kind and note. A form printed after the
step is filled from the latest such row, so the postponement decision
(MQĐ03) shows its own number, date and period, a coercion decision its
measure and amount, and so on. Forms with no recorded step print those
parts blank for the pen.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, select

from xlvphc.documents.data import Agency
from xlvphc.models import Decision, Unit
from xlvphc.models.procedure import ProcedureStep
from xlvphc.services.issuer import agency_of, copied_agency
from xlvphc.services.printing_details import MEASURES_OF, detail_fill
from xlvphc.services.printing_modes import issuing_step
from xlvphc.services.procedure.details import details_of, issuer_of


@dataclass(frozen=True)
class StepFill:
    """A step's contribution to a form: number, date, values."""

    number: str = ""
    issued_on: date | None = None
    values: dict[str, object] | None = None
    made_at: datetime | None = None  # opening time of a record
    signer: tuple[str, str] | None = None  # (name, title) making a record


# Which step issues which form (step codes of services/procedure).
FORM_STEPS: dict[str, tuple[str, ...]] = {
    "MQĐ03": ("postpone",),
    "MQĐ04": ("reduce",),
    "MQĐ05": ("instalments",),
    "MQĐ07": ("coerce",),
    "MQĐ08": ("coerce",),
    "MQĐ09": ("coerce",),
    "MQĐ10": ("coerce",),
    "MQĐ11": ("coerce",),
    "MQĐ12a": ("coerce",),
    "MQĐ12b": ("coerce",),
    "MQĐ12c": ("coerce",),
    "MQĐ33": ("transfer_criminal",),
    "MQĐ38": ("amend",),
    "MQĐ39": ("correct",),
    "MQĐ40": ("cancel",),
}
RELIEF = {
    "reduce": ("giảm", "Giảm"),
    "exempt_rest": ("miễn phần còn lại", "Miễn phần còn lại"),
    "exempt_all": ("miễn toàn bộ", "Miễn toàn bộ"),
}


def step_fill(
    session: Session,
    case_id: int,
    code: str,
    decision: Decision | None = None,
    step_id: int = 0,
) -> StepFill:
    """Number, date and values for form `code` from the case's latest step
    (or the one chosen on the print menu, `step_id`), and what the step's
    details add (services/printing_details.py)."""
    base = _step_columns(session, case_id, code)
    extra = detail_fill(session, case_id, code, decision, step_id)
    if extra is None:
        return base
    values = (base.values or {}) | {
        k: v for k, v in (extra.values or {}).items() if v not in ("", None, [], 0)
    }
    return StepFill(
        extra.number or base.number,
        extra.issued_on or base.issued_on,
        values,
        extra.made_at,
        extra.signer,
    )


def _step_columns(session: Session, case_id: int, code: str) -> StepFill:
    """What the step's own columns (date, number, amount, note) give."""
    steps = FORM_STEPS.get(code)
    if not steps:
        return StepFill()
    query = (
        select(ProcedureStep)
        .where(ProcedureStep.case_id == case_id, ProcedureStep.step.in_(steps))
        .order_by(ProcedureStep.on.desc(), ProcedureStep.id.desc())
    )
    rows = session.exec(query).all()
    if code in MEASURES_OF:
        # A coercion form is filled only by a decision of its own measure.
        rows = [r for r in rows if r.code in MEASURES_OF[code]]
    if not rows:
        return StepFill()
    step = rows[0]
    values: dict[str, object] = {}
    if code == "MQĐ03":
        values = {"from_date": step.on, "to_date": step.until, "certifier": step.note}
    elif code == "MQĐ04":
        relief, capital = RELIEF.get(step.code, ("", ""))
        values = {
            "relief": relief,
            "Relief": capital,
            "amount_relief": step.amount,
            "certifier": step.note,
        }
    elif code == "MQĐ05" and step.until:
        # Art. 79: the plan runs at most 6 months; printed in whole months.
        months = (step.until.year - step.on.year) * 12 + (
            step.until.month - step.on.month
        )
        values = {"months": max(1, months + (step.until.day > step.on.day))}
    elif code.startswith(("MQĐ0", "MQĐ1")):
        values = {"amount": step.amount, "effective_date": step.on}
    elif code == "MQĐ33":
        values = {"receiving_body": step.note}
    elif code in ("MQĐ38", "MQĐ39", "MQĐ40"):
        values = {"reason": step.note}
    if code in ("MQĐ03", "MQĐ04", "MQĐ05"):
        # The application the relief answers (Art. 76, 77, 79; payment_relief,
        # payment).
        applied = details_of(session, step.id).get("application_date", "")
        values |= {"certifier": step.note, "application_date": applied}
    return StepFill(step.document, step.on, {k: v for k, v in values.items() if v})


def step_issuer(
    session: Session,
    case_id: int,
    code: str,
    decision: Decision | None = None,
    step_id: int = 0,
) -> tuple[Agency, str] | None:
    """The header of paper `code` and the unit it names to carry it out, as
    the step that issued it kept them (services/issuer.py); None when no
    step of the case issued it or the step kept none: the paper prints the
    case's unit as it is now.

    A handing-over (MBB29) recorded before steps kept their issuer prints
    its sender, whose id its code holds, as the sender is now: the case is
    the receiving unit's since that step.
    """
    decided_on = decision.decided_on if decision else None
    step = issuing_step(session, case_id, code, decided_on, step_id)
    if step is None:
        return None
    copy = issuer_of(session, step.id)
    agency = copied_agency(copy)
    if agency is not None:
        return agency, str(copy.get("unit") or agency.name)
    if step.step == "transfer_unit" and step.code.isdigit() and len(step.code) < 10:
        sender = session.get(Unit, int(step.code))
        if sender is not None:
            return agency_of(session, sender), sender.name
    return None
