"""records and decisions keep the issuing unit as they printed it

Revision ID: 0026_paper_issuer
Revises: 0025_record_date_unknown
Create Date: 2026-12-12 10:00:00

A record (MBB01) and a decision (MQĐ01/MQĐ02) printed the case's unit as it
is now: renaming UBND phường Tuy Hòa to «… Tuy Hòa Mới» reprinted the
decision of 17/11 under the new name, and after a merge (services/units.py)
Bình Kiến's decision reprinted with Tuy Hòa's header above «CHỦ TỊCH UBND
PHƯỜNG BÌNH KIẾN» (user trial). Each now keeps its header when written
(services/issuer.py): agency_name, agency_parent, agency_place, as
printing.agency_of gives them.

The rows already there get the header of their case's unit now: the best
known (an earlier rename is not recorded against the papers; the audit
trail has it, to correct by hand if ever needed). The logic of agency_of is
frozen here so that a later change to it does not change this backfill.

The columns are added in place (no batch copy), which keeps the case
summary triggers on SQLite (as migration 0023); no trigger reads these
tables' new columns. The downgrade drops them (batch mode on SQLite).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026_paper_issuer"
down_revision: str | None = "0025_record_date_unknown"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("violationrecord", "decision")
COLUMNS = (("agency_name", 300), ("agency_parent", 300), ("agency_place", 200))
# As models.units.UnitKind, frozen here.
COMMUNE_BODIES = ("ubnd", "police")
POLICE = "police"
PROVINCE = "province"

unit_t = sa.table(
    "unit",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("kind", sa.String),
    sa.column("parent_id", sa.Integer),
    sa.column("is_vertical", sa.Boolean),
)
case_t = sa.table("case", sa.column("id", sa.Integer), sa.column("unit_id", sa.Integer))


def _paper_t(name: str) -> sa.TableClause:
    return sa.table(
        name,
        sa.column("case_id", sa.Integer),
        *(sa.column(column, sa.String) for column, _ in COLUMNS),
    )


def header(unit, names: dict[int, str]) -> tuple[str, str, str]:
    """(name, parent, place) as printing.agency_of gave them in 0026."""
    if unit.kind in COMMUNE_BODIES:
        parent = names.get(unit.parent_id)
        place = parent.split(" ", 1)[-1] if parent else "Đắk Lắk"
        superior = "Công an tỉnh Đắk Lắk" if unit.kind == POLICE else ""
        return unit.name, superior, place
    superior = (
        "" if unit.is_vertical or unit.kind == PROVINCE
        else "Ủy ban nhân dân tỉnh Đắk Lắk"
    )
    return unit.name.replace(" tỉnh Đắk Lắk", ""), superior, "Đắk Lắk"


def upgrade() -> None:
    for table in TABLES:
        for column, length in COLUMNS:
            op.add_column(
                table,
                sa.Column(
                    column, sa.String(length=length), nullable=False,
                    server_default="",
                ),
            )
    bind = op.get_bind()
    units = bind.execute(sa.select(unit_t)).all()
    names = {u.id: u.name for u in units}
    for unit in units:
        name, parent, place = header(unit, names)
        of_unit = sa.select(case_t.c.id).where(case_t.c.unit_id == unit.id)
        for table in TABLES:
            paper = _paper_t(table)
            bind.execute(
                paper.update()
                .where(paper.c.case_id.in_(of_unit))
                .values(agency_name=name, agency_parent=parent, agency_place=place)
            )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, _ in COLUMNS:
                batch_op.drop_column(column)
