"""procedure deadlines and continuing violations (issue 3)

Revision ID: 0008_procedure_deadlines
Revises: 0007_dashboard_summary
Create Date: 2026-12-04 19:30:00

Case gets:
- continuing, detected_on: a violation still going on when detected, whose
  sanctioning limitation runs from its detection (NĐ 118/2021 Điều 8 k1);
- decision_due, limitation_end, send_due, payment_due, postponed_until,
  instalment_due, execution_end: the deadlines to act that "Việc cần làm"
  lists (Law Art. 66, 6, 70, 73, 76, 79, 74),
  None once they no longer apply, each with two partial indexes ((due, id);
  (unit_id, due, id)) holding only the cases it applies to.

Existing cases are finished violations; their deadlines are backfilled with
the same rules as services.procedure.deadlines (domain functions, pure), in
batches of open cases (closed ones keep None).
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
import sqlmodel
from alembic import op

from xlvphc.domain.deadlines import (
    DecisionCase,
    decision_deadline,
    execution_limitation_after_changes,
    send_decision_deadline,
)
from xlvphc.domain.limitation import sanction_limitation
from xlvphc.models.base import to_local

revision: str = "0008_procedure_deadlines"
down_revision: str | None = "0007_dashboard_summary"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEADLINES = (
    "decision_due",
    "limitation_end",
    "send_due",
    "payment_due",
    "postponed_until",
    "instalment_due",
    "execution_end",
)
BATCH = 5000
AWAITING = ("recorded", "explaining")
EXECUTING = ("decided", "executing", "postponed", "coercing")
TO_PAY = ("decided", "executing")
STEPS = (
    "extend_decision",
    "request_explanation",
    "verify",
    "transfer_unit",
    "received_back",
    "send",
    "correct",
    "amend",
)

case_t = sa.table(
    "case",
    sa.column("id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("field", sa.String),
    sa.column("violation_date", sa.Date),
    sa.column("decided_on", sa.Date),
    sa.column("received_on", sa.Date),
    sa.column("compliance_due", sa.Date),
    sa.column("fine_total", sa.Integer),
    sa.column("paid_total", sa.Integer),
    sa.column("reduced_total", sa.Integer),
    sa.column("imported", sa.Boolean),
    *(sa.column(name, sa.Date) for name in DEADLINES),
)
record_t = sa.table(
    "violationrecord",
    sa.column("case_id", sa.Integer),
    sa.column("made_at", sqlmodel.sql.sqltypes.UTCDateTime()),
)
instalment_t = sa.table(
    "instalment",
    sa.column("case_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("due_on", sa.Date),
    sa.column("amount", sa.Integer),
    sa.column("paid", sa.Integer),
)
step_t = sa.table(
    "procedurestep",
    sa.column("case_id", sa.Integer),
    sa.column("step", sa.String),
    sa.column("on", sa.Date),
    sa.column("id", sa.Integer),
)


def upgrade() -> None:
    # Plain ADD COLUMN (no batch): SQLite would otherwise copy the whole case
    # table, which other tables point at. The default is a literal for that
    # reason too ('0' is false for both SQLite and PostgreSQL).
    op.add_column(
        "case",
        sa.Column("continuing", sa.Boolean(), nullable=False, server_default="0"),
    )
    op.add_column("case", sa.Column("detected_on", sa.Date(), nullable=True))
    for name in DEADLINES:
        op.add_column("case", sa.Column(name, sa.Date(), nullable=True))
    _backfill(op.get_bind())
    # After the backfill: the indexes are built once, over the final values.
    for name in DEADLINES:
        where = {
            "sqlite_where": sa.text(f"{name} IS NOT NULL"),
            "postgresql_where": sa.text(f"{name} IS NOT NULL"),
        }
        op.create_index(f"ix_case_{name}", "case", [name, "id"], **where)
        op.create_index(
            f"ix_case_unit_{name}", "case", ["unit_id", name, "id"], **where
        )


def downgrade() -> None:
    for name in DEADLINES:
        op.drop_index(f"ix_case_{name}", table_name="case")
        op.drop_index(f"ix_case_unit_{name}", table_name="case")
    for name in (*DEADLINES, "detected_on", "continuing"):
        if op.get_bind().dialect.name == "sqlite":
            # SQLite 3.35+ drops a plain column in place; batch mode would
            # rebuild the table under foreign keys that point at it.
            op.execute(f'ALTER TABLE "case" DROP COLUMN "{name}"')
        else:
            op.drop_column("case", name)


def _deadlines(
    row, made: date | None, taken: dict[str, list[date]], plan: date | None
) -> dict:
    """services.procedure.deadlines.refresh_deadlines for a finished violation,
    from plain values (`plan`: the first unpaid instalment's due date)."""
    values = dict.fromkeys(DEADLINES)
    if row.status in AWAITING:
        if made is not None:
            made = max([made, *taken["received_back"]])  # limits.decision_due
            if taken["extend_decision"]:
                kind = DecisionCase.EXTENDED
            elif taken["request_explanation"] or taken["verify"]:
                kind = DecisionCase.EXPLANATION
            elif taken["transfer_unit"]:
                kind = DecisionCase.TRANSFERRED
            else:
                kind = DecisionCase.NORMAL
            values["decision_due"] = decision_deadline(made, kind)
        if row.violation_date is not None:
            found = sanction_limitation(
                row.field or "",
                row.violation_date,
                transferred_by_criminal_body=bool(taken["received_back"]),
            )
            values["limitation_end"] = found.end if found else None
    if row.status not in EXECUTING or row.decided_on is None:
        return values
    if row.received_on is None and not row.imported and not taken["send"]:
        values["send_due"] = send_decision_deadline(row.decided_on)
    if row.fine_total - row.paid_total - row.reduced_total > 0:
        values["instalment_due"] = plan
        if plan is None and row.status in TO_PAY:
            values["payment_due"] = row.compliance_due
        elif plan is None and row.status == "postponed":
            values["postponed_until"] = row.compliance_due
    changes = sorted(taken["correct"] + taken["amend"])
    values["execution_end"] = execution_limitation_after_changes(
        row.decided_on, changes
    )
    return values


def _backfill(conn) -> None:
    last_id = 0
    while True:
        rows = conn.execute(
            sa.select(
                case_t.c.id,
                case_t.c.status,
                case_t.c.field,
                case_t.c.violation_date,
                case_t.c.decided_on,
                case_t.c.received_on,
                case_t.c.compliance_due,
                case_t.c.fine_total,
                case_t.c.paid_total,
                case_t.c.reduced_total,
                case_t.c.imported,
            )
            .where(case_t.c.id > last_id, case_t.c.status != "closed")
            .order_by(case_t.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        last_id = rows[-1].id
        first = rows[0].id
        made = {
            case_id: to_local(at).date()
            for case_id, at in conn.execute(
                sa.select(record_t.c.case_id, record_t.c.made_at).where(
                    record_t.c.case_id.between(first, last_id)
                )
            )
        }
        taken: dict[int, dict[str, list[date]]] = defaultdict(
            lambda: {step: [] for step in STEPS}
        )
        for case_id, step, on in conn.execute(
            sa.select(step_t.c.case_id, step_t.c.step, step_t.c.on)
            .where(
                step_t.c.case_id.between(first, last_id), step_t.c.step.in_(STEPS)
            )
            .order_by(step_t.c.id)
        ):
            taken[case_id][step].append(on)
        plans: dict[int, date] = {}
        for case_id, due_on in conn.execute(
            sa.select(instalment_t.c.case_id, instalment_t.c.due_on)
            .where(
                instalment_t.c.case_id.between(first, last_id),
                instalment_t.c.paid < instalment_t.c.amount,
            )
            .order_by(instalment_t.c.position.desc())
        ):
            plans[case_id] = due_on  # the lowest position is written last
        updates = []
        for row in rows:
            values = _deadlines(row, made.get(row.id), taken[row.id], plans.get(row.id))
            if any(values.values()):
                updates.append({"case_id": row.id, **values})
        if updates:
            conn.execute(
                case_t.update()
                .where(case_t.c.id == sa.bindparam("case_id"))
                .values({name: sa.bindparam(name) for name in DEADLINES}),
                updates,
            )
