"""dashboard summary table and structured sanctions (issue 7)

Revision ID: 0007_dashboard_summary
Revises: 0006_search_token_unit
Create Date: 2026-12-04 19:30:00

- `casesummary`, `actsummary`: the dashboard's sums per unit (and for the
  province), field and violation month or year (models/summary.py), filled
  from the existing cases in one grouped pass each, then kept by triggers on
  `case` and `caseact` (services/case_summary.py);
- index (status, compliance_due) on `case` for the live "overdue" count;
- decision.sanction_*: the additional sanctions as choices (Law Art. 21),
  false for existing decisions (their free text is kept as it is).

The trigger text is compiled by services/case_summary.py from the status
conditions of services/enforcement.py; a later change of those conditions
comes with its own migration calling `case_summary.install` and `rebuild`
again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007_dashboard_summary"
down_revision: str | None = "0006_search_token_unit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SUMS = (
    "cases",
    "fines",
    "collected",
    "decided",
    "individuals",
    "organisations",
    "executed",
    "running",
    "postponed",
    "reduced",
    "coercing",
    "complained",
    "late",
    "late_running",
)
MONEY = ("fines", "collected")
SANCTIONS = (
    "sanction_licence",
    "sanction_suspension",
    "sanction_confiscation",
    "sanction_expulsion",
)


def _bucket() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column(
            "field", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False
        ),
    ]


def upgrade() -> None:
    from xlvphc.services import case_summary

    op.create_table(
        "casesummary",
        *_bucket(),
        *(
            sa.Column(name, sa.BigInteger() if name in MONEY else sa.Integer(),
                      nullable=False)
            for name in SUMS
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "unit_id", "period", "field", name="uq_casesummary_bucket"
        ),
    )
    op.create_index("ix_casesummary_period", "casesummary", ["period"])
    op.create_table(
        "actsummary",
        *_bucket(),
        sa.Column(
            "decree", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False
        ),
        sa.Column("article", sa.Integer(), nullable=False),
        sa.Column("clause", sa.Integer(), nullable=False),
        sa.Column("point", sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "unit_id",
            "period",
            "field",
            "decree",
            "article",
            "clause",
            "point",
            name="uq_actsummary_bucket",
        ),
    )
    op.create_index(
        "ix_actsummary_period_unit", "actsummary", ["period", "unit_id"]
    )
    op.create_index("ix_case_status_due", "case", ["status", "compliance_due"])
    # Plain ADD COLUMN: no copy of the table, on SQLite as on PostgreSQL.
    for name in SANCTIONS:
        op.add_column(
            "decision",
            sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false()),
        )

    bind = op.get_bind()
    case_summary.rebuild(bind)
    case_summary.install(bind)


def downgrade() -> None:
    from xlvphc.services import case_summary

    case_summary.drop(op.get_bind())
    with op.batch_alter_table("decision") as batch_op:
        for name in SANCTIONS:
            batch_op.drop_column(name)
    op.drop_index("ix_case_status_due", table_name="case")
    op.drop_index("ix_actsummary_period_unit", table_name="actsummary")
    op.drop_table("actsummary")
    op.drop_index("ix_casesummary_period", table_name="casesummary")
    op.drop_table("casesummary")
