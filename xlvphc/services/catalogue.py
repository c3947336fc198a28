"""Finding acts in the violation catalogue, by words or by citation."""

import re

from sqlmodel import select

from xlvphc.domain.money import format_vnd
from xlvphc.domain.text import clean, fold
from xlvphc.models import CatalogueEntry
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.db import session_scope

# "điểm a khoản 2 Điều 6", "khoản 2 Điều 6", "Điều 6", and "6.2.a" once folded.
_POINT = re.compile(r"\bdiem\s+([a-z]{1,2})\b")
_CLAUSE = re.compile(r"\bkhoan\s+(\d{1,3})\b")
_ARTICLE = re.compile(r"\bdieu\s+(\d{1,3})\b")
_DOTTED = re.compile(r"\b(\d{1,3})\.(\d{1,3})(?:\.([a-z]{1,2}))?\b")
MAX_RESULTS = 30


def citation(entry: CatalogueEntry) -> str:
    point = f"điểm {entry.point} " if entry.point else ""
    return f"{point}khoản {entry.clause} Điều {entry.article} Nghị định {entry.decree}"


def frame_text(fmin: int | None, fmax: int | None) -> str:
    if fmin is None or fmax is None:
        return "Cảnh cáo"
    return f"Từ {format_vnd(fmin)} đến {format_vnd(fmax)}"


def as_row(entry: CatalogueEntry) -> dict:
    return {
        "id": str(entry.id),
        "citation": citation(entry)[:1].upper() + citation(entry)[1:],
        "act": entry.act,
        "field": entry.field,
        "frame": frame_text(entry.fine_min, entry.fine_max),
    }


def search(actor: Actor, query: object, limit: int = MAX_RESULTS) -> list[dict]:
    require(actor, Action.CATALOGUE_READ)
    text = fold(clean(query))[:200]
    if not text:
        return []
    stmt = select(CatalogueEntry)
    for pattern, column in ((_POINT, CatalogueEntry.point),
                            (_CLAUSE, CatalogueEntry.clause),
                            (_ARTICLE, CatalogueEntry.article)):
        match = pattern.search(text)
        if match:
            value = match[1]
            stmt = stmt.where(column == (value if column is CatalogueEntry.point
                                         else int(value)))
            text = text.replace(match[0], " ")
    dotted = _DOTTED.search(text)
    if dotted:
        stmt = stmt.where(CatalogueEntry.article == int(dotted[1]),
                          CatalogueEntry.clause == int(dotted[2]))
        if dotted[3]:
            stmt = stmt.where(CatalogueEntry.point == dotted[3])
        text = text.replace(dotted[0], " ")
    for word in text.split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        # Words match from their start: "rac" finds "rác", not "trách".
        stmt = stmt.where(
            CatalogueEntry.search_text.like(f"% {escaped}%", escape="\\")
        )
    with session_scope() as session:
        rows = session.exec(
            stmt.order_by(CatalogueEntry.decree, CatalogueEntry.article,
                          CatalogueEntry.clause, CatalogueEntry.point)
            .limit(max(1, min(limit, MAX_RESULTS)))
        ).all()
        return [as_row(e) for e in rows]
