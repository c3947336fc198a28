"""The word index behind the one search box.

Each case's folded `search_text` is split into words stored in `CaseToken`
(token, case_id) with a composite index. A query word becomes an index range
scan (`token >= w AND token < w + U+FFFF`), which works the same on SQLite and
PostgreSQL and stays fast at a million cases, where `LIKE '% w%'` over
`search_text` reads every row.

The index follows `search_text` by itself: a flush listener rewrites a case's
tokens whenever that column changes, whichever service changed it (creation,
decision, editing, import, the procedure steps), so no caller can forget.
"""

import logging
import re

from sqlalchemy import delete, event, insert, inspect
from sqlmodel import Session, select

from xlvphc.domain.text import fold
from xlvphc.models import Case, CaseToken

log = logging.getLogger(__name__)

MAX_TOKEN = 60
MAX_TOKENS = 200
_PUNCT = re.compile(r"[^0-9a-z]+")
_EDGE = re.compile(r"^[^0-9a-z]+|[^0-9a-z]+$")
_HIGH = "\uffff"


def words_of(text: object) -> set[str]:
    """The tokens stored for a text: each folded word, trimmed of edge
    punctuation; and for words with inner punctuation ("47b1-123.45") also the
    letters-and-digits-only form ("47b112345") and the parts ("47b1", "123"),
    so a plate or a number is found however it is typed."""
    found: set[str] = set()
    for raw in fold(text).split():
        word = _EDGE.sub("", raw)
        if not word:
            continue
        found.add(word[:MAX_TOKEN])
        parts = [p for p in _PUNCT.split(word) if p]
        if len(parts) > 1:
            found.add("".join(parts)[:MAX_TOKEN])
            found.update(p[:MAX_TOKEN] for p in parts)
    return found


def query_words(text: object, limit: int = 8) -> list[str]:
    """The words of a typed query, in the same form as stored tokens."""
    out: list[str] = []
    for raw in fold(text).split():
        word = _EDGE.sub("", raw)[:MAX_TOKEN]
        if word and word not in out:
            out.append(word)
    return out[:limit]


# TODO: a one-letter word matches a large share of all tokens (69 ms at
# 200,000 cases on SQLite); check at 1,000,000 and consider whole-token
# matching for one letter if it is too slow there.
def matching_cases(word: str):
    """A subquery of the ids of cases having a token that starts with `word`
    (an index range scan on ix_casetoken_token_case)."""
    return select(CaseToken.case_id).where(
        CaseToken.token >= word, CaseToken.token < word + _HIGH
    )


def write_tokens(connection, case_id: int, text: str) -> None:
    """Replace the tokens of one case (inside the caller's transaction)."""
    connection.execute(delete(CaseToken).where(CaseToken.case_id == case_id))
    tokens = sorted(words_of(text))[:MAX_TOKENS]
    if tokens:
        connection.execute(
            insert(CaseToken), [{"case_id": case_id, "token": t} for t in tokens]
        )


def rebuild(session: Session, batch: int = 2000) -> int:
    """Re-index every case (after a bulk load or an upgrade). Returns the
    number of cases indexed."""
    connection = session.connection()
    connection.execute(delete(CaseToken))
    done, last = 0, 0
    while True:
        rows = session.exec(
            select(Case.id, Case.search_text).where(Case.id > last)
            .order_by(Case.id).limit(batch)
        ).all()
        if not rows:
            return done
        payload = [
            {"case_id": cid, "token": t}
            for cid, text in rows
            for t in sorted(words_of(text))[:MAX_TOKENS]
        ]
        if payload:
            connection.execute(insert(CaseToken), payload)
        done += len(rows)
        last = rows[-1][0]


@event.listens_for(Session, "after_flush")
def _follow_search_text(session: Session, _context) -> None:
    """Rewrite the tokens of every case whose search_text was set or changed
    in this flush (same transaction: a rollback drops both)."""
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, Case) or obj.id is None:
            continue
        history = inspect(obj).attrs.search_text.history
        if obj in session.new or history.has_changes():
            write_tokens(session.connection(), obj.id, obj.search_text or "")
