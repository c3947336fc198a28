"""Document numbers: each unit has its own sequence per document type and year
(Decree 30/2020 numbering restarts every year). Numbers are never reused."""

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from xlvphc.models import DocumentSequence

SUFFIX = {
    "MBB01": "BB-VPHC",
    "MQĐ01": "QĐ-XPHC",
    "MQĐ02": "QĐ-XPHC",
}
# MQĐ01 and MQĐ02 share the "QĐ-XPHC" series: both are sanction decisions.
SERIES = {"MQĐ01": "QĐ-XPHC", "MQĐ02": "QĐ-XPHC", "MBB01": "BB-VPHC"}


def next_number(session: Session, unit_id: int, form: str, year: int) -> str:
    """Increment inside the caller's transaction: the row lock (PostgreSQL) or
    the database write lock (SQLite) makes concurrent issuing safe."""
    series = SERIES.get(form, form)
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
            return f"{last}/{SUFFIX.get(form, series)}"
        try:
            with session.begin_nested():
                session.add(
                    DocumentSequence(unit_id=unit_id, doc_type=series, year=year, last=1)
                )
            return f"1/{SUFFIX.get(form, series)}"
        except IntegrityError:
            continue
    raise RuntimeError("could not allocate a document number")
