"""Tiền chậm nộp phạt (Law Art. 78 k1): 0,05 % a day on the fine still
unpaid past its deadline, for as long as it stays unpaid.

Three case columns carry it: `surcharge_total`, the interest already fixed
on the parts of the fine paid (or collected by coercion) late; and
`surcharge_paid`, what the violator has paid of it. The interest on the
part still unpaid keeps running and is worked out here, up to the day asked
for, so that the case page, the payment, the coercion decision and closing
all read one figure. What the violator still owes is the unpaid fine plus
that interest, less what was paid of it.

When the interest runs (domain.md 1.6; NĐ 118/2021 Art. 20 k4):
- from the day after the compliance deadline (Art. 73), or after each
  instalment's own due date when a plan was decided (Art. 79, MQĐ05): the
  time spent deciding the plan is not late;
- a postponement (Art. 76, MQĐ03) moves the deadline to its end, so none
  runs while it lasts; one decided after the deadline first fixes what ran
  until the day before it (payment_relief._fix_interest_before);
- coercion (Art. 86) does not stop it: the fine is still unpaid;
- a reduction or exemption (Art. 77) takes its amount out of the unpaid
  fine, so no interest runs on it (the time spent deciding is not late);
- past the execution limitation (Art. 74) the fine is no longer collected:
  none runs after its end (inferred; the article's text is not in the
  project's legal texts);
- a closed case (limitation, partial execution) no longer runs any: its
  running interest is fixed when it closes (`fix_on_closing`).
"""

import logging
from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session, select

from xlvphc.domain.deadlines import days_late, late_surcharge
from xlvphc.models import Case, Instalment
from xlvphc.models.cases import CaseStatus
from xlvphc.services.procedure.transitions import money, outstanding

log = logging.getLogger(__name__)

# The stages in which the decision is being executed: the interest runs.
RUNNING = frozenset(
    {
        CaseStatus.DECIDED,
        CaseStatus.EXECUTING,
        CaseStatus.POSTPONED,
        CaseStatus.COERCING,
    }
)
ARTICLE = "khoản 1 Điều 78 Luật XLVPHC"


@dataclass(frozen=True)
class Owed:
    """What the violator still owes on a given day."""

    fine: int  # the fine unpaid (Art. 73, less Art. 77 relief)
    interest: int  # the late-payment interest unpaid (Art. 78 k1)
    accrued: int  # all interest so far, paid or not
    running: int  # of which on the fine still unpaid (not yet fixed)

    @property
    def total(self) -> int:
        return self.fine + self.interest

    def breakdown(self) -> str:
        """ "tiền phạt 2.500.000 đồng, tiền chậm nộp 138.750 đồng", or
        the one part owed."""
        parts = []
        if self.fine:
            parts.append(f"tiền phạt {money(self.fine)}")
        if self.interest:
            parts.append(f"tiền chậm nộp {money(self.interest)}")
        return ", ".join(parts)


def instalments(session: Session, case_id: int) -> list[Instalment]:
    """The case's instalment plan (Art. 79), in order; empty without one."""
    return list(
        session.exec(
            select(Instalment)
            .where(Instalment.case_id == case_id)
            .order_by(Instalment.position)
        )
    )


def _unpaid_parts(
    session: Session, case: Case, plan: list[Instalment] | None = None
) -> list[tuple[date | None, int, Instalment | None]]:
    """(deadline, unpaid amount, instalment) of each part of the fine still
    owed, earliest first: the instalments not fully paid, or the whole
    unpaid fine against the compliance deadline. Never more than the
    unpaid fine (an exemption of the rest leaves the plan's rows unpaid)."""
    left = outstanding(case)
    plan = instalments(session, case.id) if plan is None else plan
    if not plan:
        return [(case.compliance_due, left, None)] if left else []
    parts = []
    for part in plan:
        share = min(part.amount - part.paid, left)
        if share > 0:
            parts.append((part.due_on, share, part))
            left -= share
    return parts


def _last_day(case: Case, on: date) -> date:
    """`on`, or the end of the execution limitation if earlier."""
    return min(on, case.execution_end) if case.execution_end else on


def running_interest(
    session: Session, case: Case, on: date, plan: list[Instalment] | None = None
) -> int:
    """Interest on the fine still unpaid, up to and including `on`, and no
    later than the end of the execution limitation (Art. 74: past it the
    fine is no longer collected; the column kept by `refresh_deadlines`).
    `plan`: the case's instalments, if already read (a page of cases)."""
    if case.status not in RUNNING or case.decided_on is None:
        return 0
    on = _last_day(case, on)
    return sum(
        late_surcharge(amount, days_late(due, on))
        for due, amount, _part in _unpaid_parts(session, case, plan)
        if due is not None
    )


def owed(
    session: Session, case: Case, on: date, plan: list[Instalment] | None = None
) -> Owed:
    """The fine and the interest still owed on `on` (`plan` as in
    `running_interest`)."""
    running = running_interest(session, case, on, plan)
    accrued = case.surcharge_total + running
    return Owed(
        outstanding(case), max(accrued - case.surcharge_paid, 0), accrued, running
    )


@dataclass(frozen=True)
class NotDue:
    """An instalment (Art. 79, MQĐ05) whose due date has not passed yet."""

    position: int
    due_on: date
    amount: int  # the part of it still unpaid


@dataclass(frozen=True)
class Coercible:
    """What may be coerced on a day (Art. 86 k1: what was not complied with
    by its deadline). A plan (Art. 79) is coerced only once its whole period
    has ended (form MQĐ05, Điều 3 k1 a: "Hết thời hạn nộp tiền phạt nhiều
    lần ... không tự nguyện chấp hành thì sẽ bị cưỡng chế"), so nothing may
    be while an instalment is still to come; `due` still says what is past
    its date, for the case page and the to-do list."""

    due: Owed  # `fine`: only the unpaid fine whose deadline has passed
    not_due: tuple[NotDue, ...] = ()

    @property
    def total(self) -> int:
        return 0 if self.not_due else self.due.total

    def not_due_text(self) -> str:
        """ "lần 2 (2.100.000 đồng, hạn nộp 15/03/2027)", joined by "và"."""
        return " và ".join(
            f"lần {p.position} ({money(p.amount)}, hạn nộp {p.due_on:%d/%m/%Y})"
            for p in self.not_due
        )


def coercible(
    session: Session, case: Case, on: date, plan: list[Instalment] | None = None
) -> Coercible:
    """What a coercion decided on `on` may recover (`plan` as in
    `running_interest`).

    Without an instalment plan: everything owed, as before (the coercion
    step refuses a day not past the compliance deadline by itself). With a
    plan (Art. 79, MQĐ05): `due` holds the unpaid instalments whose due date
    has passed (`on` after it, as `days_late` counts) and all the interest
    owed — it only ever runs on those (`_unpaid_parts`), so the two stay
    consistent; `not_due` the instalments still to come, while which nothing
    may be coerced (`Coercible.total`).
    """
    plan = instalments(session, case.id) if plan is None else plan
    left = owed(session, case, on, plan)
    if not plan:
        return Coercible(left)
    # TODO: Art. 79 in its 2020 wording is not in the project's legal texts
    # (domain.md 1.7 and 7). The rule followed is the one form MQĐ05 prints
    # for the violator (Điều 3 k1 a): coercion once the whole period of its
    # Điều 1 k2 has ended, i.e. after the last instalment's date. Whether a
    # missed instalment makes the rest due at once is not in the material.
    overdue, later = 0, []
    for due, amount, part in _unpaid_parts(session, case, plan):
        if due is not None and due < on:
            overdue += amount
        elif part is not None and due is not None:
            later.append(NotDue(part.position, due, amount))
    return Coercible(replace(left, fine=overdue), tuple(later))


def apply_fine_payment(session: Session, case: Case, amount: int, on: date) -> int:
    """Record `amount` of the fine paid (or collected) on `on`: the earliest
    unpaid instalments first, and the interest run on it until then fixed
    into `surcharge_total`. Returns that interest.

    The interest fixed is the running interest before less after, part by
    part, so that what is fixed and what keeps running always add up to
    what the case page showed (no đồng lost or gained to rounding)."""
    plan = instalments(session, case.id)
    fixed, left = 0, amount
    for due, unpaid, part in _unpaid_parts(session, case, plan):
        share = min(unpaid, left)
        if share <= 0:
            break
        late = days_late(due, _last_day(case, on)) if due else 0
        if case.status in RUNNING:
            fixed += late_surcharge(unpaid, late) - late_surcharge(unpaid - share, late)
        if part is not None:
            part.paid += share
            part.paid_on = on
            session.add(part)
        left -= share
    if plan and left > 0:
        # Money beyond the plan's rows (never more than the unpaid fine).
        log.warning("case=%s payment beyond its instalments", case.id)
    case.paid_total += amount
    case.surcharge_total += fixed
    unpaid = [p for p in plan if p.paid < p.amount]
    if unpaid:
        case.compliance_due = unpaid[0].due_on
    return fixed


def fix_on_closing(session: Session, case: Case, on: date) -> int:
    """Before a case closes with the fine unpaid (execution limitation,
    partial execution): fix the interest run until `on`, which then no
    longer runs. Returns it."""
    running = running_interest(session, case, on)
    case.surcharge_total += running
    return running


def interest_refusal(interest: int, limit: int, on: date, paid: str) -> str | None:
    """Why an interest amount paid or collected cannot be recorded (None:
    it can): more than what was owed on that day."""
    if limit <= 0:
        return f"Không có tiền chậm nộp phải nộp đến ngày {on:%d/%m/%Y} ({ARTICLE})."
    if not 0 < interest <= limit:
        return (
            f"Tiền chậm nộp {paid} phải lớn hơn 0 và không quá số tiền chậm nộp "
            f"phải nộp đến ngày {on:%d/%m/%Y} ({money(limit)}; {ARTICLE})."
        )
    return None
