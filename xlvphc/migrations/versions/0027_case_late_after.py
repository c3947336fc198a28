"""a remedial measure keeps its own deadline in «Quá hạn chấp hành»

Revision ID: 0027_case_late_after
Revises: 0026_paper_issuer
Create Date: 2026-12-06 10:00:00

The dashboard's "Quá hạn chấp hành" bar, the list filter it opens and the
summary read Case.compliance_due, which an instalment plan (Law Art. 79)
moves to each instalment's date and a postponement (Art. 76) to its end.
Both are granted for the fine alone: a remedial measure still to be carried
out keeps the decision's own deadline (Art. 73, 85;
services.procedure.deadlines.remedial_due), which the case page already
showed. So a paid plan whose measure was past its deadline was not counted
late, and one whose last instalment had passed was, the measure's deadline
still to come; "Việc cần làm" did not list the measure's deadline while the
instalments ran.

- Case gets late_after: decided and open, the earliest deadline still
  running for what is owed (the fine's or its interest's, the next
  instalment while a plan runs; the remedial measure's), kept from now on
  by refresh_deadlines. services/enforcement.py reads it instead of
  compliance_due; the (status, compliance_due) index gives way to
  (status, late_after), which serves the same queries.
- payment_due, the column of "Việc cần làm"'s compliance and coercion rows,
  now holds the earlier of the fine's deadline (no plan running) and the
  measure's, also while a plan runs.

Both are filled here from the rows. Every case but an open one with a
measure pending after a plan or a postponement gets them from its columns
in one statement each (the fine's deadline: instalment_due while a plan
runs, else compliance_due; a measure's deadline is compliance_due when
neither a plan nor a postponement moved it). Those few get the measure's
deadline as remedial_due works it out, frozen here. The summary triggers
read the new column, so they are put in again and both summary tables
recomputed from the cases (as 0024). The column is added in place (no
batch copy). The downgrade drops the triggers, the index and the column,
puts the old index back and installs the triggers as the running code
compiles them without the column (services.case_summary STOOD_FOR:
compliance_due); payment_due keeps what it holds until each case's next
step.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

import sqlalchemy as sa
from alembic import op

revision: str = "0027_case_late_after"
down_revision: str | None = "0026_paper_issuer"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "late_after"
NEW_INDEX, OLD_INDEX = "ix_case_status_late", "ix_case_status_due"
# As services.procedure.deadlines EXECUTING and TO_PAY, frozen here.
OPEN = ("decided", "executing", "postponed", "coercing")
TO_PAY = ("decided", "executing")

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
    sa.column(NAME, sa.Date),
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

    op.add_column("case", sa.Column(NAME, sa.Date(), nullable=True))
    bind = op.get_bind()
    fill(bind)
    op.create_index(NEW_INDEX, "case", ["status", NAME])
    op.drop_index(OLD_INDEX, table_name="case")
    case_summary.drop(bind)
    case_summary.install(bind)
    case_summary.rebuild(bind)


def downgrade() -> None:
    from xlvphc.services import case_summary

    bind = op.get_bind()
    # Both databases refuse to drop a column a trigger or an index reads.
    case_summary.drop(bind)
    op.drop_index(NEW_INDEX, table_name="case")
    if bind.dialect.name == "sqlite":
        # SQLite 3.35+ drops a plain column in place; batch mode would copy
        # the table under the foreign keys that point at it.
        op.execute(f'ALTER TABLE "case" DROP COLUMN "{NAME}"')
    else:
        op.drop_column("case", NAME)
    op.create_index(OLD_INDEX, "case", ["status", "compliance_due"])
    case_summary.install(bind)
    case_summary.rebuild(bind)


def _money_owed(c):
    return sa.or_(
        c.fine_total - c.paid_total - c.reduced_total > 0,
        c.surcharge_total > c.surcharge_paid,
    )


def fill(conn) -> None:
    """Set late_after, and payment_due where a measure's deadline comes
    first (see the module's docstring)."""
    c = case_t.c
    open_decided = sa.and_(c.status.in_(OPEN), c.decided_on.is_not(None))
    owed = _money_owed(c)
    fine_due = sa.func.coalesce(c.instalment_due, c.compliance_due)
    conn.execute(
        case_t.update()
        .where(open_decided)
        .values(
            {
                NAME: sa.case(
                    (owed, fine_due),
                    (c.remedial_pending.is_(True), c.compliance_due),
                    else_=None,
                )
            }
        )
    )

    # The measures whose deadline a plan or a postponement left behind.
    moved = sa.or_(
        c.id.in_(sa.select(instalment_t.c.case_id)),
        c.id.in_(
            sa.select(step_t.c.case_id).where(step_t.c.step == "postpone")
        ),
    )
    rows = conn.execute(
        sa.select(
            c.id,
            c.status,
            c.received_on,
            c.compliance_due,
            c.instalment_due,
            owed.label("owed"),
            decision_t.c.payment_days,
        )
        .select_from(case_t.outerjoin(decision_t, decision_t.c.case_id == c.id))
        .where(open_decided, c.remedial_pending.is_(True), moved)
        .order_by(c.id)
    ).all()
    if not rows:
        return
    amended = defaultdict(list)
    ids = sorted({row.id for row in rows})
    for start in range(0, len(ids), 500):
        for case_id, on in conn.execute(
            sa.select(step_t.c.case_id, step_t.c.on).where(
                step_t.c.case_id.in_(ids[start : start + 500]),
                step_t.c.step == "amend",
            )
        ):
            amended[case_id].append(on)
    for row in rows:
        measure = _measure_due(row, amended[row.id])
        fine = row.instalment_due or (row.compliance_due if row.owed else None)
        values = {NAME: _earliest(fine, measure)}
        if row.status in TO_PAY:
            # The fine's own deadline only when no plan runs (instalment_due).
            by_deadline = row.owed and row.instalment_due is None
            values["payment_due"] = _earliest(
                row.compliance_due if by_deadline else None, measure
            )
        conn.execute(case_t.update().where(c.id == row.id).values(values))


def _measure_due(row, amended: list):
    """As services.procedure.deadlines.remedial_due in 0027, for a case
    with a plan or a postponement: the decision's period from its receipt
    (at least 10 days, domain.deadlines.compliance_deadline), or the 10
    days of a later amending decision (NĐ 118 Art. 16)."""
    found = [_day(on) + timedelta(days=10) for on in amended]
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
