"""caseact.origin: catalogue, typed by an officer, or from an imported register

Revision ID: 0023_act_origin
Revises: 0022_postal_numbers_searchable
Create Date: 2026-12-09 12:00:00

An act outside the catalogue is typed by an officer (services.typed_acts),
and a case imported from an Excel register (services.importer) also has
acts without a catalogue row. Both were stored with catalogue_id NULL, so
the case page marked the register's acts «ngoài danh mục» as if an officer
had typed them. CaseAct.origin (models.cases.ActOrigin) now says which.

The acts already there get what their row tells:
- catalogue_id set: "catalogue" (the act is a catalogue row, whoever chose
  it; the importer matches a register's citation to it too);
- otherwise, in an imported case: "import";
- otherwise: "typed" (only the typed-act form wrote such acts in a case
  made in the app).

"import" is the best guess for an imported case because nothing recorded
who wrote an act: an imported case is written with its decision, and a
case with a decision cannot be edited (services.case_edit.editable), so no
officer can have typed an act into one; and were one there, the quieter
mark is the smaller error than an officer's mark on the register's words.

The column is added in place (no batch copy): the case summaries' triggers
on caseact (services.case_summary) would not survive SQLite's copy, and
they fire on other columns only, so the filling leaves them unmoved. The
downgrade drops the column.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0023_act_origin"
down_revision: str | None = "0022_postal_numbers_searchable"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "origin"
# As models.cases.ActOrigin, frozen here: a later rename of the model's
# constants must not change what this revision wrote.
CATALOGUE, TYPED, IMPORT = "catalogue", "typed", "import"

act_t = sa.table(
    "caseact",
    sa.column("case_id", sa.Integer),
    sa.column("catalogue_id", sa.Integer),
    sa.column(NAME, sa.String),
)
case_t = sa.table(
    "case", sa.column("id", sa.Integer), sa.column("imported", sa.Boolean)
)


def upgrade() -> None:
    # Every row "typed" first: the fallback of the rules above.
    op.add_column(
        "caseact",
        sa.Column(
            NAME,
            sqlmodel.sql.sqltypes.AutoString(length=12),
            nullable=False,
            server_default=TYPED,
        ),
    )
    fill_origins(op.get_bind())


def fill_origins(conn) -> None:
    """Give the acts already stored the origin their rows tell (see the
    module's docstring)."""
    conn.execute(
        act_t.update()
        .where(act_t.c.catalogue_id.is_not(None))
        .values({NAME: CATALOGUE})
    )

    imported = sa.select(case_t.c.id).where(case_t.c.imported)
    conn.execute(
        act_t.update()
        .where(act_t.c.catalogue_id.is_(None), act_t.c.case_id.in_(imported))
        .values({NAME: IMPORT})
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite 3.35+ drops a plain column in place (as migration 0016);
        # batch mode would copy the table and lose its triggers.
        op.execute(f'ALTER TABLE "caseact" DROP COLUMN "{NAME}"')
    else:
        op.drop_column("caseact", NAME)
