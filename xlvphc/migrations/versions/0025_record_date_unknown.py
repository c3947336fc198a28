"""violationrecord.made_at may be unknown (an imported register's record)

Revision ID: 0025_record_date_unknown
Revises: 0024_case_remedial_pending
Create Date: 2026-12-11 10:00:00

An Excel register row may give the record's number ("Số biên bản") without
its date ("Ngày lập biên bản"). The importer stored the violation's date as
the record's, so the case page, history, MBB01 and MQĐ02 ("… lập ngày …"),
the record-date filter of the list and the deadlines showed a day the
register never had. The column now takes NULL: the importer stores no date
for such a row, and every reader says it is unknown (or dots it on paper).

Records already imported are left as they are: the import's timeline entry
("Nhập từ sổ theo dõi Excel (dòng N)") and its audit entry (counts of rows
only) do not say whether the row had a record date, and a record made on
the day of the violation is common, so a record dated on its violation's
day cannot be told to be a stand-in. An officer who finds one can correct
it from the paper record.

SQLite changes a column's nullability only by copying the table (batch
mode, as migration 0021 did on this table; no trigger and no foreign key
reads violationrecord). The downgrade gives an unknown record the
violation's moment again, as the importer did before, since the older
code needs a date.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025_record_date_unknown"
down_revision: str | None = "0024_case_remedial_pending"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

record_t = sa.table(
    "violationrecord",
    sa.column("case_id", sa.Integer),
    sa.column("made_at", sa.DateTime),
)
case_t = sa.table(
    "case",
    sa.column("id", sa.Integer),
    sa.column("violation_at", sa.DateTime),
)


def upgrade() -> None:
    with op.batch_alter_table("violationrecord", schema=None) as batch_op:
        batch_op.alter_column(
            "made_at", existing_type=sa.DateTime(), nullable=True
        )


def downgrade() -> None:
    violated = (
        sa.select(case_t.c.violation_at)
        .where(case_t.c.id == record_t.c.case_id)
        .scalar_subquery()
    )
    op.get_bind().execute(
        record_t.update()
        .where(record_t.c.made_at.is_(None))
        .values(made_at=violated)
    )
    with op.batch_alter_table("violationrecord", schema=None) as batch_op:
        batch_op.alter_column(
            "made_at", existing_type=sa.DateTime(), nullable=False
        )
