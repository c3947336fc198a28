"""The time limits of one case, read from its rows: when sanctioning becomes
time-barred (Law Art. 6), the decision deadline (Art. 66) and the execution
limitation (Art. 74). Shared by the steps, the decision and the deadline
columns that "Việc cần làm" reads (services.procedure.deadlines)."""

from datetime import date
from typing import NamedTuple

from sqlmodel import Session, select

from xlvphc.domain.deadlines import (
    DecisionCase,
    decision_deadline,
    execution_limitation_after_changes,
)
from xlvphc.domain.limitation import SanctionLimitation, sanction_limitation
from xlvphc.models import Case, ProcedureStep, ViolationRecord

# Steps that change a decision's execution limitation (NĐ 118/2021 Điều 16).
CHANGES = ("correct", "amend")


def step_days(session: Session, case_id: int, *steps: str) -> dict[str, list[date]]:
    """The days each of `steps` was taken on the case, in order, in one query."""
    rows = session.exec(
        select(ProcedureStep.step, ProcedureStep.on)
        .where(ProcedureStep.case_id == case_id, ProcedureStep.step.in_(steps))
        .order_by(ProcedureStep.id)
    ).all()
    found: dict[str, list[date]] = {step: [] for step in steps}
    for step, on in rows:
        found[step].append(on)
    return found


def limitation(session: Session, case: Case) -> SanctionLimitation | None:
    """The sanctioning limitation (Art. 6 k1 as amended by Law 88/2025): from
    the violation day of a finished violation, or the detection day of a
    continuing one (NĐ 118 Art. 8 k1); one more year for a case received back
    from a criminal-procedure body (point c). None where the field's own law
    decides (tax, audit)."""
    if case.violation_date is None:
        return None
    back = bool(step_days(session, case.id, "received_back")["received_back"])
    return sanction_limitation(
        case.field, case.violation_date, case.detected_on, case.continuing, back
    )


def sanction_limitation_end(session: Session, case: Case) -> date | None:
    """Last day a sanction may be decided (see `limitation`)."""
    found = limitation(session, case)
    return found.end if found else None


class DecisionDue(NamedTuple):
    """A case's Art. 66 k1 deadline: the day it runs from, the period that
    applies and its last day (inclusive)."""

    start: date
    kind: DecisionCase
    end: date


def decision_due(session: Session, case: Case) -> date | None:
    """Last day to issue the sanction decision (`decision_due_rule`)."""
    rule = decision_due_rule(session, case)
    return rule.end if rule else None


def decision_due_rule(session: Session, case: Case) -> DecisionDue | None:
    """Art. 66 k1: 07 working days from the record; 10 working days when the
    file was transferred; 01 month when the violator asked to explain (Art.
    61; NĐ 118 Art. 17 k1) or the facts were verified (Art. 59); 02 months
    once that month was extended in writing.

    A case received back from a criminal-procedure body (Art. 63 k1 as
    amended by Law 88/2025: the competent person "phải xử phạt") counts from
    the day it came back (inferred: the texts here give no other start, and
    a period that ran out while that body held the file could not be met;
    Art. 6 k1 point c likewise lengthens the limitation for such cases)."""
    record = session.exec(
        select(ViolationRecord).where(ViolationRecord.case_id == case.id)
    ).first()
    if record is None:
        return None
    taken = step_days(
        session,
        case.id,
        "extend_decision",
        "request_explanation",
        "verify",
        "transfer_unit",
        "received_back",
    )
    # An imported record may have no date (importer/write.py): no deadline
    # can be counted from it, and such a case is decided already.
    starts = [d for d in (record.made_on(), *taken["received_back"]) if d]
    if not starts:
        return None
    made = max(starts)
    if taken["extend_decision"]:
        kind = DecisionCase.EXTENDED
    elif taken["request_explanation"] or taken["verify"]:
        kind = DecisionCase.EXPLANATION
    elif taken["transfer_unit"]:
        kind = DecisionCase.TRANSFERRED
    else:
        kind = DecisionCase.NORMAL
    return DecisionDue(made, kind, decision_deadline(made, kind))


def execution_end(case: Case, session: Session | None = None) -> date | None:
    """Art. 74 k1: a decision is executed within 01 year of being issued; once
    corrected or amended, NĐ 118 Art. 16 k3 (with `session` to read the
    steps)."""
    if not case.decided_on:
        return None
    changes: list[date] = []
    if session is not None and case.id is not None:
        taken = step_days(session, case.id, *CHANGES)
        changes = sorted(taken["correct"] + taken["amend"])
    return execution_limitation_after_changes(case.decided_on, changes)
