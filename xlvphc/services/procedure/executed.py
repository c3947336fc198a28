"""A decision executed in full whose case is still open: what «Việc cần
làm» reminds the officer to close (Law Art. 73 k2; user trial: a case paid
in full, its measure done, stayed «Đang thi hành» and nothing said that
«Kết thúc: đã chấp hành xong» was still to be recorded).

Kept as a case column (Case.executed_on) by `refresh_deadlines`, like the
deadlines, so that the list reads an index rather than every open case."""

from datetime import date

from sqlmodel import Session, func, select

from xlvphc.models import Case, ProcedureStep, SeizedItem
from xlvphc.models.cases import CaseStatus
from xlvphc.models.procedure import ItemStatus

# The stages «Kết thúc: đã chấp hành xong» is taken from (transitions.TABLE;
# a fine postponed is not executed, payment.py leaves the stage once paid).
CLOSABLE = frozenset({CaseStatus.DECIDED, CaseStatus.EXECUTING, CaseStatus.COERCING})


def executed_on(session: Session, case: Case) -> date | None:
    """The day of the last step that carried the decision out, when nothing
    is left to execute: the fine paid, reduced or exempted, its late-payment
    interest (Art. 78 k1) paid, the remedial measure carried out (read from
    `case.remedial_pending`, which `refresh_deadlines` sets first) and no
    item still held (Art. 126) — what closing.close_executed's guard asks.
    None otherwise, and for a decision no step carried out (a warning, an
    imported register's row): nothing says when it was executed."""
    if case.status not in CLOSABLE or case.decided_on is None:
        return None
    fine_owed = case.fine_total - case.paid_total - case.reduced_total > 0
    if fine_owed or case.surcharge_total > case.surcharge_paid:
        return None
    if case.remedial_pending:
        return None
    held = session.exec(
        select(SeizedItem.id).where(
            SeizedItem.case_id == case.id, SeizedItem.status == ItemStatus.HELD
        )
    ).first()
    if held is not None:
        return None
    # closing imports transitions, which imports deadlines, which imports us.
    from xlvphc.services.procedure.closing import EXECUTION_STEPS

    return session.exec(
        select(func.max(ProcedureStep.on)).where(
            ProcedureStep.case_id == case.id,
            ProcedureStep.step.in_(EXECUTION_STEPS),
        )
    ).one()
