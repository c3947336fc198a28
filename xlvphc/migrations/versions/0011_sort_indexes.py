"""indexes for the case list's sort columns (issue 6: search speed)

Revision ID: 0011_sort_indexes
Revises: 0010_money_bigint
Create Date: 2026-12-04 23:30:00

A search with many matches sorted by amount, name or unit reads the cases
in that column's order and stops at the page
(services.search_index.in_order_ids), instead of reading every posting of
its rarest word. The other sort columns (record and decision numbers,
status, dates) were indexed already.

Plain CREATE INDEX on both databases: at a million cases each build is a
sort of one column (seconds); PostgreSQL blocks writes to the case table
meanwhile, as any migration run while the application is stopped does.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011_sort_indexes"
down_revision: str | None = "0010_money_bigint"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_case_fine_total", "case", ["fine_total"])
    op.create_index("ix_case_violator_name", "case", ["violator_name"])
    op.create_index("ix_unit_name", "unit", ["name"])


def downgrade() -> None:
    op.drop_index("ix_unit_name", table_name="unit")
    op.drop_index("ix_case_violator_name", table_name="case")
    op.drop_index("ix_case_fine_total", table_name="case")
