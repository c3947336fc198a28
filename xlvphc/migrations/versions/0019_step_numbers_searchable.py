"""the numbers of the procedure's papers are search words of their case

Revision ID: 0019_step_numbers_searchable
Revises: 0018_zero_less_numbers
Create Date: 2026-12-07 10:00:00

The search box found a case by its record and decision numbers only. The
papers of the later steps (a coercion decision "03/QĐ-CCXP", an instalment
decision, a postponement, an amendment, a payment receipt, a complaint's
answer) were not words of the case, so an officer holding one of them could
not find the case it belongs to. `services.cases.search_text` now appends
the numbers the steps carry (`ProcedureStep.document`), and every step that
carries one rewrites the case's words.

Cases with such steps from before get the same: the folded numbers appended
to their search text and the words `words_of` gives for them, those the case
lacks, written with the case's unit (importer.write.insert_many: COPY on
PostgreSQL). Read in pages of cases by id; a case in the recycle bin has no
words (migration 0006) and gets them on restore, from the new search text.
The downgrade keeps them (see `downgrade`).
"""

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from xlvphc.domain.text import fold
from xlvphc.services.importer.write import insert_many
from xlvphc.services.search_index import words_of

revision: str = "0019_step_numbers_searchable"
down_revision: str | None = "0018_zero_less_numbers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger(__name__)

PAGE = 500  # cases per round

step_t = sa.table(
    "procedurestep",
    sa.column("id", sa.Integer),
    sa.column("case_id", sa.Integer),
    sa.column("document", sa.String),
)
case_t = sa.table(
    "case",
    sa.column("id", sa.Integer),
    sa.column("unit_id", sa.Integer),
    sa.column("search_text", sa.String),
    sa.column("deleted_at", sa.DateTime),
)
token_t = sa.table(
    "casetoken",
    sa.column("case_id", sa.Integer),
    sa.column("token", sa.String),
    sa.column("unit_id", sa.Integer),
)


def upgrade() -> None:
    cases, added = add_step_numbers(op.get_bind())
    log.info("step numbers made searchable: %d cases, %d words", cases, added)


def downgrade() -> None:
    """Nothing to undo: the older code rewrites a case's words from its search
    text at its next change, and until then an extra word only lets a case be
    found by a number that is really its own."""


def add_step_numbers(conn, page: int = PAGE) -> tuple[int, int]:
    """Append the step numbers of every case in use that has some.

    Returns:
        (cases changed, words added).
    """
    after, changed, added = 0, 0, 0
    while True:
        ids = conn.execute(
            sa.select(step_t.c.case_id).distinct()
            .where(step_t.c.case_id > after, step_t.c.document != "")
            .order_by(step_t.c.case_id).limit(page)
        ).scalars().all()
        if not ids:
            return changed, added
        after = ids[-1]
        documents: dict[int, list[str]] = {}
        for case_id, document in conn.execute(
            sa.select(step_t.c.case_id, step_t.c.document)
            .where(step_t.c.case_id.in_(ids), step_t.c.document != "")
            .order_by(step_t.c.case_id, step_t.c.id)
        ):
            found = documents.setdefault(case_id, [])
            if document not in found:
                found.append(document)
        n, words = _append(conn, documents)
        changed += n
        added += words


def _append(conn, documents: dict[int, list[str]]) -> tuple[int, int]:
    """One page: each case's search text and its missing words."""
    have: dict[int, set[str]] = {}
    for case_id, token in conn.execute(
        sa.select(token_t.c.case_id, token_t.c.token)
        .where(token_t.c.case_id.in_(sorted(documents)))
    ):
        have.setdefault(case_id, set()).add(token)
    rows, changed = [], 0
    for case_id, unit_id, stext in conn.execute(
        sa.select(case_t.c.id, case_t.c.unit_id, case_t.c.search_text).where(
            case_t.c.id.in_(sorted(documents)), case_t.c.deleted_at.is_(None)
        )
    ):
        folded = fold(" ".join(documents[case_id]))
        current = stext or " "
        if f" {folded} " not in current:
            conn.execute(
                sa.update(case_t).where(case_t.c.id == case_id)
                .values(search_text=f"{current.rstrip()} {folded} "[:4000])
            )
            changed += 1
        rows += [
            {"case_id": case_id, "token": token, "unit_id": unit_id}
            for token in sorted(words_of(folded) - have.get(case_id, set()))
        ]
    if rows:
        insert_many(conn, token_t, rows)
    return changed, len(rows)
