"""a decision that owes nothing is not "Quá hạn chấp hành"

Revision ID: 0024_case_remedial_pending
Revises: 0023_act_origin
Create Date: 2026-12-10 10:00:00

The dashboard's "Quá hạn chấp hành" bar, the case list filter it opens and
the summary counted every open, not postponed decision past its compliance
deadline, also one whose fine (less reductions) and fixed late-payment
interest were paid and whose remedial measures were carried out, but which
nobody had closed yet (user trial: the case page already said its deadline
no longer applied). A decision is now late only while it still owes
something (services/enforcement.py `owes`). The money is on the case row;
the remedial measure is not, so the summary triggers could not see it:

- Case gets remedial_pending: the open decision (decided, executing,
  postponed or being coerced) names a remedial measure and no
  «remedial_done» step, nor the result of a coercion for it, is recorded
  (services.procedure.closing.remedial_carried_out), kept from now on by
  services.procedure.deadlines.refresh_deadlines;
- payment_due, the column of "Việc cần làm"'s compliance and coercion rows,
  now also holds the deadline of a decision (decided or executing, no
  instalment plan running) that owes only its remedial measure, so the
  list shows the decisions the bar counts: filled for those here;
- the summary triggers read the new column and the interest columns, so
  they are put in again (SQLite's are CREATE TRIGGER IF NOT EXISTS: dropped
  first) and both summary tables are recomputed from the cases, as in
  migration 0020. The summary is derived data: nothing is lost.

The column is added in place (no batch copy), which keeps the triggers on
SQLite (as migration 0023). The downgrade drops the triggers, the column
and installs them again as the running code compiles them without it
(services.case_summary LATER_COLUMNS); payment_due keeps what it holds
until the next step of each case.
"""

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024_case_remedial_pending"
down_revision: str | None = "0023_act_origin"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "remedial_pending"
# As services.procedure.deadlines EXECUTING and TO_PAY, frozen here.
OPEN = ("decided", "executing", "postponed", "coercing")
TO_PAY = ("decided", "executing")

case_t = sa.table(
    "case",
    sa.column("id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("decided_on", sa.Date),
    sa.column("compliance_due", sa.Date),
    sa.column("payment_due", sa.Date),
    sa.column("instalment_due", sa.Date),
    sa.column(NAME, sa.Boolean),
)
step_t = sa.table(
    "procedurestep",
    sa.column("id", sa.Integer),
    sa.column("case_id", sa.Integer),
    sa.column("step", sa.String),
    sa.column("code", sa.String),
)
decision_t = sa.table(
    "decision",
    sa.column("case_id", sa.Integer),
    sa.column("remedial_measures", sa.String),
)


def upgrade() -> None:
    from xlvphc.services import case_summary

    op.add_column(
        "case",
        sa.Column(NAME, sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    bind = op.get_bind()
    fill(bind)
    case_summary.drop(bind)
    case_summary.install(bind)
    case_summary.rebuild(bind)


def downgrade() -> None:
    from xlvphc.services import case_summary

    bind = op.get_bind()
    # Both databases refuse to drop a column a trigger reads.
    case_summary.drop(bind)
    if bind.dialect.name == "sqlite":
        # SQLite 3.35+ drops a plain column in place; batch mode would copy
        # the table under the foreign keys that point at it.
        op.execute(f'ALTER TABLE "case" DROP COLUMN "{NAME}"')
    else:
        op.drop_column("case", NAME)
    case_summary.install(bind)
    case_summary.rebuild(bind)


def fill(conn) -> None:
    """Set remedial_pending, and payment_due where only the remedial measure
    is owed (see the module's docstring)."""
    open_decided = case_t.c.status.in_(OPEN) & case_t.c.decided_on.is_not(None)
    measures = {
        case_id
        for case_id, text in conn.execute(
            sa.select(decision_t.c.case_id, decision_t.c.remedial_measures)
            .join(case_t, case_t.c.id == decision_t.c.case_id)
            .where(open_decided)
        )
        if (text or "").strip()
    }
    if not measures:
        return
    steps = defaultdict(list)
    for case_id, step, code in conn.execute(
        sa.select(step_t.c.case_id, step_t.c.step, step_t.c.code)
        .join(case_t, case_t.c.id == step_t.c.case_id)
        .where(
            open_decided,
            step_t.c.step.in_(("remedial_done", "coerce", "coercion_done")),
        )
        .order_by(step_t.c.id)
    ):
        steps[case_id].append((step, code))
    pending = sorted(i for i in measures if not _carried_out(steps.get(i, [])))
    # Bounded batches of ids: a province's open decisions with a measure.
    for start in range(0, len(pending), 500):
        ids = pending[start : start + 500]
        conn.execute(
            case_t.update().where(case_t.c.id.in_(ids)).values({NAME: True})
        )
        conn.execute(
            case_t.update()
            .where(
                case_t.c.id.in_(ids),
                case_t.c.status.in_(TO_PAY),
                case_t.c.payment_due.is_(None),
                case_t.c.instalment_due.is_(None),
            )
            .values(payment_due=case_t.c.compliance_due)
        )


def _carried_out(steps: list) -> bool:
    """As services.procedure.closing.remedial_done_in, on the steps in the
    order they were entered."""
    measure = ""
    for step, code in steps:
        if step == "remedial_done":
            return True
        if step == "coerce":
            measure = code
        elif step == "coercion_done" and measure == "remedial":
            return True
    return False
