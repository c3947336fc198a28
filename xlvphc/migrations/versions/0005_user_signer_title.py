"""user.signer_title (issue 5: the authority role's signer title)

Revision ID: 0005_signer_title
Revises: 0004_feedback
Create Date: 2026-12-04 17:25:00

The code of the title from domain.authority.SIGNER_TITLES a person with
sanction authority signs under; their fine ceiling follows from it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0005_signer_title"
down_revision: str | None = "0004_feedback"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "signer_title",
                sqlmodel.sql.sqltypes.AutoString(length=60),
                nullable=False,
                server_default="",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("signer_title")
