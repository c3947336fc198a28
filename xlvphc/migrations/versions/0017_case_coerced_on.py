"""a coercion under way in "Việc cần làm" (Law Art. 86)

Revision ID: 0017_case_coerced_on
Revises: 0016_case_surcharge_paid
Create Date: 2026-12-06 10:00:00

Case gets coerced_on: the day of the latest coercion decision, while the
case is being coerced and the fine, its late-payment interest (Art. 78 k1)
or a remedial measure is still owed; None otherwise
(services.procedure.deadlines). Until now a case left "Việc cần làm" once
coercion was decided, whatever it still owed (user trial). The list reads
the column like the deadline columns, so it has the same two partial
indexes ((due, id); (unit_id, due, id)), built after the backfill.

The backfill applies the service's rule to the cases being coerced only:
money owed from the case's totals (the interest still running is owed only
while the fine is), a remedial measure owed while the decision names one
and no «remedial_done» step, nor the result of a coercion for it, is
recorded (services.procedure.closing.remedial_carried_out).
"""

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_case_coerced_on"
down_revision: str | None = "0016_case_surcharge_paid"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "coerced_on"

case_t = sa.table(
    "case",
    sa.column("id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("decided_on", sa.Date),
    sa.column("fine_total", sa.BigInteger),
    sa.column("paid_total", sa.BigInteger),
    sa.column("reduced_total", sa.BigInteger),
    sa.column("surcharge_total", sa.BigInteger),
    sa.column("surcharge_paid", sa.BigInteger),
    sa.column(NAME, sa.Date),
)
step_t = sa.table(
    "procedurestep",
    sa.column("id", sa.Integer),
    sa.column("case_id", sa.Integer),
    sa.column("step", sa.String),
    sa.column("code", sa.String),
    sa.column("on", sa.Date),
)
decision_t = sa.table(
    "decision",
    sa.column("case_id", sa.Integer),
    sa.column("remedial_measures", sa.String),
)


def upgrade() -> None:
    # Plain ADD COLUMN (no batch): SQLite would otherwise copy the whole case
    # table, which other tables point at (as migration 0008).
    op.add_column("case", sa.Column(NAME, sa.Date(), nullable=True))
    _backfill(op.get_bind())
    where = {
        "sqlite_where": sa.text(f"{NAME} IS NOT NULL"),
        "postgresql_where": sa.text(f"{NAME} IS NOT NULL"),
    }
    op.create_index(f"ix_case_{NAME}", "case", [NAME, "id"], **where)
    op.create_index(f"ix_case_unit_{NAME}", "case", ["unit_id", NAME, "id"], **where)


def downgrade() -> None:
    op.drop_index(f"ix_case_{NAME}", table_name="case")
    op.drop_index(f"ix_case_unit_{NAME}", table_name="case")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite 3.35+ drops a plain column in place; batch mode would
        # rebuild the table under foreign keys that point at it.
        op.execute(f'ALTER TABLE "case" DROP COLUMN "{NAME}"')
    else:
        op.drop_column("case", NAME)


def _backfill(conn) -> None:
    coercing = (case_t.c.status == "coercing") & case_t.c.decided_on.is_not(None)
    owed: dict[int, bool] = {}
    for row in conn.execute(sa.select(case_t).where(coercing)):
        fine = row.fine_total - row.paid_total - row.reduced_total
        owed[row.id] = fine > 0 or row.surcharge_total > row.surcharge_paid
    if not owed:
        return
    measures = {
        case_id: (text or "").strip()
        for case_id, text in conn.execute(
            sa.select(decision_t.c.case_id, decision_t.c.remedial_measures)
            .join(case_t, case_t.c.id == decision_t.c.case_id)
            .where(coercing)
        )
    }
    steps = defaultdict(list)
    for case_id, step, code, on in conn.execute(
        sa.select(step_t.c.case_id, step_t.c.step, step_t.c.code, step_t.c.on)
        .join(case_t, case_t.c.id == step_t.c.case_id)
        .where(
            coercing,
            step_t.c.step.in_(("remedial_done", "coerce", "coercion_done")),
        )
        .order_by(step_t.c.id)
    ):
        steps[case_id].append((step, code, on))
    values = []
    for case_id, money in owed.items():
        found = steps.get(case_id, [])
        decided = [on for step, _code, on in found if step == "coerce"]
        if not decided:
            continue
        if money or (measures.get(case_id) and not _carried_out(found)):
            values.append({"case_id": case_id, NAME: max(decided)})
    if values:
        conn.execute(
            case_t.update()
            .where(case_t.c.id == sa.bindparam("case_id"))
            .values({NAME: sa.bindparam(NAME)}),
            values,
        )


def _carried_out(steps: list) -> bool:
    """As services.procedure.closing.remedial_carried_out, on the steps in
    the order they were entered."""
    measure = ""
    for step, code, _on in steps:
        if step == "remedial_done":
            return True
        if step == "coerce":
            measure = code
        elif step == "coercion_done" and measure == "remedial":
            return True
    return False
