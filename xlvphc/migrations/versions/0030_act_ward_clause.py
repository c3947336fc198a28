"""an act keeps the clause that doubled its frame in a ward

Revision ID: 0030_act_ward_clause
Revises: 0029_decision_unit_name
Create Date: 2026-12-06 15:00:00

Some acts of Nghị định 123/2024/NĐ-CP are fined twice the commune's frame
when the land is in a ward (Điều 10 k3, Điều 13 k6). A case's act now
keeps its frame for a ward and the clause that set it
(caseact.ward_clause), cited with the act's own clause on the record and
the decision (domain/ward_fines.py).

The acts already there are left NULL, their own frame: which of them were
in a ward is not known, and a decided case is not rewritten. The column
is added in place (no batch copy), which keeps the case summary triggers
on SQLite (as 0023, 0026); no trigger reads it. The downgrade drops it
in place too.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0030_act_ward_clause"
down_revision: str | None = "0029_decision_unit_name"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE, COLUMN = "caseact", "ward_clause"


def upgrade() -> None:
    op.add_column(TABLE, sa.Column(COLUMN, sa.Integer(), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite 3.35+ drops a plain column in place; a batch copy would be
        # renamed under the case summary triggers that read this table.
        op.execute(f'ALTER TABLE "{TABLE}" DROP COLUMN "{COLUMN}"')
    else:
        op.drop_column(TABLE, COLUMN)
