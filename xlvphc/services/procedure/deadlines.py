"""The deadline columns of a case, kept in step with its rows.

"Việc cần làm" lists deadlines over every case a user may see, so it cannot
work them out case by case. Each deadline that can still be acted on is kept
on the case row instead (an indexed column, None once it no longer applies),
and every service that changes what a deadline depends on — the record, the
violation's dates, an explanation, a verification or its extension, the
decision, sending, a correction, closing, a seizure, its extension, the
return or confiscation of the goods — calls `refresh_deadlines` in the same
transaction. The rules themselves stay in `limits` and `domain`.
"""

from datetime import date, timedelta

from sqlmodel import Session, func, select

from xlvphc.domain.deadlines import compliance_deadline, send_decision_deadline
from xlvphc.domain.minors import sanction_refusal
from xlvphc.models import Case, Decision, Instalment, ProcedureStep
from xlvphc.models.cases import CaseStatus
from xlvphc.services.cases import violator_minor
from xlvphc.services.procedure.executed import executed_on
from xlvphc.services.procedure.limits import (
    decision_due,
    execution_end,
    sanction_limitation_end,
    step_days,
)
from xlvphc.services.procedure.seizure_periods import held_until

AWAITING_DECISION = frozenset({CaseStatus.RECORDED, CaseStatus.EXPLAINING})
# Decided and being executed: not closed, not handed to a criminal body.
EXECUTING = frozenset(
    {
        CaseStatus.DECIDED,
        CaseStatus.EXECUTING,
        CaseStatus.POSTPONED,
        CaseStatus.COERCING,
    }
)
# The fine is to be paid by its compliance deadline (not postponed, not coerced).
TO_PAY = frozenset({CaseStatus.DECIDED, CaseStatus.EXECUTING})


def refresh_deadlines(session: Session, case: Case) -> None:
    """Recompute the case's deadline columns from its rows (pending rows of
    the session included: queries flush them first). Each is set only while
    its kind of "Việc cần làm" applies, so its index holds nothing else:

    - decision_due (Law Art. 66) and limitation_end (Art. 6): while the case
      awaits its decision; no decision_due for a violator under 14 on the day
      of the violation, on whom no decision may be made (Art. 5 k1 a; the
      age then changes only when the case is edited, which refreshes). The
      limitation's end is read by "Việc cần làm" (todo.py) to leave the
      decision row out once it has passed;
    - send_due (Art. 70): decided, not yet sent nor received (not for a
      case imported from an earlier register: the register does not record
      the sending, so no sending deadline is made up for it);
    - payment_due (Art. 73, 86): not postponed, not being coerced, the
      earlier of the compliance deadline while a fine or its late-payment
      interest (Art. 78) is owed and not paid by instalments, and the
      remedial measure's own deadline (`remedial_due`) while it is still to
      be carried out, a plan running or not: a plan is for the fine alone,
      and the measure's deadline may come before the plan ends. Past it the
      measure may be coerced (MQĐ11): "Việc cần làm" lists such a decision
      as the dashboard counts it, "Quá hạn chấp hành" (late_after). While
      the fine is postponed, the measure's deadline alone (the fine's is
      postponed_until's): a postponement is of the fine only;
    - postponed_until (Art. 76): the end of a postponement, while owed,
      also once a remedial measure was coerced during it (MQĐ11: the case
      is then being coerced, the fine still postponed; such a coercion is
      not followed for the fine, coerced_on);
    - instalment_due (Art. 79): the first instalment not fully paid, while
      owed;
    - execution_end (Art. 74; NĐ 118 Art. 16 k3): while being executed;
    - seizure_due (Art. 125 k8): the earliest end of a held item's seizure
      period, extensions included (services/procedure/seizure_periods.py),
      at any stage while something is held;
    - coerced_on (Art. 86): the day of the latest coercion decision, while
      the case is being coerced and the fine, its interest or a remedial
      measure is still owed: "Việc cần làm" follows the coercion from that
      day until its result leaves nothing owed (user trial: the case left
      the list once coercion was decided, with money still owed);
    - executed_on (Art. 73 k2): the day of the last step that carried the
      decision out, once nothing is left to execute and until the case is
      closed (services/procedure/executed.py): «Việc cần làm» reminds the
      officer to record «Kết thúc: đã chấp hành xong»;
    - remedial_pending (Art. 28, 85): not a date, but what the summary
      triggers cannot read from the steps: the open decision names a
      remedial measure not yet carried out (services/enforcement.py owes);
    - late_after (Art. 73, 79, 85): decided and open, the earliest deadline
      still running for what is owed: the fine's or its interest's (the
      next instalment while a plan runs, else the compliance deadline) and
      the remedial measure's. Past it the decision is "Quá hạn chấp hành"
      (services/enforcement.py). Not `compliance_due`, which a plan or a
      postponement moves to the fine's own dates (user trial: a paid plan
      with a measure past its deadline was not counted late, and one whose
      last instalment had passed was, the measure's deadline to come). A
      kept column rather than a condition on several: the summary triggers
      read only the row, and the dashboard and the list range over one
      (status, late_after) index at a million cases. Kept at every open
      stage, postponed included: enforcement.LATE_STAGES picks those that
      can be late, a rule not repeated here. While postponed the fine's
      deadline is the «đến ngày» of the postponement (compliance_due, set
      by payment_relief._postpone): late from the day after, as the
      late-payment interest runs (late_interest.py).
    """
    waiting = case.status in AWAITING_DECISION
    executing = case.status in EXECUTING and case.decided_on is not None
    barred = waiting and sanction_refusal(violator_minor(session, case)) is not None
    case.decision_due = decision_due(session, case) if waiting and not barred else None
    case.limitation_end = sanction_limitation_end(session, case) if waiting else None

    unsent = executing and case.received_on is None and not case.imported
    if unsent and step_days(session, case.id, "send")["send"]:
        unsent = False
    case.send_due = send_decision_deadline(case.decided_on) if unsent else None

    # Owed: the fine, or the late-payment interest fixed on it and not yet
    # paid (Art. 78 k1; interest still running implies an unpaid fine).
    fine_owed = case.fine_total - case.paid_total - case.reduced_total > 0
    owed = executing and (fine_owed or case.surcharge_total > case.surcharge_paid)
    remedial = executing and remedial_owed(session, case)
    case.remedial_pending = remedial
    next_instalment = next_instalment_due(session, case.id) if owed else None
    by_deadline = owed and next_instalment is None
    case.instalment_due = next_instalment
    # A plan or a postponement moves the fine's deadline only: a measure
    # left keeps its own, during the plan as after it.
    measure_due = remedial_due(session, case) if remedial else None
    fine_due = case.compliance_due if by_deadline else None
    # A plan's instalments carry the fine's deadline while it runs
    # (instalment_due), so payment_due leaves them out.
    case.payment_due = None
    if case.status in TO_PAY:
        case.payment_due = _earliest(fine_due, measure_due)
    elif case.status == CaseStatus.POSTPONED:
        # The fine's deadline is the postponement's end (postponed_until,
        # its own row of "Việc cần làm"); the measure keeps its own.
        case.payment_due = measure_due
    # Postponed, the fine's deadline is the last day of the postponement,
    # the «đến ngày» of MQĐ03 Điều 1 k2 ("Thời gian hoãn thi hành quyết định
    # phạt tiền từ ngày … đến ngày …", that day included); past it the
    # violator "phải tiếp tục chấp hành quyết định phạt tiền, nếu không tự
    # nguyện chấp hành thì sẽ bị cưỡng chế" (MQĐ03 Điều 3 k1 a).
    # TODO: inferred — neither MQĐ03 nor the texts in /work/shared/legal
    # give a new period to pay once the postponement ends (Law Art. 76 in its
    # 2020 wording is not among them, domain.md 1.7 and 7). Read for the
    # violator: the whole «đến ngày» is still postponed (paying on it is in
    # time), late and owing interest (Art. 78 k1) from the day after.
    case.late_after = _earliest(next_instalment or fine_due, measure_due)
    coercing = executing and case.status == CaseStatus.COERCING
    coerced = coercion_decided_on(session, case.id) if coercing else None
    # A coercion decided while the fine was postponed forced a remedial
    # measure only (MQĐ11; coercion.postponement_refusal): the fine is still
    # postponed, its end still followed, and it was not coerced.
    end = postponement_end(session, case.id) if by_deadline and coerced else None
    fine_postponed = case.status == CaseStatus.POSTPONED or bool(
        end and coerced and coerced <= end
    )
    case.postponed_until = (
        case.compliance_due if by_deadline and fine_postponed else None
    )
    if coerced and fine_postponed:
        owed = False
    case.execution_end = execution_end(case, session) if executing else None
    case.seizure_due = held_until(session, case.id)
    if coerced and next_instalment is not None:
        # Of a plan (Art. 79) only the instalments due before the decision
        # were coerced (Art. 86 k1; late_interest.coercible): the coercion
        # is followed while one of them (instalments are paid in order, so
        # the first unpaid) or the interest fixed is unpaid, not for those
        # not yet due, which their own "instalment" row follows.
        owed = next_instalment < coerced or case.surcharge_total > case.surcharge_paid
    case.coerced_on = coerced if coerced and (owed or remedial) else None
    case.executed_on = executed_on(session, case) if executing else None
    session.add(case)


def _earliest(*days: date | None) -> date | None:
    return min((d for d in days if d is not None), default=None)


def coercion_decided_on(session: Session, case_id: int) -> date | None:
    """The day of the case's latest coercion decision (Art. 86): a second
    decision, e.g. for the interest left after a first one's result,
    restarts the follow-up."""
    return session.exec(
        select(func.max(ProcedureStep.on)).where(
            ProcedureStep.case_id == case_id, ProcedureStep.step == "coerce"
        )
    ).one()


def postponement_end(session: Session, case_id: int) -> date | None:
    """The «đến ngày» of the case's postponement (Art. 76, MQĐ03 Điều 1 k2;
    one per case), None without one. Read from the step rather than the
    stage: a remedial measure coerced during the postponement (MQĐ11) moves
    the case to «Đang cưỡng chế» while the fine stays postponed."""
    return session.exec(
        select(func.max(ProcedureStep.until)).where(
            ProcedureStep.case_id == case_id, ProcedureStep.step == "postpone"
        )
    ).one()


def remedial_owed(session: Session, case: Case) -> bool:
    """The decision names remedial measures not yet recorded as carried out
    (Art. 28, 85): a coercion may be for them alone (MQĐ11), and the
    compliance deadline (Art. 73) still runs for them once the fine is paid
    (overview._compliance_text)."""
    # closing imports transitions, which imports this module.
    from xlvphc.services.procedure.closing import remedial_carried_out

    measures = session.exec(
        select(Decision.remedial_measures).where(Decision.case_id == case.id)
    ).first()
    return bool((measures or "").strip()) and not remedial_carried_out(
        session, case
    )


def remedial_due(session: Session, case: Case) -> date | None:
    """The deadline of the decision's remedial measures (Art. 73 k1, 85).

    A plan (Art. 79) or a postponement (Art. 76) is granted for the fine
    alone and moves `compliance_due` to its own dates: the measures keep the
    decision's period from its receipt, or the 10 days of an amending
    decision when later (NĐ 118 Art. 16; as amendment.py counts them). User
    trial: with every instalment paid and a measure pending, the case page
    still gave the 2nd instalment's date. None when not known (not received)."""
    days = step_days(session, case.id, "postpone", "amend")
    planned = session.exec(
        select(Instalment.id).where(Instalment.case_id == case.id)
    ).first()
    if planned is None and not days["postpone"]:
        return case.compliance_due
    decision = session.exec(
        select(Decision).where(Decision.case_id == case.id)
    ).first()
    found = [on + timedelta(days=10) for on in days["amend"]]
    if decision is not None and case.received_on is not None:
        found.append(compliance_deadline(case.received_on, decision.payment_days))
    return max(found, default=None)


def next_instalment_due(session: Session, case_id: int) -> date | None:
    """Due date of the first instalment not fully paid (Law Art. 79), if the
    case has a plan: the fine's deadline while the plan runs. The case page
    ("Hạn chấp hành") and `refresh_deadlines` both read it, so they agree."""
    return session.exec(
        select(Instalment.due_on)
        .where(Instalment.case_id == case_id, Instalment.paid < Instalment.amount)
        .order_by(Instalment.position)
    ).first()
