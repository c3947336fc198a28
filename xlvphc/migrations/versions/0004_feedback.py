"""feedback table (issue 7: the trial-run feedback channel)

Revision ID: 0004_feedback
Revises: 0003_procedure
Create Date: 2026-12-04 17:10:00

Reports of difficulties sent by units, with an optional screenshot kept in
the database (never in the public upload folder), a status and an answer.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004_feedback"
down_revision: str | None = "0003_procedure"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _text(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("category", _text(20), nullable=False),
        sa.Column("text", _text(4000), nullable=False),
        sa.Column("screenshot", sa.LargeBinary(), nullable=True),
        sa.Column("screenshot_type", _text(20), nullable=False),
        sa.Column("status", _text(20), nullable=False),
        sa.Column("answer", _text(4000), nullable=False),
        sa.Column("answered_by", sa.Integer(), nullable=True),
        sa.Column("answered_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["answered_by"], ["user.id"]),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        for column in ("created_at", "status", "unit_id", "user_id"):
            batch_op.create_index(
                batch_op.f(f"ix_feedback_{column}"), [column], unique=False
            )


def downgrade() -> None:
    op.drop_table("feedback")
