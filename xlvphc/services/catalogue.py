"""Finding acts in the violation catalogue, by words or by citation."""

import re

from sqlalchemy import func
from sqlmodel import select

from xlvphc.domain.money import format_vnd
from xlvphc.domain.text import clean, fold
from xlvphc.models import CatalogueEntry
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.case_input import MAX_ACTS
from xlvphc.services.db import session_scope

# "điểm a khoản 2 Điều 6", "khoản 2 Điều 6", "Điều 6", and "6.2.a" once folded.
_POINT = re.compile(r"\bdiem\s+([a-z]{1,2})\b")
_CLAUSE = re.compile(r"\bkhoan\s+(\d{1,3})\b")
_ARTICLE = re.compile(r"\bdieu\s+(\d{1,3})\b")
_DOTTED = re.compile(r"\b(\d{1,3})\.(\d{1,3})(?:\.([a-z]{1,2}))?\b")
MAX_RESULTS = 30
# Suggest a shorter search only for a few words (one count query per word).
MAX_TIP_WORDS = 6
# A catalogue id as a tab's draft holds it: digits, small enough for an
# INTEGER column on PostgreSQL.
_DRAFT_ID = re.compile(r"[1-9][0-9]{0,8}")


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


def _statement(text: str):
    """The catalogue query for a folded search text: a citation ("điểm a
    khoản 2 Điều 6", "6.2.a") narrows by point, clause and article, and every
    other word must start a word of the act."""
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
    return stmt


def search(actor: Actor, query: object, limit: int = MAX_RESULTS) -> list[dict]:
    require(actor, Action.CATALOGUE_READ)
    text = fold(clean(query))[:200]
    if not text:
        return []
    with session_scope() as session:
        rows = session.exec(
            _statement(text).order_by(CatalogueEntry.decree, CatalogueEntry.article,
                                      CatalogueEntry.clause, CatalogueEntry.point)
            .limit(max(1, min(limit, MAX_RESULTS)))
        ).all()
        return [as_row(e) for e in rows]


def _draft_ids(raw: object) -> list[int]:
    """The ids of a draft's acts, in order and each once. They come from the
    browser: anything but a list of at most MAX_ACTS ids is refused whole
    (the picker never holds more), and an item that is not an id is
    skipped."""
    if not isinstance(raw, list) or len(raw) > MAX_ACTS:
        return []
    ids: list[int] = []
    for item in raw:
        if isinstance(item, int) and not isinstance(item, bool):
            item = str(item)
        if isinstance(item, str) and _DRAFT_ID.fullmatch(item):
            value = int(item)
            if value not in ids:
                ids.append(value)
    return ids


def rows_by_id(actor: Actor, act_ids: object) -> list[dict]:
    """The rows of the acts a tab's draft had chosen (components/form_guard.py),
    as the search lists them, so that a reload gives back what was picked.
    Ids missing from the catalogue are dropped: the browser may send any."""
    require(actor, Action.CATALOGUE_READ)
    ids = _draft_ids(act_ids)
    if not ids:
        return []
    with session_scope() as session:
        found = {
            e.id: e
            for e in session.exec(
                select(CatalogueEntry).where(CatalogueEntry.id.in_(ids))
            )
        }
        return [as_row(found[i]) for i in ids if i in found]


def find(actor: Actor, query: object) -> dict:
    """What the catalogue search box shows: the matching acts, or, when none
    match a typed text, why and what to try (an empty list alone reads as
    "the search is broken")."""
    rows = search(actor, query)
    typed = clean(query)[:60] if isinstance(query, str) else ""
    if rows or not typed:
        return {"rows": rows, "message": "", "tips": []}
    return {
        "rows": [],
        "message": f"Không tìm thấy hành vi phù hợp với \u201c{typed}\u201d.",
        "tips": _tips(clean(query)[:200]),
    }


def _tips(typed: str) -> list[str]:
    """Hints for a search that found nothing: a shorter search that does
    find something, how to search, and what the catalogue holds."""
    tips = []
    text = fold(typed)
    words = typed.split()
    with session_scope() as session:
        def count(candidate: str) -> int:
            matching = _statement(fold(candidate)).subquery()
            return session.exec(select(func.count()).select_from(matching)).one()

        if not any(ch.isalnum() for ch in text):
            tips.append(
                "Ký hiệu như \u201c%\u201d không dùng để tìm: hãy gõ chữ của "
                "hành vi hoặc điều khoản."
            )
        elif 1 < len(words) <= MAX_TIP_WORDS:
            # The longest search left after dropping one word, if it finds acts.
            for dropped in words:
                rest = " ".join(w for w in words if w != dropped)
                found = count(rest)
                if found:
                    tips.append(
                        f"Bỏ chữ \u201c{dropped}\u201d thì có {found} hành vi "
                        f"khớp \u201c{rest}\u201d: hãy thử ít chữ hơn."
                    )
                    break
        if _POINT.search(text) or _CLAUSE.search(text) or _ARTICLE.search(text):
            tips.append(
                "Danh mục không có điều khoản này: kiểm tra lại số điều, khoản, "
                "điểm, hoặc tìm bằng chữ của hành vi."
            )
        tips.append(
            "Gõ vài chữ chính của hành vi (ví dụ \u201cnồng độ cồn\u201d, "
            "\u201cmất trật tự\u201d), có dấu hay không dấu đều được, hoặc điều "
            "khoản (ví dụ \u201cđiểm a khoản 2 Điều 6\u201d)."
        )
        total = session.exec(select(func.count(CatalogueEntry.id))).one()
        fields = session.exec(
            select(CatalogueEntry.field).distinct().order_by(CatalogueEntry.field)
        ).all()
    tips.append(
        f"Danh mục có {total} hành vi thường gặp thuộc các lĩnh vực: "
        + "; ".join(fields)
        + ". Hành vi cần ghi mà không có trong danh mục: báo quản trị viên qua "
        "mục \u201cPhản ánh\u201d."
    )
    return tips
