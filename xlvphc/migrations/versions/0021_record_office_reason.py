"""violationrecord.office_reason (MBB01: why not made where it happened)

Revision ID: 0021_record_office_reason
Revises: 0020_cancelled_not_sanctioned
Create Date: 2026-12-08 10:00:00

Form MBB01 (Phụ lục, Nghị định 118/2021/NĐ-CP) has a line "Lý do lập biên
bản tại <trụ sở cơ quan của người có thẩm quyền lập biên bản/địa điểm
khác>", and its note (3) requires the reason whenever the record is not
made where the violation happened. The record had nowhere to keep it, so
MBB01 printed that line dotted. Existing records get "" (no reason known).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0021_record_office_reason"
down_revision: str | None = "0020_cancelled_not_sanctioned"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("violationrecord", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "office_reason",
                sqlmodel.sql.sqltypes.AutoString(length=500),
                nullable=False,
                server_default="",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("violationrecord", schema=None) as batch_op:
        batch_op.drop_column("office_reason")
