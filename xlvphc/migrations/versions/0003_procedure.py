"""procedure tables (issue 3: the whole sanction procedure)

Revision ID: 0003_procedure
Revises: 0002_casetoken
Create Date: 2026-12-04 17:05:00

Steps taken on a case, instalment plans, seized items, the delegation
register, and the decision's signer title code, delegation and
circumstances. Existing decisions get empty texts.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003_procedure"
down_revision: str | None = "0002_casetoken"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _text(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


DECISION_COLUMNS = (
    ("signer_title_code", 60),
    ("delegation", 200),
    ("mitigating", 2000),
    ("aggravating", 2000),
)


def upgrade() -> None:
    op.create_table(
        "delegation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("number", _text(60), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("scope", _text(20), nullable=False),
        sa.Column("head_title_code", _text(60), nullable=False),
        sa.Column("deputy_name", _text(120), nullable=False),
        sa.Column("deputy_title", _text(120), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["user.id"]),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_delegation_unit_id", "delegation", ["unit_id"])
    op.create_table(
        "instalment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("paid", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_instalment_case_id", "instalment", ["case_id"])
    op.create_index("ix_instalment_due_on", "instalment", ["due_on"])
    op.create_table(
        "procedurestep",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("step", _text(40), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("code", _text(40), nullable=False),
        sa.Column("document", _text(120), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("note", _text(2000), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["user.id"]),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_procedurestep_case_id", "procedurestep", ["case_id"])
    op.create_index("ix_procedurestep_step", "procedurestep", ["step"])
    op.create_table(
        "seizeditem",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("description", _text(500), nullable=False),
        sa.Column("quantity", _text(120), nullable=False),
        sa.Column("seized_on", sa.Date(), nullable=False),
        sa.Column("status", _text(20), nullable=False),
        sa.Column("disposed_on", sa.Date(), nullable=True),
        sa.Column("disposal_document", _text(120), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_seizeditem_case_id", "seizeditem", ["case_id"])
    with op.batch_alter_table("decision") as batch_op:
        for name, length in DECISION_COLUMNS:
            batch_op.add_column(
                sa.Column(name, _text(length), nullable=False, server_default="")
            )


def downgrade() -> None:
    with op.batch_alter_table("decision") as batch_op:
        for name, _length in DECISION_COLUMNS:
            batch_op.drop_column(name)
    for table in ("seizeditem", "procedurestep", "instalment", "delegation"):
        op.drop_table(table)
