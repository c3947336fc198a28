"""search tokens carry the unit (issue 6: search speed)

Revision ID: 0006_search_token_unit
Revises: 0005_signer_title
Create Date: 2026-12-04 19:30:00

`casetoken.unit_id` repeats the case's unit, so that a unit's search walks
(unit_id, token, case_id) instead of the whole province's postings of a
word; (case_id, token) replaces (case_id) so that "does this case have that
word" is one index probe (services.search_index.plan).

Words of cases in the recycle bin are dropped: from now on only cases in
use have words (services.search_index drops them on delete and writes them
again on restore), so a search without filters need not read the case row
of every candidate.

The column is filled from case.unit_id for every existing token. A province
has ~34 search words per case, 34 million rows at a million cases, so the
fill is one statement, not a loop in Python:
- SQLite: ADD COLUMN (no rewrite) and one correlated UPDATE; the existing
  (token, case_id) index is not touched by it.
- PostgreSQL: an UPDATE would write a second version of every row, update
  the primary key index for each, and leave the table twice its size until
  a VACUUM FULL (measured: 173 s at 200,000 cases against 22 s for a copy).
  So the table is copied once with the unit joined in, then swapped in, and
  its keys and indexes are built on the copy.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_search_token_unit"
down_revision: str | None = "0005_signer_title"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    sequence = None
    if bind.dialect.name == "postgresql":
        sequence = bind.execute(
            sa.text("SELECT pg_get_serial_sequence('casetoken', 'id')")
        ).scalar()
    if sequence:
        _copy_postgresql(sequence)
    else:
        _update_in_place()
    op.create_index("ix_casetoken_case_token", "casetoken", ["case_id", "token"])
    op.create_index(
        "ix_casetoken_unit_token_case", "casetoken", ["unit_id", "token", "case_id"]
    )
    if bind.dialect.name == "postgresql":
        op.execute("ANALYZE casetoken")


def _update_in_place() -> None:
    # NOT NULL needs a default for the rows already there; every row is then
    # given its case's unit (the default stays in SQLite's schema, unused).
    op.add_column(
        "casetoken",
        sa.Column("unit_id", sa.Integer(), nullable=False, server_default="0"),
    )
    op.execute(
        'DELETE FROM casetoken WHERE case_id IN (SELECT id FROM "case" '
        "WHERE deleted_at IS NOT NULL)"
    )
    op.execute(
        'UPDATE casetoken SET unit_id = (SELECT "case".unit_id FROM "case" '
        'WHERE "case".id = casetoken.case_id)'
    )
    op.drop_index("ix_casetoken_case_id", table_name="casetoken")


def _copy_postgresql(sequence: str) -> None:
    # Index builds sort the whole table: give them memory for this
    # transaction only (the server's default is 64 MB).
    op.execute("SET LOCAL maintenance_work_mem = '256MB'")
    op.execute(
        "CREATE TABLE casetoken_new ("
        f"id integer NOT NULL DEFAULT nextval('{sequence}'::regclass), "
        "case_id integer NOT NULL, token varchar(60) NOT NULL, "
        "unit_id integer NOT NULL)"
    )
    op.execute(
        "INSERT INTO casetoken_new (id, case_id, token, unit_id) "
        "SELECT t.id, t.case_id, t.token, c.unit_id "
        'FROM casetoken t JOIN "case" c ON c.id = t.case_id '
        "WHERE c.deleted_at IS NULL"
    )
    op.execute(f"ALTER SEQUENCE {sequence} OWNED BY casetoken_new.id")
    op.execute("DROP TABLE casetoken")
    op.execute("ALTER TABLE casetoken_new RENAME TO casetoken")
    op.execute("ALTER TABLE casetoken ADD CONSTRAINT casetoken_pkey PRIMARY KEY (id)")
    op.execute(
        "ALTER TABLE casetoken ADD CONSTRAINT casetoken_case_id_fkey "
        'FOREIGN KEY (case_id) REFERENCES "case" (id)'
    )
    op.create_index("ix_casetoken_token_case", "casetoken", ["token", "case_id"])


def downgrade() -> None:
    from xlvphc.services.search_index import MAX_TOKENS, words_of

    op.drop_index("ix_casetoken_unit_token_case", table_name="casetoken")
    op.drop_index("ix_casetoken_case_token", table_name="casetoken")
    op.create_index("ix_casetoken_case_id", "casetoken", ["case_id"])
    with op.batch_alter_table("casetoken") as batch:
        batch.drop_column("unit_id")
    # The older code kept the words of binned cases (and wrote none on
    # restore): give them back.
    binned = op.get_bind().execute(sa.text(
        'SELECT id, search_text FROM "case" WHERE deleted_at IS NOT NULL'
    )).all()
    payload = [
        {"case_id": case_id, "token": token}
        for case_id, text in binned
        for token in sorted(words_of(text))[:MAX_TOKENS]
    ]
    if payload:
        table = sa.table("casetoken", sa.column("case_id"), sa.column("token"))
        op.bulk_insert(table, payload)
