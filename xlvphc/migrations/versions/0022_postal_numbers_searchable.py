"""the postal item numbers of sendings made before are search words

Revision ID: 0022_postal_numbers_searchable
Revises: 0021_record_office_reason
Create Date: 2026-12-09 10:00:00

The search box finds a case by the postal item number typed in the note of
a sending by post (`services.cases.step_papers`, user trial: the officer
holding the post office's receipt could not find the case). A sending
recorded before that gave no word until its case's words were next rebuilt
(an edit, a step with a paper), so the cases sent by post earlier stayed
unfound by the number.

Those cases get what migration 0019 gave the numbers of the steps' papers,
by its own helper: the numbers `services.cases.postal_numbers` reads in
the notes, folded and appended to the search text, and the words the case
lacks written with its unit. Read in pages of cases by id; a case in the
recycle bin is left as 0019 left it. The downgrade keeps them, as 0019's.
"""

import importlib.util
import logging
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

from xlvphc.services.cases import postal_numbers

revision: str = "0022_postal_numbers_searchable"
down_revision: str | None = "0021_record_office_reason"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger(__name__)

PAGE = 500  # cases per round

step_t = sa.table(
    "procedurestep",
    sa.column("id", sa.Integer),
    sa.column("case_id", sa.Integer),
    sa.column("step", sa.String),
    sa.column("code", sa.String),
    sa.column("note", sa.String),
)


def _migration_0019():
    """Migration 0019's module: its file name is no module name to import."""
    path = Path(__file__).with_name("0019_step_numbers_searchable.py")
    spec = importlib.util.spec_from_file_location("_m0019_step_numbers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    cases, added = add_postal_numbers(op.get_bind())
    log.info("postal numbers made searchable: %d cases, %d words", cases, added)


def downgrade() -> None:
    """Nothing to undo (see 0019's downgrade): an extra word only lets a case
    be found by a number that is really its own."""


def add_postal_numbers(conn, page: int = PAGE) -> tuple[int, int]:
    """Append the postal numbers of every case in use sent by post.

    Returns:
        (cases changed, words added).
    """
    append = _migration_0019()._append
    posted = sa.and_(
        step_t.c.step == "send", step_t.c.code == "post", step_t.c.note != ""
    )
    after, changed, added = 0, 0, 0
    while True:
        ids = conn.execute(
            sa.select(step_t.c.case_id).distinct()
            .where(posted, step_t.c.case_id > after)
            .order_by(step_t.c.case_id).limit(page)
        ).scalars().all()
        if not ids:
            return changed, added
        after = ids[-1]

        numbers: dict[int, list[str]] = {}
        for case_id, note in conn.execute(
            sa.select(step_t.c.case_id, step_t.c.note)
            .where(posted, step_t.c.case_id.in_(ids))
            .order_by(step_t.c.case_id, step_t.c.id)
        ):
            found = numbers.setdefault(case_id, [])
            for number in postal_numbers(note):
                if number not in found:
                    found.append(number)

        n, words = append(conn, {c: found for c, found in numbers.items() if found})
        changed += n
        added += words
