"""The word index behind the one search box.

Each case's folded `search_text` is split into words stored in `CaseToken`
(token, case_id) with a composite index. A query word becomes an index range
scan (`token >= w AND token < w + U+FFFF`), which works the same on SQLite and
PostgreSQL and stays fast at a million cases, where `LIKE '% w%'` over
`search_text` reads every row.

The index follows `search_text` and `unit_id` by itself: a flush listener
rewrites a case's tokens whenever its search text changes, and moves them when
the case moves to another unit, whichever service changed it (creation,
decision, editing, import, transfer, the procedure steps), so no caller can
forget. Bulk UPDATEs bypass the listener: `follow_unit_merge` is for the one
that moves cases between units.

A search is planned (`plan`): the rarest word's postings are walked and each
other word is one probe of (case_id, token) per candidate, so "nguyen van an"
at a million cases reads a few thousand index entries instead of intersecting
the hundreds of thousands of cases named Nguyễn. `matching_ids` gives the
capped total (and every match when there are few), `newest_ids` a page in
case-id order, `sorted_ids` a page sorted by another column, `in_order_ids`
the same page read from that column's index when the words match many
cases, `matching_subquery` the matches for one streamed statement (the
Excel export).
"""

import functools
import logging
import re
from dataclasses import dataclass

from sqlalchemy import (
    and_,
    bindparam,
    delete,
    event,
    func,
    insert,
    inspect,
    literal,
    or_,
    text,
    union_all,
    update,
)
from sqlmodel import Session, select

from xlvphc.domain.text import fold
from xlvphc.models import Case, CaseToken

log = logging.getLogger(__name__)

MAX_TOKEN = 60
MAX_TOKENS = 200
_PUNCT = re.compile(r"[^0-9a-z]+")
_EDGE = re.compile(r"^[^0-9a-z]+|[^0-9a-z]+$")
_HIGH = "\uffff"


# A document number: digits, "/", then the symbol ("01/qd-xphc"). The app
# numbers under 10 with a leading zero (Nghị định 30/2020/NĐ-CP), and used
# not to: cases of before hold "1/qd-xphc" only. Such a word is stored both
# as written and without its leading zeros, and a typed one is looked up
# without them, so "1/QĐ-XPHC" and "01/QĐ-XPHC" find either, with no
# rebuild of the old tokens. Only this shape: a phone, an identity number
# ("066090001234") or a plate ("47b1-012.34") keeps its zeros.
_NUMBERED = re.compile(r"^0+(?=[1-9][0-9]*/[a-z])")


def zero_less(word: str) -> str:
    """A document number without its leading zeros ("01/qd-xphc" ->
    "1/qd-xphc"); any other word as it is."""
    return _NUMBERED.sub("", word, count=1)


def words_of(text: object) -> set[str]:
    """The tokens stored for a text: each folded word, trimmed of edge
    punctuation; and for words with inner punctuation ("47b1-123.45") also the
    letters-and-digits-only form ("47b112345") and the parts ("47b1", "123"),
    so a plate or a number is found however it is typed. A document number
    with leading zeros gives the tokens of its zero-less writing too."""
    found: set[str] = set()
    for raw in fold(text).split():
        word = _EDGE.sub("", raw)
        if not word:
            continue
        for form in {word, zero_less(word)}:
            found.add(form[:MAX_TOKEN])
            parts = [p for p in _PUNCT.split(form) if p]
            if len(parts) > 1:
                found.add("".join(parts)[:MAX_TOKEN])
                found.update(p[:MAX_TOKEN] for p in parts)
    return found


def query_words(text: object, limit: int = 8) -> list[str]:
    """The words of a typed query, in the same form as stored tokens; a
    document number without its leading zeros, the form every case holds."""
    out: list[str] = []
    for raw in fold(text).split():
        word = zero_less(_EDGE.sub("", raw))[:MAX_TOKEN]
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


# ---------------------------------------------------------------- planning
#
# Walking a word's postings costs in proportion to how many there are; probing
# whether one case has a word costs one index seek. So a search walks the
# rarest word and probes the others. "Rarest" is estimated from a sample of
# SAMPLE postings: fewer than that is an exact count; a full sample of one
# token is extrapolated from the case ids it spans (postings of a common
# word are spread over all cases); a full sample spread over several tokens
# is a short prefix ("ng") and is walked only when nothing better is typed.

SAMPLE = 1000
BROAD = 2**62
# Newest-first walks merge one ordered range per (token, unit): at most this
# many, else the page is sorted from the whole driver range.
MAX_STREAMS = 24
# A scope of more units than this walks the province-wide index (and keeps
# only its cases, as always, by the case's own unit).
MAX_WALK_UNITS = 8
# A page sorted by another column, when the words match many cases, is read
# in that column's order (in_order_ids) if that reads at most this many cases.
SORT_WALK_MAX = 32_768


_TOKENS = CaseToken.__table__
_CASES = Case.__table__
# Built once: making table aliases and statements costs more Python time
# than a probe costs the database.
_WALK, _EARLIER = _TOKENS.alias("walk"), _TOKENS.alias("earlier")
_PROBES = [_TOKENS.alias(f"probe{i}") for i in range(16)]


@functools.cache
def _samples(count: int, by_unit: bool):
    """One statement sampling `count` words (bound as low0/high0, low1…):
    per word, how many of its first `size` postings there are, their first
    and last token and their lowest and highest case id; with the highest
    case id of all. One round trip, whatever the number of words."""
    t = _TOKENS.c
    last_case = select(func.max(_CASES.c.id)).scalar_subquery()
    parts = []
    for i in range(count):
        sample = select(t.token, t.case_id).where(
            t.token >= bindparam(f"low{i}"), t.token < bindparam(f"high{i}")
        )
        if by_unit:
            sample = sample.where(t.unit_id == bindparam("unit"))
        sample = (
            sample.order_by(t.token, t.case_id).limit(bindparam("size")).subquery()
        )
        parts.append(select(
            literal(i), func.count(), func.min(sample.c.token),
            func.max(sample.c.token), func.min(sample.c.case_id),
            func.max(sample.c.case_id), last_case,
        ))
    return union_all(*parts)


# The distinct tokens of a prefix, one index seek each (a loose index scan),
# in one statement.
_TOKENS_OF = text(
    "WITH RECURSIVE seen(token, n) AS ("
    " SELECT (SELECT token FROM casetoken WHERE token >= :low AND token < :high"
    " ORDER BY token LIMIT 1), 1"
    " UNION ALL"
    " SELECT (SELECT token FROM casetoken WHERE token > seen.token"
    " AND token < :high ORDER BY token LIMIT 1), n + 1"
    " FROM seen WHERE seen.token IS NOT NULL AND n < :most"
    ") SELECT token FROM seen WHERE token IS NOT NULL"
)


@dataclass(frozen=True)
class Plan:
    """How one search runs: the driver word's postings are walked (within
    `units` when given) and every other word is probed per candidate.
    `tokens`: the driver's distinct tokens, at most MAX_STREAMS + 1."""

    driver: str
    others: tuple[str, ...]
    units: tuple[int, ...] | None
    tokens: tuple[str, ...]


def _in_range(column, word: str):
    return and_(column >= word, column < word + _HIGH)


def plan(session: Session, words: list[str], units) -> Plan:
    """Pick the driver among `words` (non-empty): the fewest estimated
    postings within the walked units, the longer word on a tie. The other
    words are probed rarest first, so most candidates fail at the first
    probe."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        # PostgreSQL costs a walk by its whole range, not by where LIMIT stops
        # it, and may then JIT-compile it: ~100 ms for a query that runs in 5.
        # Off for this transaction only.
        connection.execute(text("SET LOCAL jit = off"))
    walk = None
    if units is not None and len(units) <= MAX_WALK_UNITS:
        walk = tuple(sorted(units))
    ranked = list(words)
    if len(words) > 1:
        sampled = walk[0] if walk is not None and len(walk) == 1 else None
        guess = _estimates(connection, words, sampled)
        ranked.sort(key=lambda w: (guess[w], -len(w)))
    tokens = connection.execute(_TOKENS_OF, {
        "low": ranked[0], "high": ranked[0] + _HIGH, "most": MAX_STREAMS + 1,
    }).scalars().all()
    return Plan(ranked[0], tuple(ranked[1:]), walk, tuple(tokens))


def _estimates(connection, words: list[str], unit: int | None) -> dict[str, int]:
    """Postings of each word (in the unit when one is given, else
    province-wide; a scope of a few units is estimated province-wide, a fair
    proxy for how common a word is)."""
    params: dict = {"size": SAMPLE, "unit": unit}
    for i, word in enumerate(words):
        params[f"low{i}"], params[f"high{i}"] = word, word + _HIGH
    stmt = _samples(len(words), unit is not None)
    guess = {}
    for i, found, first, last, low, high, last_case in connection.execute(
        stmt, params
    ):
        if found < SAMPLE:
            guess[words[i]] = found
        elif first != last:
            guess[words[i]] = BROAD
        else:
            span = max(1, (last_case or 0) - low + 1)
            guess[words[i]] = found * span // max(1, high - low + 1)
    return guess


def _found(stmt):
    """`stmt` returns a row: checked per candidate. Written as a scalar
    subquery rather than EXISTS because PostgreSQL turns an EXISTS into a
    hash join over the whole range of the other word ("nguyen": 40 % of the
    province), the very cost the plan avoids; a scalar subquery stays a
    probe per candidate on both databases."""
    return stmt.limit(1).scalar_subquery().is_not(None)


def _probes(p: Plan, case_id) -> list:
    """Per candidate: it has every other word (one (case_id, token) index
    probe each, rarest first; SQLite and PostgreSQL evaluate them in this
    order and stop at the first that fails)."""
    return _has_words(p.others, case_id)


def _has_words(words, case_id) -> list:
    """One probe per word, in the given order: the case has a token
    starting with it."""
    out = []
    aliases = _PROBES[:len(words)]
    aliases += [_TOKENS.alias() for _ in words[len(aliases):]]
    for alias, word in zip(aliases, words, strict=True):
        probe = alias.c
        out.append(_found(select(probe.case_id).where(
            probe.case_id == case_id, _in_range(probe.token, word))))
    return out


def _case_passes(case_id, conds: list | None) -> list:
    """Per candidate that has the words: the case passes the list's filters,
    read from its row. None when there are no filters beyond the scope: the
    walked tokens are then those of cases in use within the walked units
    (the flush listener keeps them so), and the caller's page query still
    applies every condition to the rows it shows."""
    if conds is None:
        return []
    return [_found(select(_CASES.c.id).where(_CASES.c.id == case_id, *conds))]


def matching_ids(session: Session, p: Plan, conds: list | None,
                 limit: int) -> list[int]:
    """Up to `limit` ids of matching cases, in no particular order: the
    driver's postings in index order, stopping at `limit` matches.

    On SQLite a province-wide walk reads the index backwards, at the same
    cost: the capped matches are then the newest, a better sample for
    `in_order_ids` (the list breaks ties newest first, so the newest matches
    of a large group of equal values come first). PostgreSQL, asked for that
    order, sorts the whole range first (it expects the probes to leave few
    rows): 230 ms instead of 21 for "tran" at 100,000 cases. There the
    sample stays the oldest matches."""
    t = _WALK.c
    stmt = select(t.case_id).where(*_walk(p), *_case_passes(t.case_id, conds))
    connection = session.connection()
    if p.units is None and connection.dialect.name == "sqlite":
        stmt = stmt.order_by(t.token.desc(), t.case_id.desc())
    return connection.execute(stmt.limit(limit)).scalars().all()


def matching_subquery(p: Plan):
    """The ids of the cases having every word, walked as `matching_ids`
    walks them (the driver's postings in the walked units, the other words
    probed), for `Case.id.in_(...)` in a statement that also applies the
    list's conditions and order (services.export streams it). A case may
    appear once per driver token: IN does not mind."""
    return select(_WALK.c.case_id).where(*_walk(p, once=False))


def _walk(p: Plan, once: bool = True) -> list:
    """The driver's range (in the walked units) and the probes of the other
    words; when the driver is a prefix of several tokens ("an": an, anh…)
    and `once`, each case only at the first of its tokens in the range."""
    t = _WALK.c
    where = [_in_range(t.token, p.driver)]
    if p.units is not None:
        where.append(t.unit_id.in_(p.units))
    where += _probes(p, t.case_id)
    if once and len(p.tokens) > 1:
        earlier = _EARLIER.c
        where.append(~_found(select(earlier.case_id).where(
            earlier.case_id == t.case_id,
            earlier.token >= p.driver,
            earlier.token < t.token,
        )))
    return where


def newest_ids(session: Session, p: Plan, conds: list | None, descending: bool,
               offset: int, limit: int) -> list[int] | None:
    """One page of matching ids in case-id order (newest first when
    `descending`), walking each (token, unit) range of the driver in that
    order and stopping at offset + limit matches each; the ranges are merged
    here. None when the driver spans too many ranges (a short prefix): the
    caller then sorts the whole driver range."""
    units = p.units if p.units is not None else (None,)
    if not p.tokens or not units:
        return []
    if len(p.tokens) * len(units) > MAX_STREAMS:
        return None
    wanted, t = offset + limit, _WALK.c
    parts = []
    for token in p.tokens:
        for unit in units:
            where = [t.token == token]
            if unit is not None:
                where.append(t.unit_id == unit)
            where += [*_probes(p, t.case_id), *_case_passes(t.case_id, conds)]
            order = t.case_id.desc() if descending else t.case_id.asc()
            part = select(t.case_id).where(*where).order_by(order).limit(wanted)
            parts.append(select(part.subquery().c.case_id))
    found = set(session.connection().execute(union_all(*parts)).scalars().all())
    return sorted(found, reverse=descending)[offset:wanted]


def sorted_ids(session: Session, p: Plan, conds: list | None, value_of,
               descending: bool, offset: int, limit: int) -> list[int]:
    """One page of matching ids sorted by another column: `value_of(case_id,
    unit_id)` gives each match's sort value as a scalar subquery, one
    primary-key lookup per match, ties newest first (as the list's ORDER BY).
    A join would let PostgreSQL pick a merge join over the whole case table
    or an on-disk sort of every case by that column; this way the database
    sorts the matches only. Cost: the whole driver range."""
    t = _WALK.c
    value = value_of(t.case_id, t.unit_id)
    stmt = (
        select(t.case_id)
        .where(*_walk(p), *_case_passes(t.case_id, conds))
        .order_by(value.desc() if descending else value.asc(), t.case_id.desc())
        .offset(offset).limit(limit)
    )
    return session.connection().execute(stmt).scalars().all()


def driver_postings(session: Session, p: Plan) -> int:
    """The estimated postings of the driver in the walked units (its whole
    range when walked province-wide; BROAD for a short prefix): what
    `sorted_ids` would read."""
    unit = p.units[0] if p.units is not None and len(p.units) == 1 else None
    return _estimates(session.connection(), [p.driver], unit)[p.driver]


def in_order_ids(session: Session, p: Plan, frame, conds: list, value,
                 descending: bool, offset: int, limit: int, sample: list[int],
                 budget: int, expected: int = 0) -> list[int] | None:
    """One page of matching ids sorted by `value` (ties newest first, as the
    list's ORDER BY), read in that order: the cases of `frame` (a select of
    Case.id with the joins `value` needs) that pass `conds`, walked by the
    column's index, every word probed per case, stopping at the page. When
    the words match many cases the page lies among the first cases in that
    order, where `sorted_ids` would read every posting of the driver.

    The walk never steps over more than `budget` cases (counted first from
    the index alone: it steps over each, whatever `conds` keep), and it is
    exact because it reads a prefix of the list's order: the first matches
    within the first N cases are the first matches of all. The prefix is
    bounded by `sample` (ids of matching cases, those `matching_ids` found):
    if offset + limit of them lie at or before some case, so does the page.
    A thousand matches sampled out of hundreds of thousands bound a deep
    page loosely ("nguyen" by amount, page 5: 100 sampled matches lie past
    the first 100,000 cases, while 100 matches lie within the first 250), so
    when that bound is too long the first `budget` cases are walked instead,
    if the sample suggests they hold the page (`expected`: an estimate of
    all the matches) and the walk checks that they did. `value` must be a
    NOT NULL column (NULLs sort first on one database, last on the other).
    None when the page may lie further: the caller then reads the driver's
    postings."""
    wanted = offset + limit
    connection = session.connection()
    first = value.desc() if descending else value.asc()
    order = (first, Case.id.desc())

    def upto(edge):
        # The cases at or before `edge` in the list's order (a range of the
        # column's index; those tied with it only from its id down).
        return frame.where(
            value >= edge[0] if descending else value <= edge[0],
            or_(value != edge[0], Case.id >= edge[1]),
        )

    def walk(span):
        matched = span.where(*conds, *_has_words((p.driver, *p.others), Case.id))
        return connection.execute(
            matched.order_by(*order).offset(offset).limit(limit)
        ).scalars().all()

    last = connection.execute(
        frame.with_only_columns(value, Case.id)
        .where(*conds, Case.id.in_(sample))
        .order_by(*order).offset(wanted - 1).limit(1)
    ).first()
    if last is not None:
        span = upto(last)
        counted = select(func.count()).select_from(span.limit(budget + 1).subquery())
        if connection.execute(counted).scalar() <= budget:
            return walk(span)
    if budget < wanted or expected <= 0:
        return None

    # The first `budget` cases of the order, if the sampled matches among
    # them, scaled to all the matches, would fill the page.
    edge = connection.execute(
        frame.with_only_columns(value, Case.id)
        .order_by(*order).offset(budget - 1).limit(1)
    ).first()
    if edge is None:
        return walk(frame)  # fewer cases than the budget: walk them all
    span = upto(edge)
    hits = connection.execute(
        select(func.count()).select_from(
            span.where(*conds, Case.id.in_(sample)).subquery()
        )
    ).scalar()
    if hits * max(expected, len(sample)) < wanted * max(len(sample), 1):
        return None
    ids = walk(span)
    return ids if len(ids) == limit else None


def write_tokens(connection, case_id: int, text: str, unit_id: int) -> None:
    """Replace the tokens of one case (inside the caller's transaction)."""
    connection.execute(delete(CaseToken).where(CaseToken.case_id == case_id))
    tokens = sorted(words_of(text))[:MAX_TOKENS]
    if tokens:
        connection.execute(
            insert(CaseToken),
            [{"case_id": case_id, "token": t, "unit_id": unit_id} for t in tokens],
        )


def drop_tokens(connection, case_id: int) -> None:
    """The case went to the recycle bin: it is found by no search."""
    connection.execute(delete(CaseToken).where(CaseToken.case_id == case_id))


def move_tokens(connection, case_id: int, unit_id: int) -> None:
    """The case now belongs to another unit: so do its words."""
    connection.execute(
        update(CaseToken).where(CaseToken.case_id == case_id).values(unit_id=unit_id)
    )


def follow_unit_merge(connection, source_id: int, target_id: int) -> None:
    """After a bulk UPDATE moved every case of `source_id` to `target_id`
    (units.merge_units), move their words too: the flush listener does not
    see bulk statements."""
    connection.execute(
        update(CaseToken)
        .where(CaseToken.unit_id == source_id)
        .values(unit_id=target_id)
    )


def rebuild(session: Session, batch: int = 2000) -> int:
    """Re-index every case not in the recycle bin (after a bulk load or an
    upgrade). Returns the number of cases indexed."""
    connection = session.connection()
    connection.execute(delete(CaseToken))
    done, last = 0, 0
    while True:
        rows = session.exec(
            select(Case.id, Case.search_text, Case.unit_id)
            .where(Case.id > last, Case.deleted_at.is_(None))
            .order_by(Case.id).limit(batch)
        ).all()
        if not rows:
            return done
        payload = [
            {"case_id": cid, "token": t, "unit_id": unit_id}
            for cid, text, unit_id in rows
            for t in sorted(words_of(text))[:MAX_TOKENS]
        ]
        if payload:
            connection.execute(insert(CaseToken), payload)
        done += len(rows)
        last = rows[-1][0]


@event.listens_for(Session, "after_flush")
def _follow_search_text(session: Session, _context) -> None:
    """Rewrite the tokens of every case whose search_text was set or changed
    in this flush or that came back from the recycle bin, drop those of a
    case moved to the bin, and move those of a case that changed unit (same
    transaction: a rollback drops both). Only cases in use have words, so a
    search without filters need not read each candidate's case row."""
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, Case) or obj.id is None:
            continue
        attrs = inspect(obj).attrs
        new = obj in session.new
        binned = attrs.deleted_at.history.has_changes()
        if obj.deleted_at is not None:
            if new or binned:
                drop_tokens(session.connection(), obj.id)
        elif new or binned or attrs.search_text.history.has_changes():
            write_tokens(
                session.connection(), obj.id, obj.search_text or "", obj.unit_id
            )
        elif attrs.unit_id.history.has_changes():
            move_tokens(session.connection(), obj.id, obj.unit_id)
