"""a decision keeps the issuing unit's own name beside its header

Revision ID: 0029_decision_unit_name
Revises: 0028_postponed_late
Create Date: 2026-12-14 10:00:00

MQĐ01 sends itself "Gửi cho … để tổ chức thực hiện" to the unit that
issued it. Migration 0026 made each decision keep its header, not the
unit's name: a provincial body's header drops "tỉnh Đắk Lắk" (its superior
line says it), so once the unit was renamed or merged the reprint named
"Sở Tư pháp" where the signed paper said "Sở Tư pháp tỉnh Đắk Lắk". The
decision now keeps that name too (decision.agency_unit_name, written with
the header by services/issuer.py decision_columns), as a procedure step's
copy already does ("unit", issuer.step_copy).

The rows already there are left NULL, not filled from their unit as it is
now: a unit renamed since would be given a name its decision never
printed. issuer.issued_unit_name keeps telling their line from the header
as before.

The column is added in place (no batch copy), which keeps the case summary
triggers on SQLite (as 0023, 0026); no trigger reads it. The downgrade
drops it (batch mode on SQLite).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0029_decision_unit_name"
down_revision: str | None = "0028_postponed_late"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE, COLUMN = "decision", "agency_unit_name"


def upgrade() -> None:
    op.add_column(TABLE, sa.Column(COLUMN, sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_column(COLUMN)
