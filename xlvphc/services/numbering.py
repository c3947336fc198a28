"""Document numbers: each unit has its own sequence per document type and year
(Decree 30/2020 numbering restarts every year). Numbers are never reused."""

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
        "12/QĐ-HQĐPT".
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
            return f"{last}/{series}"
        try:
            with session.begin_nested():
                session.add(
                    DocumentSequence(
                        unit_id=unit_id, doc_type=series, year=year, last=1
                    )
                )
            return f"1/{series}"
        except IntegrityError:
            continue
    raise RuntimeError("could not allocate a document number")
