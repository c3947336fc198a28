"""money columns as 64-bit integers (issue 8)

Revision ID: 0010_money_bigint
Revises: 0009_form_details
Create Date: 2026-12-04 22:45:00

Every amount of money in đồng becomes BIGINT on PostgreSQL, where INTEGER
stops at 2,147,483,647 — less than the fines of one large organisation, and
a unit's totals pass it sooner. The columns are listed in `MONEY_COLUMNS`
(models/base.py `MONEY`).

PostgreSQL refuses to change the type of a column that a trigger's
`UPDATE OF` list names, so the summary triggers (services/case_summary.py)
are dropped first and installed again afterwards; the summary tables keep
their rows, which the change does not alter. Each table is rewritten once
(one ALTER TABLE with all its columns), under an exclusive lock: plan the
upgrade outside office hours on a large database.

SQLite: nothing to do. Its INTEGER already holds 64-bit values and the
models keep INTEGER there, so no table is rebuilt.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010_money_bigint"
down_revision: str | None = "0009_form_details"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "case": ("fine_total", "paid_total", "reduced_total", "surcharge_total"),
    "caseact": ("frame_min", "frame_max", "fine"),
    "decision": ("fine_total",),
    "procedurestep": ("amount",),
    "instalment": ("amount", "paid"),
    "catalogueentry": ("fine_min", "fine_max"),
}


def _retype(sql_type: str) -> None:
    from xlvphc.services import case_summary

    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    case_summary.drop(bind)
    for table, columns in MONEY_COLUMNS.items():
        changes = ", ".join(f"ALTER COLUMN {c} TYPE {sql_type}" for c in columns)
        op.execute(f'ALTER TABLE "{table}" {changes}')
    case_summary.install(bind)


def upgrade() -> None:
    _retype("BIGINT")


def downgrade() -> None:
    # Fails (and changes nothing) if an amount no longer fits 32 bits.
    _retype("INTEGER")
