"""Document numbers: each unit has its own sequence per document type and year
(Decree 30/2020 numbering restarts every year). Numbers are never reused."""

import re

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from xlvphc.documents.registry import specs
from xlvphc.models import DocumentSequence

# Number symbol of every form (Phụ lục, Nghị định 118/2021/NĐ-CP; domain.md
# 2.3). A symbol is also the series: forms printing the same symbol share one
# sequence, e.g. MQĐ01 and MQĐ02 (both "QĐ-XPHC"), or every coercion
# decision MQĐ07-MQĐ12c ("QĐ-CCXP"). MQĐ04 has two symbols: "QĐ-GTP" for a
# reduction, "QĐ-MTP" for an exemption; pass the symbol as `form` to choose.
SUFFIX = {
    "MBB01": "BB-VPHC",
    "MQĐ02": "QĐ-XPHC",
    # The rest as the form modules print them, so a number and its form
    # always agree.
    **{spec.code: spec.suffix for spec in specs().values()},
}
SERIES = SUFFIX


def suffix_for(form: str) -> str:
    """The symbol printed after the number: a form code, or a symbol as is."""
    return SUFFIX.get(form, form)


def issued_number(value: int, series: str) -> str:
    """A number the series issues, as Nghị định 30/2020/NĐ-CP (Phụ lục I)
    writes it: under 10 with a leading zero, "01/QĐ-XPHC", "12/QĐ-XPHC".
    Numbers issued before were "1/QĐ-XPHC"; they stay as printed, and the
    search finds both (search_index.words_of)."""
    return f"{value:02d}/{series}"


def next_number(session: Session, unit_id: int, form: str, year: int) -> str:
    """Take the next number of a unit's series for the year.

    The increment runs inside the caller's transaction, so a number is only
    used if the document is saved, and is never handed out twice:
    - SQLite: the UPDATE takes the database write lock until commit, so
      concurrent issuers queue (tests/documents/test_numbering.py runs 8
      threads; the engine's 10 s busy timeout covers the wait).
    - PostgreSQL (READ COMMITTED): the UPDATE takes the row lock; a second
      issuer waits and then increments the committed value. Two issuers
      creating the year's first row race on the unique constraint: the
      loser's INSERT fails inside its savepoint and it retries the UPDATE.
    A rolled-back transaction gives its number back, which Nghị định
    30/2020/NĐ-CP allows: numbers are of issued documents, without gaps.

    Args:
        session: The caller's open transaction.
        unit_id: The issuing unit.
        form: A form code ("MQĐ03") or a number symbol ("QĐ-MTP").
        year: Numbering restarts every year.

    Returns:
        "12/QĐ-HQĐPT", "07/QĐ-HQĐPT" (`issued_number`).
    """
    series = suffix_for(form)
    for _ in range(3):
        result = session.execute(
            update(DocumentSequence)
            .where(
                DocumentSequence.unit_id == unit_id,
                DocumentSequence.doc_type == series,
                DocumentSequence.year == year,
            )
            .values(last=DocumentSequence.last + 1)
        )
        if result.rowcount:
            last = session.exec(
                select(DocumentSequence.last).where(
                    DocumentSequence.unit_id == unit_id,
                    DocumentSequence.doc_type == series,
                    DocumentSequence.year == year,
                )
            ).one()
            return issued_number(last, series)
        try:
            with session.begin_nested():
                session.add(
                    DocumentSequence(
                        unit_id=unit_id, doc_type=series, year=year, last=1
                    )
                )
            return issued_number(1, series)
        except IntegrityError:
            continue
    raise RuntimeError("could not allocate a document number")


_TYPED = re.compile(r"^\s*0*(\d{1,9})\s*/\s*(\S+)\s*$")


def _symbol(text: str) -> str:
    """A typed symbol as the forms print it: "qd-hb" -> "QĐ-HB"."""
    return text.upper().replace("QD", "QĐ")


def paper_form(number: str, form: str) -> str:
    """A number typed from a paper document, with the symbol written as the
    forms print it: "07 / qđ-hb" -> "07/QĐ-HB". The digits stay as typed
    ("7" or "07"): they are what the signed paper carries; only the series'
    own numbers get the leading zero (`issued_number`), and `number_key`
    tells that "7" and "07" are one number. A bare "7" gets the form's
    symbol, as the printed form adds it (documents/wording.number_line).
    Anything else is kept as typed.

    Args:
        number: The number as typed.
        form: A form code or a number symbol, as for `next_number`.
    """
    text = number.strip()
    if text.isdigit() and len(text) <= 9:
        return f"{text}/{suffix_for(form)}"
    match = _TYPED.match(text)
    if not match:
        return text
    digits = text.split("/", 1)[0].strip()  # as typed, zeros and all
    return f"{digits}/{_symbol(match.group(2))}"


def number_key(number: str, form: str) -> str:
    """What makes two numbers the same one, however written: "07 / qđ-hb",
    "7/QĐ-HB" and the series' "07/QĐ-HB" all give "7/QĐ-HB" (a paper number
    must not repeat an issued one of another writing).

    Args:
        number: A number as stored or typed.
        form: A form code or a number symbol, as for `next_number`.
    """
    paper = paper_form(number, form)
    match = _TYPED.match(paper)
    if not match:
        return paper
    return f"{int(match.group(1))}/{match.group(2)}"


def lock_series(session: Session, unit_id: int, form: str, year: int) -> None:
    """Hold the unit's series for the year until the caller commits, so that
    two officers typing the same paper number at once cannot both find it
    unused. A write that changes nothing does it on both databases: the
    PostgreSQL row lock (which `next_number` waits for too), the SQLite
    write lock, after which the caller's reads see every committed number.
    A year without a row gets one at 0.

    Args:
        session: The caller's open transaction.
        unit_id: The issuing unit.
        form: A form code or a number symbol, as for `next_number`.
        year: The year of the document.
    """
    series = suffix_for(form)
    same = (
        DocumentSequence.unit_id == unit_id,
        DocumentSequence.doc_type == series,
        DocumentSequence.year == year,
    )
    for _ in range(3):
        held = session.execute(
            update(DocumentSequence).where(*same).values(last=DocumentSequence.last)
        )
        if held.rowcount:
            return
        try:
            with session.begin_nested():
                session.add(
                    DocumentSequence(
                        unit_id=unit_id, doc_type=series, year=year, last=0
                    )
                )
            return
        except IntegrityError:
            continue  # another issuer created it first: wait for its lock
    raise RuntimeError("could not lock a document series")


def keep_out_of_series(
    session: Session, unit_id: int, form: str, number: str, year: int
) -> None:
    """Record a number given on paper, outside the system, so that the
    series never hands it out again.

    A decision already signed on paper keeps the number it carries. When
    that number belongs to the unit's series for the year ("7/QĐ-CCXP")
    and lies beyond the last one issued, the series moves up to it; the
    numbers skipped are left unused rather than risk a second document
    with the same number. A number of another symbol is not the series'
    and changes nothing.

    Args:
        session: The caller's open transaction.
        unit_id: The issuing unit.
        form: A form code or a number symbol, as for `next_number`.
        number: The number as typed.
        year: The year of the document.
    """
    series = suffix_for(form)
    match = _TYPED.match(number)
    if not match or _symbol(match.group(2)) != series:
        return
    value = int(match.group(1))
    same = (
        DocumentSequence.unit_id == unit_id,
        DocumentSequence.doc_type == series,
        DocumentSequence.year == year,
    )
    for _ in range(3):
        moved = session.execute(
            update(DocumentSequence)
            .where(*same, DocumentSequence.last < value)
            .values(last=value)
        )
        if (
            moved.rowcount
            or session.exec(select(DocumentSequence.id).where(*same)).first()
        ):
            return  # moved up, or already at or beyond it
        try:
            with session.begin_nested():
                session.add(
                    DocumentSequence(
                        unit_id=unit_id, doc_type=series, year=year, last=value
                    )
                )
            return
        except IntegrityError:
            continue  # another issuer created the row first: move it up
    raise RuntimeError("could not record a document number")
