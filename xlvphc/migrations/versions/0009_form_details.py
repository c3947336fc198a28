"""details the forms print (issue 4)

Revision ID: 0009_form_details
Revises: 0008_procedure_deadlines
Create Date: 2026-12-04 19:30:00

The `stepdetail` table: the structured details of a procedure step that its
official forms print (hearing minutes, verification findings, witnesses,
the holder of coerced money, seizure record numbers), as JSON text.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0009_form_details"
down_revision: str | None = "0008_procedure_deadlines"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stepdetail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("data", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"]),
        sa.ForeignKeyConstraint(["step_id"], ["procedurestep.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("stepdetail", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stepdetail_case_id"), ["case_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_stepdetail_step_id"), ["step_id"], unique=True
        )


def downgrade() -> None:
    op.drop_table("stepdetail")
