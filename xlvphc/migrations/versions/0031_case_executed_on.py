"""a decision executed in full, its case still open, in "Việc cần làm"

Revision ID: 0031_case_executed_on
Revises: 0030_act_ward_clause
Create Date: 2026-12-06 16:00:00

Case gets executed_on: the day of the last step that carried the open
decision out (a payment, a reduction or exemption, the remedial measure
done, a coercion's result, an item returned or confiscated), once nothing
is left to execute — the fine and its late-payment interest (Luật XLVPHC
Art. 78 k1) paid, no remedial measure pending, no item held — and until
the case is closed (services/procedure/executed.py). "Việc cần làm" then
reminds the officer to record «Kết thúc: đã chấp hành xong» (Art. 73 k2;
user trial: such a case stayed «Đang thi hành» and nothing said so). The
list reads it like the deadline columns: the same two partial indexes
((due, id); (unit_id, due, id)), built after the backfill.

The backfill applies the service's rule to the open, decided cases in the
stages that closing takes from (decided, executing, coercing), in one
statement; remedial_pending, kept since 0024, says whether a measure is
still owed. The column is added in place (no batch copy), which keeps the
case summary triggers on SQLite; no trigger reads it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0031_case_executed_on"
down_revision: str | None = "0030_act_ward_clause"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "executed_on"
CLOSABLE = ("decided", "executing", "coercing")
# services.procedure.closing.EXECUTION_STEPS, frozen here.
EXECUTION_STEPS = (
    "payment",
    "reduce",
    "remedial_done",
    "coercion_done",
    "return_item",
    "confiscate_item",
)

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
    sa.column("remedial_pending", sa.Boolean),
    sa.column(NAME, sa.Date),
)
step_t = sa.table(
    "procedurestep",
    sa.column("case_id", sa.Integer),
    sa.column("step", sa.String),
    sa.column("on", sa.Date),
)
item_t = sa.table(
    "seizeditem",
    sa.column("case_id", sa.Integer),
    sa.column("status", sa.String),
)


def upgrade() -> None:
    # Plain ADD COLUMN (no batch): SQLite would otherwise copy the whole case
    # table, which other tables point at (as migration 0017).
    op.add_column("case", sa.Column(NAME, sa.Date(), nullable=True))
    fill(op.get_bind())
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


def fill(conn) -> None:
    """executed_on of the open cases executed in full (module docstring)."""
    c = case_t.c
    last_step = (
        sa.select(sa.func.max(step_t.c.on))
        .where(step_t.c.case_id == c.id, step_t.c.step.in_(EXECUTION_STEPS))
        .scalar_subquery()
    )
    held = sa.exists().where(item_t.c.case_id == c.id, item_t.c.status == "held")
    conn.execute(
        case_t.update()
        .where(
            c.status.in_(CLOSABLE),
            c.decided_on.is_not(None),
            c.fine_total - c.paid_total - c.reduced_total <= 0,
            c.surcharge_total <= c.surcharge_paid,
            c.remedial_pending.is_not(True),
            ~held,
        )
        .values({NAME: last_step})
    )
