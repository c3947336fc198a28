"""a unit's cases in use, newest first, from one index (issue 8: events)

Revision ID: 0012_case_unit_live
Revises: 0011_sort_indexes
Create Date: 2026-12-05 02:00:00

The case list of an officer counts up to 1,001 of the unit's cases in use
and shows the newest 20. With only (unit_id) the count read a table page per
case (PostgreSQL: 987 pages, 11 ms cold, at 1,000,000 cases) and the page
sorted the unit's cases. A partial index on (unit_id, id) over the cases not
in the recycle bin answers both from the index alone.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_case_unit_live"
down_revision: str | None = "0011_sort_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "deleted_at IS NULL"


def upgrade() -> None:
    op.create_index(
        "ix_case_unit_live",
        "case",
        ["unit_id", "id"],
        sqlite_where=sa.text(LIVE),
        postgresql_where=sa.text(LIVE),
    )


def downgrade() -> None:
    op.drop_index("ix_case_unit_live", table_name="case")
