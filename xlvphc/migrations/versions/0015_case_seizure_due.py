"""the end of a seizure in "Việc cần làm" (extension of a seizure, MQĐ21)

Revision ID: 0015_case_seizure_due
Revises: 0014_case_unit_deleted
Create Date: 2026-12-05 15:00:00

Case gets seizure_due: the earliest end of the period of a held item's
seizure (Law Art. 125 k8), extensions included, None when nothing is held
(services.procedure.deadlines). "Việc cần làm" reads it like the other
deadline columns, so it has the same two partial indexes ((due, id);
(unit_id, due, id)), built after the backfill.

Before this revision no extension could be recorded: a held item's end is
its seizure decision's, the period its step recorded (working days,
domain.deadlines.seizure_end). Only cases holding an item are read.
"""

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

from xlvphc.domain.deadlines import seizure_end

revision: str = "0015_case_seizure_due"
down_revision: str | None = "0014_case_unit_deleted"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "seizure_due"

case_t = sa.table("case", sa.column("id", sa.Integer), sa.column(NAME, sa.Date))
item_t = sa.table(
    "seizeditem",
    sa.column("id", sa.Integer),
    sa.column("case_id", sa.Integer),
    sa.column("status", sa.String),
)
step_t = sa.table(
    "procedurestep",
    sa.column("id", sa.Integer),
    sa.column("case_id", sa.Integer),
    sa.column("step", sa.String),
    sa.column("on", sa.Date),
)
detail_t = sa.table(
    "stepdetail", sa.column("step_id", sa.Integer), sa.column("data", sa.String)
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


def _ends(data: str, on: date) -> tuple[list[int], date | None]:
    """(items, end) of one seizure step's details."""
    try:
        found = json.loads(data)
    except ValueError:
        return [], None
    if not isinstance(found, dict):
        return [], None
    days = found.get("days")
    days = days if isinstance(days, int) and days > 0 else None
    items = [i for i in found.get("item_ids") or [] if isinstance(i, int)]
    return items, seizure_end(on, days)


def _backfill(conn) -> None:
    held: dict[int, set[int]] = defaultdict(set)
    for item_id, case_id in conn.execute(
        sa.select(item_t.c.id, item_t.c.case_id).where(item_t.c.status == "held")
    ):
        held[case_id].add(item_id)
    if not held:
        return
    due: dict[int, date] = {}
    rows = conn.execute(
        sa.select(step_t.c.case_id, step_t.c.on, detail_t.c.data)
        .join(detail_t, detail_t.c.step_id == step_t.c.id)
        .where(step_t.c.step == "seize")
    )
    for case_id, on, data in rows:
        items, end = _ends(data, on)
        if end is None or not held.get(case_id, set()) & set(items):
            continue
        due[case_id] = min(end, due.get(case_id, end))
    if due:
        conn.execute(
            case_t.update()
            .where(case_t.c.id == sa.bindparam("case_id"))
            .values({NAME: sa.bindparam(NAME)}),
            [{"case_id": case_id, NAME: end} for case_id, end in due.items()],
        )
