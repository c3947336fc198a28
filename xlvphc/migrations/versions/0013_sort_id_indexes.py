"""the list's sort columns indexed with the id (issue 8: search speed)

Revision ID: 0013_sort_id_indexes
Revises: 0012_case_unit_live
Create Date: 2026-12-05 07:30:00

A province-wide search with many matches, sorted by amount, name, record or
decision number or status, reads the cases in that column's order and stops
at the page (services.search_index.in_order_ids). The list orders ties by
id. SQLite keeps the rowid (the id) in every index, so its one-column
indexes served that order; PostgreSQL's did not, and each page sorted the
whole table first (94 ms at 1,000,000 cases; "nguyen" by amount, page 5:
187 ms). Each index is rebuilt on (column, id) under its old name.

Plain DROP and CREATE INDEX on both databases, run while the application is
stopped: at a million cases each build is a sort (seconds).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013_sort_id_indexes"
down_revision: str | None = "0012_case_unit_live"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here: a migration must not change when the models do.
COLUMNS = ("fine_total", "violator_name", "record_number", "decision_number",
           "status")


def upgrade() -> None:
    for column in COLUMNS:
        op.drop_index(f"ix_case_{column}", table_name="case")
        op.create_index(f"ix_case_{column}", "case", [column, "id"])


def downgrade() -> None:
    for column in COLUMNS:
        op.drop_index(f"ix_case_{column}", table_name="case")
        op.create_index(f"ix_case_{column}", "case", [column])
