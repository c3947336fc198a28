"""late-payment interest paid (Law Art. 78 k1)

Revision ID: 0016_case_surcharge_paid
Revises: 0015_case_seizure_due
Create Date: 2026-12-05 18:00:00

Case gets surcharge_paid: the late-payment interest ("tiền chậm nộp phạt")
the violator has paid, which NĐ 118/2021 Art. 21 k4 b has collected on its
own receipt. What is still owed is the unpaid fine plus the interest fixed
(surcharge_total) and still running, less this
(services/procedure/late_interest.py). Until now no interest payment could
be recorded: every existing case starts at 0.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_case_surcharge_paid"
down_revision: str | None = "0015_case_seizure_due"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "surcharge_paid"
# As models/base.py MONEY (migration 0010): BIGINT, INTEGER on SQLite.
MONEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    # Plain ADD COLUMN (no batch): SQLite would otherwise copy the whole case
    # table, which other tables point at (as migration 0008).
    op.add_column(
        "case", sa.Column(NAME, MONEY, nullable=False, server_default="0")
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite 3.35+ drops a plain column in place; batch mode would
        # rebuild the table under foreign keys that point at it.
        op.execute(f'ALTER TABLE "case" DROP COLUMN "{NAME}"')
    else:
        op.drop_column("case", NAME)
