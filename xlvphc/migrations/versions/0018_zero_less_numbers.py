"""old search words of zero-padded document numbers get their zero-less form

Revision ID: 0018_zero_less_numbers
Revises: 0017_case_coerced_on
Create Date: 2026-12-06 14:00:00

Numbers under 10 are now issued with a leading zero ("01/QĐ-XPHC", Nghị định
30/2020/NĐ-CP, Phụ lục I), and the search looks a typed document number up
without its zeros ("1/qd-xphc", services.search_index.query_words), the form
`words_of` now stores next to the written one. Cases indexed before hold the
written form only: a number imported from Excel as "01/QĐ-XPHC" had the
tokens "01/qd-xphc", "01qdxphc", "01", ... and no "1/qd-xphc", so searching
for it by either writing missed the case. Each such token gets the tokens
`words_of` now adds for it, with the token's case and unit; those the case
already has are skipped, so the case holds what a rewrite of its words
would give.

Only words starting with "0" can be such a number, so only the index range
token >= '0' AND token < '1' is read, in pages by (token, case_id) (the
(token, case_id) index alone: no table row is read for identity numbers or
phones that start with "0"); the shape test and the stripping are
search_index's own, so the two cannot disagree. The padded ones get their
case's words read by (case_id, token) and the new tokens written by COPY
(importer.write). Measured at 1,000,000 cases with 1.8 million words in the
range, 100,000 of them padded numbers: 16 s on SQLite, 28 s on PostgreSQL;
the range alone reads in 5-7 s.

A case in the recycle bin has no tokens (migration 0006) and gets its words
on restore. A case already at MAX_TOKENS words gets its variants all the
same: a number is worth more to the search than the cap is to the index.
The downgrade keeps the tokens (see `downgrade`).
"""

import functools
import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from xlvphc.services.importer.write import insert_many
from xlvphc.services.search_index import words_of, zero_less

revision: str = "0018_zero_less_numbers"
down_revision: str | None = "0017_case_coerced_on"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger(__name__)

PAGE = 5000  # index entries read per query
CHUNK = 500  # cases looked up per query (bound parameters stay few)

token_t = sa.table(
    "casetoken",
    sa.column("case_id", sa.Integer),
    sa.column("token", sa.String),
    sa.column("unit_id", sa.Integer),
)


def upgrade() -> None:
    added = add_zero_less_tokens(op.get_bind())
    log.info("search words of zero-padded numbers added: %d", added)


def downgrade() -> None:
    """Nothing to undo. The added tokens are the ones the new code writes
    itself for every case it indexes, so after the upgrade they cannot be
    told from those; the older code never looks a number up without its
    zeros, and an extra token only lets "1/QĐ-XPHC" find a case numbered
    "01/QĐ-XPHC", which is the same number."""


def add_zero_less_tokens(conn, page: int = PAGE, chunk: int = CHUNK) -> int:
    """Add the missing zero-less tokens of every zero-padded number token.

    Args:
        conn: The migration's connection.
        page: Index entries read per query.
        chunk: Cases whose existing tokens are read per query.

    Returns:
        How many tokens were added.
    """
    after = ("0", -1)  # (token, case_id) > ("0", -1): every token >= "0"
    added = 0
    while True:
        rows = conn.execute(
            sa.select(token_t.c.token, token_t.c.case_id)
            .where(
                sa.tuple_(token_t.c.token, token_t.c.case_id)
                > sa.tuple_(sa.literal(after[0]), sa.literal(after[1])),
                token_t.c.token < "1",
            )
            .order_by(token_t.c.token, token_t.c.case_id)
            .limit(page)
        ).all()
        if not rows:
            return added
        after = tuple(rows[-1])
        # Read the whole page before writing: new tokens start with 1-9 and
        # fall outside the range being read.
        numbered = [(case_id, token) for token, case_id in rows
                    if zero_less(token) != token]
        for start in range(0, len(numbered), chunk):
            added += _add_for(conn, numbered[start:start + chunk])


def _add_for(conn, numbered: list[tuple[int, str]]) -> int:
    """Add the missing variants of some (case_id, padded token) pairs; a case
    met again (another number, the next chunk) sees what was added."""
    wanted: dict[int, set[str]] = {}
    for case_id, token in numbered:
        wanted.setdefault(case_id, set()).update(_variants(token))
    # All the words of these cases, by (case_id, token): a condition on the
    # token would let the planner walk ix_casetoken_token_case instead, and
    # "1" or "qd" has the postings of most cases.
    padded = set(numbered)
    have: dict[int, set[str]] = {}
    unit_of: dict[int, int] = {}
    for case_id, token, unit_id in conn.execute(
        sa.select(token_t.c.case_id, token_t.c.token, token_t.c.unit_id).where(
            token_t.c.case_id.in_(sorted(wanted))
        )
    ):
        have.setdefault(case_id, set()).add(token)
        if (case_id, token) in padded:
            unit_of[case_id] = unit_id
    values = [
        {"case_id": case_id, "token": token, "unit_id": unit_of[case_id]}
        for case_id, tokens in sorted(wanted.items())
        for token in sorted(tokens - have.get(case_id, set()))
    ]
    if values:
        # COPY on PostgreSQL: psycopg's executemany sends row by row.
        insert_many(conn, token_t, values)
    return len(values)


@functools.lru_cache(maxsize=65_536)
def _variants(token: str) -> frozenset[str]:
    """The tokens `words_of` now adds for a padded number: those of its
    zero-less writing ("1/qd-xphc", "1qdxphc", "1", "qd", "xphc"). A token of
    that shape is a whole word (a part or a joined form holds no "/"), so
    these are exactly its words. Cached: the same numbers recur in many cases
    ("01/qd-xphc" once per unit and year)."""
    return frozenset(words_of(zero_less(token)))
