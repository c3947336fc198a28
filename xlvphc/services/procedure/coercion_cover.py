"""What the coercion decisions of a case still have to collect.

A coercion decision that collects money (forms MQĐ07-MQĐ10, MQĐ12a-c)
states the sum it recovers ("Số tiền bị khấu trừ", item 4 of MQĐ07 and
MQĐ08): the unpaid fine with the late-payment interest run until its day
(Law Art. 78 k1), or the smaller sum the head decided. The result of a
coercion (Art. 86) can only record money collected under such a decision;
more needs a new decision (a result could record the whole unpaid fine
after a decision covering part of it).
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

    @property
    def left(self) -> int:
        """What the decisions still have to collect."""
        return max(self.decided - self.collected, 0)


def coercion_cover(session: Session, case_id: int) -> CoercionCover:
    """Sum the case's money coercion decisions (MQĐ11 forces a remedial
    measure and collects nothing) and the fine and interest their results
    recorded (`coercion_done`: the fine in `amount`, the interest in its
    details' `surcharge_paid`)."""
    rows = session.exec(
        select(ProcedureStep).where(
            ProcedureStep.case_id == case_id,
            ProcedureStep.step.in_(("coerce", "coercion_done")),
        )
    ).all()
    decided = sum(r.amount for r in rows if r.step == "coerce" and r.code != "remedial")
    collected = 0
    for row in rows:
        if row.step != "coercion_done":
            continue
        interest = details_of(session, row.id).get("surcharge_paid", 0)
        collected += row.amount + (interest if isinstance(interest, int) else 0)
    return CoercionCover(decided, collected)
