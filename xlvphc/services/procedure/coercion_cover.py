"""What the coercion decisions of a case still have to collect.

A coercion decision that collects money (forms MQĐ07-MQĐ10, MQĐ12a-c)
states the sum it recovers ("Số tiền bị khấu trừ", item 4 of MQĐ07 and
MQĐ08): the unpaid fine with the late-payment interest run until its day
(Law Art. 78 k1), or the smaller sum the head decided. The result of a
coercion (Art. 86) can only record money collected under such a decision;
more needs a new decision (a result could record the whole unpaid fine
after a decision covering part of it).

The interest a decision recovers is the one run until its day, which it
records apart from the fine (`interest_due`, printed in its "Lý do"); the
interest that runs on during the coercion (late_interest) is not in it.
A decision for a smaller sum does not record how that sum splits: it
covers at most the interest owed on its day and at most its sum.
"""

from dataclasses import dataclass

from sqlmodel import Session, select

from xlvphc.models import ProcedureStep
from xlvphc.services.procedure.details import details_of


@dataclass(frozen=True)
class CoercionCover:
    """The money of a case's coercion decisions, and what was collected."""

    decided: int  # the sums of the money coercion decisions
    collected: int  # fine and interest recorded as collected by coercion
    interest_decided: int = 0  # of `decided`, the interest until their days
    interest_collected: int = 0  # of `collected`, the interest

    @property
    def left(self) -> int:
        """What the decisions still have to collect."""
        return max(self.decided - self.collected, 0)

    @property
    def interest_left(self) -> int:
        """The interest the decisions still have to collect."""
        return max(self.interest_decided - self.interest_collected, 0)


def coercion_cover(session: Session, case_id: int) -> CoercionCover:
    """Sum the case's money coercion decisions (MQĐ11 forces a remedial
    measure and collects nothing; a combined one, MQĐ12a-c, collects by its
    money part) and the fine and interest their results
    recorded (`coercion_done`: the fine in `amount`, the interest in its
    details' `surcharge_paid`)."""
    rows = session.exec(
        select(ProcedureStep).where(
            ProcedureStep.case_id == case_id,
            ProcedureStep.step.in_(("coerce", "coercion_done")),
        )
    ).all()
    decided = collected = interest_decided = interest_collected = 0
    for row in rows:
        if row.step == "coerce" and row.code != "remedial":
            decided += row.amount
            due = _whole(details_of(session, row.id).get("interest_due"))
            interest_decided += min(due, row.amount)
        elif row.step == "coercion_done":
            interest = _whole(details_of(session, row.id).get("surcharge_paid"))
            collected += row.amount + interest
            interest_collected += interest
    return CoercionCover(decided, collected, interest_decided, interest_collected)


def _whole(value: object) -> int:
    """A sum kept in a step's details; 0 when absent or not a number."""
    return value if isinstance(value, int) and value > 0 else 0
