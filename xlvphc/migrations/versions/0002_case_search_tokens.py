"""case search tokens (issue 6: the search box's word index)

Revision ID: 0002_casetoken
Revises: 0001
Create Date: 2026-12-04 17:10:00

Creates `casetoken` with its (token, case_id) index and fills it from the
existing cases' search_text, so search keeps working on an upgraded database.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002_casetoken"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from xlvphc.services.search_index import MAX_TOKENS, words_of

    bind = op.get_bind()
    if "casetoken" in sa.inspect(bind).get_table_names():
        return  # made by an initial schema that already had it
    table = op.create_table(
        "casetoken",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("token", sqlmodel.sql.sqltypes.AutoString(length=60),
                  nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_casetoken_case_id", "casetoken", ["case_id"])
    op.create_index("ix_casetoken_token_case", "casetoken", ["token", "case_id"])
    rows = bind.execute(sa.text("SELECT id, search_text FROM \"case\"")).all()
    payload = [
        {"case_id": case_id, "token": token}
        for case_id, text in rows
        for token in sorted(words_of(text))[:MAX_TOKENS]
    ]
    if payload:
        op.bulk_insert(table, payload)


def downgrade() -> None:
    op.drop_index("ix_casetoken_token_case", table_name="casetoken")
    op.drop_index("ix_casetoken_case_id", table_name="casetoken")
    op.drop_table("casetoken")
