"""a decision cancelled in full is no longer counted as sanctioned

Revision ID: 0020_cancelled_not_sanctioned
Revises: 0019_step_numbers_searchable
Create Date: 2026-12-07 11:00:00

The dashboard's summary counted every case with a decision date as decided
and its fine as imposed, a decision cancelled in full (MQĐ40, case closed as
CANCELLED) included. The summary triggers now add those figures only for a
decision that stands (services/enforcement.py `sanctioned`), so the triggers
are put in again (SQLite's are CREATE TRIGGER IF NOT EXISTS, so dropped
first; PostgreSQL's functions are replaced with them) and both summary
tables are recomputed from the cases, as `case_summary.ensure` does when it
finds triggers missing. The summary is derived data: nothing is lost.

The downgrade puts the older counting back the same way only if the code
running it still counts the older way; it does not try to: the figures stay
as they are until that code's `ensure` or a rebuild.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020_cancelled_not_sanctioned"
down_revision: str | None = "0019_step_numbers_searchable"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from xlvphc.services import case_summary

    bind = op.get_bind()
    case_summary.drop(bind)
    case_summary.install(bind)
    case_summary.rebuild(bind)


def downgrade() -> None:
    """Nothing to undo in the schema (see the module's docstring)."""
