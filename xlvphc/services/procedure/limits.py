"""The time limits of one case, read from its rows: when sanctioning becomes
time-barred (Law Art. 6), the decision deadline (Art. 66) and the execution
limitation (Art. 74). Shared by the steps, the decision and "Việc cần làm"."""

from datetime import date

from sqlmodel import Session, select

from xlvphc.domain.deadlines import (
    DecisionCase,
    decision_deadline,
    execution_limitation_end,
)
from xlvphc.domain.limitation import limitation_expires, limitation_years
from xlvphc.models import Case, ProcedureStep, ViolationRecord
from xlvphc.models.base import to_local


def _has_step(session: Session, case_id: int, step: str) -> bool:
    return (
        session.exec(
            select(ProcedureStep.id).where(
                ProcedureStep.case_id == case_id, ProcedureStep.step == step
            )
        ).first()
        is not None
    )


def sanction_limitation_end(session: Session, case: Case) -> date | None:
    """Last day a sanction may be decided (Art. 6 k1 as amended by Law
    88/2025), counted from the violation date (a finished violation; NĐ 118
    Art. 8). One more year for a case received back from a criminal-procedure
    body (point c). None where the field's own law decides (tax, audit).

    TODO: a continuing violation counts from its detection; the case form
    does not yet say whether the violation was continuing."""
    years = limitation_years(case.field)
    if years is None or case.violation_date is None:
        return None
    back = _has_step(session, case.id, "received_back")
    return limitation_expires(case.violation_date, years, back)


def decision_due(session: Session, case: Case) -> date | None:
    """Art. 66 k1: 07 working days from the record, 01 month when the violator
    explained (Art. 61), 10 working days when the file was transferred."""
    record = session.exec(
        select(ViolationRecord).where(ViolationRecord.case_id == case.id)
    ).first()
    if record is None:
        return None
    made = to_local(record.made_at).date()
    if _has_step(session, case.id, "request_explanation"):
        return decision_deadline(made, DecisionCase.EXPLANATION)
    if _has_step(session, case.id, "transfer_unit"):
        return decision_deadline(made, DecisionCase.TRANSFERRED)
    return decision_deadline(made)


def execution_end(case: Case) -> date | None:
    """Art. 74 k1: a decision is executed within 01 year of being issued."""
    return execution_limitation_end(case.decided_on) if case.decided_on else None
