"""a postponed fine is «Quá hạn chấp hành» once its postponement has ended

Revision ID: 0028_postponed_late
Revises: 0027_case_late_after
Create Date: 2026-12-08 10:00:00

A postponement (Luật XLVPHC Art. 76, form MQĐ03) moves the fine's deadline
to the «đến ngày» of its period; past it the violator "phải tiếp tục chấp
hành quyết định phạt tiền" (MQĐ03 Điều 3 k1 a). The dashboard, the list
filter behind its bar and the summary left every postponed decision out of
"Quá hạn chấp hành" (enforcement.LATE_STAGES), however long ago its
postponement had ended, and a remedial measure, which a postponement of the
fine does not move (Art. 73, 85), had no row in "Việc cần làm" while the
fine was postponed (payment_due was kept for the decided and executing
stages only).

- enforcement.LATE_STAGES now holds every open stage, postponed included:
  the summary triggers, which compile it, are put in again and both
  summary tables recomputed from the cases (as 0024, 0027).
- Each open, decided, postponed case gets late_after and payment_due as
  refresh_deadlines keeps them from now on: late_after the earlier of the
  fine's deadline while money is owed (the postponement's end,
  compliance_due) and the measure's while one is pending; payment_due the
  measure's alone. late_after was already filled by 0027 with the same
  rule; it is worked out again so that a case stored otherwise (by hand, a
  bulk load) is counted by the rule the triggers now apply. The cases
  without a measure pending get both in one statement; the few with one
  get the measure's deadline as remedial_due works it out, frozen here.

The downgrade clears payment_due of the postponed cases again (what
refresh_deadlines did before) and installs the triggers as the running
code compiles them.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

import sqlalchemy as sa
from alembic import op

revision: str = "0028_postponed_late"
down_revision: str | None = "0027_case_late_after"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

POSTPONED = "postponed"

case_t = sa.table(
    "case",
    sa.column("id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("decided_on", sa.Date),
    sa.column("received_on", sa.Date),
    sa.column("compliance_due", sa.Date),
    sa.column("payment_due", sa.Date),
    sa.column("instalment_due", sa.Date),
    sa.column("fine_total", sa.BigInteger),
    sa.column("paid_total", sa.BigInteger),
    sa.column("reduced_total", sa.BigInteger),
    sa.column("surcharge_total", sa.BigInteger),
    sa.column("surcharge_paid", sa.BigInteger),
    sa.column("remedial_pending", sa.Boolean),
    sa.column("late_after", sa.Date),
)
step_t = sa.table(
    "procedurestep",
    sa.column("case_id", sa.Integer),
    sa.column("step", sa.String),
    sa.column("on", sa.Date),
)
instalment_t = sa.table("instalment", sa.column("case_id", sa.Integer))
decision_t = sa.table(
    "decision",
    sa.column("case_id", sa.Integer),
    sa.column("payment_days", sa.Integer),
)


def upgrade() -> None:
    from xlvphc.services import case_summary

    bind = op.get_bind()
    fill(bind)
    case_summary.drop(bind)
    case_summary.install(bind)
    case_summary.rebuild(bind)


def downgrade() -> None:
    from xlvphc.services import case_summary

    bind = op.get_bind()
    c = case_t.c
    bind.execute(
        case_t.update()
        .where(c.status == POSTPONED, c.payment_due.is_not(None))
        .values(payment_due=None)
    )
    case_summary.drop(bind)
    case_summary.install(bind)
    case_summary.rebuild(bind)


def _money_owed(c):
    return sa.or_(
        c.fine_total - c.paid_total - c.reduced_total > 0,
        c.surcharge_total > c.surcharge_paid,
    )


def fill(conn) -> None:
    """late_after and payment_due of the open, decided, postponed cases
    (see the module's docstring)."""
    c = case_t.c
    postponed = sa.and_(c.status == POSTPONED, c.decided_on.is_not(None))
    owed = _money_owed(c)
    fine_due = sa.func.coalesce(c.instalment_due, c.compliance_due)
    conn.execute(
        case_t.update()
        .where(postponed, c.remedial_pending.is_not(True))
        .values(
            late_after=sa.case((owed, fine_due), else_=None), payment_due=None
        )
    )

    rows = conn.execute(
        sa.select(
            c.id,
            c.received_on,
            c.compliance_due,
            c.instalment_due,
            owed.label("owed"),
            decision_t.c.payment_days,
        )
        .select_from(case_t.outerjoin(decision_t, decision_t.c.case_id == c.id))
        .where(postponed, c.remedial_pending.is_(True))
        .order_by(c.id)
    ).all()
    if not rows:
        return
    ids = sorted({row.id for row in rows})
    steps = defaultdict(list)
    planned = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for case_id, step, on in conn.execute(
            sa.select(step_t.c.case_id, step_t.c.step, step_t.c.on).where(
                step_t.c.case_id.in_(chunk),
                step_t.c.step.in_(("postpone", "amend")),
            )
        ):
            steps[case_id].append((step, on))
        planned.update(
            conn.execute(
                sa.select(instalment_t.c.case_id).where(
                    instalment_t.c.case_id.in_(chunk)
                )
            ).scalars()
        )
    for row in rows:
        measure = _measure_due(row, steps[row.id], row.id in planned)
        fine = row.instalment_due or (row.compliance_due if row.owed else None)
        conn.execute(
            case_t.update()
            .where(c.id == row.id)
            .values(late_after=_earliest(fine, measure), payment_due=measure)
        )


def _measure_due(row, steps: list, planned: bool):
    """As services.procedure.deadlines.remedial_due in 0028: without a plan
    or a postponement step (a case put in the stage by hand) the compliance
    deadline; else the decision's period from its receipt (at least 10
    days, domain.deadlines.compliance_deadline), or the 10 days of a later
    amending decision (NĐ 118 Art. 16)."""
    if not planned and not any(step == "postpone" for step, _on in steps):
        return _day(row.compliance_due)
    found = [_day(on) + timedelta(days=10) for step, on in steps if step == "amend"]
    if row.received_on is not None and row.payment_days is not None:
        days = max(row.payment_days, 10)
        found.append(_day(row.received_on) + timedelta(days=days))
    return max(found, default=None)


def _day(value):
    """A date, should the driver hand back text (SQLite)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _earliest(*days):
    found = [_day(d) for d in days if d is not None]
    return min(found, default=None)
