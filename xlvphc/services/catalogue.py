"""Finding acts in the violation catalogue, by words or by citation."""

import re
from dataclasses import replace

from sqlalchemy import func
from sqlmodel import Session, select

from xlvphc.domain.money import format_vnd
from xlvphc.domain.text import clean, fold
from xlvphc.domain.ward_fines import ward_rule
from xlvphc.models import CatalogueEntry
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.case_input import MAX_ACTS
from xlvphc.services.catalogue_query import Query, decree_name, parse, words_of
from xlvphc.services.db import session_scope

MAX_RESULTS = 30
# Try a shorter search only for a few words (one query per word).
MAX_TIP_WORDS = 6
# A catalogue id as a tab's draft holds it: digits, small enough for an
# INTEGER column on PostgreSQL.
_DRAFT_ID = re.compile(r"[1-9][0-9]{0,8}")
# Points in the order the decrees letter them: "đ" after "d", not after "y".
_POINT_ORDER = "abcdđeghiklmnopqrstuvxy"
# The manual-entry button sits right under this message (components/
# typed_act.py): name it first; the admin only adds acts for later cases.
_REPORT = (
    "Hành vi cần ghi mà không có trong danh mục: bấm nút \u201cHành vi không "
    "có trong danh mục\u201d ngay dưới đây để nhập tay đúng như nghị định ghi. "
    "Muốn danh mục có thêm hành vi đó thì báo quản trị viên qua mục "
    "\u201cPhản ánh\u201d."
)


# The longest search text read: a whole result card pasted back (citation,
# act, fine frame) runs to 400 characters; cut short, its frame was taken
# for words of the act.
QUERY_MAX = 600


def citation(entry: CatalogueEntry) -> str:
    point = f"điểm {entry.point} " if entry.point else ""
    return f"{point}khoản {entry.clause} Điều {entry.article} Nghị định {entry.decree}"


def frame_text(fmin: int | None, fmax: int | None) -> str:
    if fmin is None or fmax is None:
        return "Cảnh cáo"
    return f"Từ {format_vnd(fmin)} đến {format_vnd(fmax)}"


def as_row(entry: CatalogueEntry) -> dict:
    """The act as the pickers list it. The frame is the commune's; an act
    whose frame doubles in a ward says so beside it (domain/ward_fines.py),
    and the case takes the ward's frame when its violation is in one
    (services/ward_place.py)."""
    frame = frame_text(entry.fine_min, entry.fine_max)
    rule = ward_rule(entry.source)
    if rule is not None:
        frame = f"{frame}; {rule.note(entry.article)}"
    return {
        "id": str(entry.id),
        "citation": citation(entry)[:1].upper() + citation(entry)[1:],
        "act": entry.act,
        "field": entry.field,
        "frame": frame,
    }


def _statement(query: Query):
    """The rows that may match: the citation narrows by its columns, and each
    typed word must be somewhere in the folded search_text (a cheap first cut:
    _matching then checks the words as typed)."""
    stmt = select(CatalogueEntry)
    if query.decree:
        stmt = stmt.where(CatalogueEntry.decree.like(f"{query.decree}/%"))
    if query.article is not None:
        stmt = stmt.where(CatalogueEntry.article == query.article)
    if query.clause is not None:
        stmt = stmt.where(CatalogueEntry.clause == query.clause)
    if query.point is not None:
        stmt = stmt.where(CatalogueEntry.point == query.point)
    for group in query.groups:
        if len(group.options) == 1:  # an everyday phrase may match other words
            for token in group.options[0]:
                needle = (fold(token).replace("\\", "\\\\").replace("%", "\\%")
                          .replace("_", "\\_"))
                stmt = stmt.where(
                    CatalogueEntry.search_text.like(f"%{needle}%", escape="\\")
                )
    return stmt


def _order(entry: CatalogueEntry) -> tuple:
    point = _POINT_ORDER.find(entry.point) if entry.point else -1
    return (entry.decree, entry.article, entry.clause, point, entry.point)


def _matching(session: Session, query: Query) -> list[tuple[CatalogueEntry, bool]]:
    """The entries the query finds, best first (Query.score), each with
    whether it has the typed words near one another as a phrase."""
    found = []
    for entry in session.exec(_statement(query)):
        score = query.score(words_of(f"{citation(entry)} {entry.field} {entry.act}"))
        if score is not None:
            found.append((score, _order(entry), entry))
    found.sort(key=lambda item: item[:2])
    return [(entry, not score[0]) for score, _, entry in found]


def search(actor: Actor, query: object, limit: int = MAX_RESULTS) -> list[dict]:
    require(actor, Action.CATALOGUE_READ)
    parsed = parse(clean(query)[:QUERY_MAX])
    if parsed.is_empty():
        return []
    with session_scope() as session:
        found = _matching(session, parsed)[: max(1, min(limit, MAX_RESULTS))]
        return [as_row(entry) for entry, _ in found]


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
    "the search is broken"), with the acts of a near search when there are
    some, so that they can be chosen at once."""
    require(actor, Action.CATALOGUE_READ)
    typed = clean(query)[:QUERY_MAX] if isinstance(query, str) else ""
    if not typed:
        return {"rows": [], "message": "", "tips": []}
    with session_scope() as session:
        return _answer(session, parse(typed), typed)


def _answer(session: Session, query: Query, typed: str) -> dict:
    if query.decree:
        decrees = _decrees(session)
        held = [d for d in decrees if d.startswith(f"{query.decree}/")]
        if not held:
            return {
                "rows": [],
                "message": (
                    f"Danh mục không có Nghị định {decree_name(query.decree)}."
                ),
                "tips": [_decrees_tip(decrees), _how_to()],
            }
        if len(held) == 1:  # quote it in full: "282" is 282/2025/NĐ-CP
            query = replace(query, decree="/".join(held[0].split("/")[:2]))
    for attempt in (_found, _wider, _shorter):
        if answer := attempt(session, query, typed):
            return answer
    return _not_found(session, query, typed)


def _found(session: Session, query: Query, typed: str) -> dict | None:
    """The acts found. A short phrase that no act has as such, e.g. "đánh
    nhau", is said to be missing, lest its words found apart read as the act
    (a longer search mixes the vehicle and the act, apart in any act)."""
    found = _matching(session, query) if not query.is_empty() else []
    if not found:
        return None
    if _phrase_missing(query, found):
        words = " ".join(g.typed for g in query.groups)
        return {
            "rows": _rows(found),
            "message": (
                f"Không hành vi nào trong danh mục có cụm \u201c{words}\u201d: "
                "các hành vi đã liệt kê chỉ có những chữ ấy ở các chỗ cách xa nhau."
            ),
            "tips": [_holdings(session)],
        }
    return {"rows": _rows(found), "message": "", "tips": []}


def _phrase_missing(query: Query, found: list[tuple[CatalogueEntry, bool]]) -> bool:
    return query.typed_words() in (2, 3) and not any(close for _, close in found)


def _wider(session: Session, query: Query, typed: str) -> dict | None:
    """A citation the catalogue lacks: the acts of the clause, article or
    decree around it."""
    if not query.cites or query.groups:
        return None
    for wider in query.looser():
        if found := _matching(session, wider):
            return {
                "rows": _rows(found),
                "message": (
                    f"Danh mục không có {query.citation_text()}: đã liệt kê các "
                    f"hành vi của {wider.citation_text()} có trong danh mục."
                ),
                "tips": [],
            }
    return None


def _shorter(session: Session, query: Query, typed: str) -> dict | None:
    """Too many words: the acts found without one of them, listed at once
    so that they can be chosen (one that has the rest as a phrase first)."""
    if len(query.groups) > MAX_TIP_WORDS:
        return None
    shorter = []
    for index, group in enumerate(query.groups):
        rest = query.without(index)
        found = _matching(session, rest) if not rest.is_empty() else []
        if found and not _phrase_missing(rest, found):
            shorter.append((not found[0][1], index, group, rest, found))
    if not shorter:
        return None
    _, _, group, rest, found = min(shorter, key=lambda item: item[:2])
    listed = (
        "đã liệt kê để chọn" if len(found) <= MAX_RESULTS
        else f"đã liệt kê {MAX_RESULTS} hành vi đầu để chọn"
    )
    return {
        "rows": _rows(found),
        "message": (
            f"Không có hành vi nào khớp đủ \u201c{typed[:60]}\u201d. Bỏ chữ "
            f"\u201c{group.typed}\u201d thì có {len(found)} hành vi khớp "
            f"\u201c{rest.text()}\u201d: {listed}."
        ),
        "tips": [_how_to(), _holdings(session)],
    }


def _not_found(session: Session, query: Query, typed: str) -> dict:
    tips = []
    if not any(ch.isalnum() for ch in typed):
        tips.append(
            "Ký hiệu như \u201c%\u201d không dùng để tìm: hãy gõ chữ của "
            "hành vi hoặc điều khoản."
        )
    if query.cites and not _matching(session, replace(query, groups=())):
        tips.append(
            "Danh mục không có điều khoản này: kiểm tra lại số điều, khoản, "
            "điểm, hoặc tìm bằng chữ của hành vi."
        )
    return {
        "rows": [],
        "message": f"Không tìm thấy hành vi phù hợp với \u201c{typed[:60]}\u201d.",
        "tips": [*tips, _how_to(), _holdings(session)],
    }


def _rows(found: list[tuple[CatalogueEntry, bool]]) -> list[dict]:
    return [as_row(entry) for entry, _ in found[:MAX_RESULTS]]


def _how_to() -> str:
    return (
        "Gõ vài chữ chính của hành vi (ví dụ \u201cnồng độ cồn\u201d, "
        "\u201cmất trật tự\u201d), có dấu hay không dấu đều được, hoặc điều "
        "khoản (ví dụ \u201cđiểm a khoản 2 Điều 6\u201d, \u201cĐiều 8 Nghị định "
        "282\u201d)."
    )


def _holdings(session: Session) -> str:
    """What the catalogue holds, counted from the catalogue itself."""
    total = session.exec(select(func.count(CatalogueEntry.id))).one()
    fields = session.exec(
        select(CatalogueEntry.field).distinct().order_by(CatalogueEntry.field)
    ).all()
    return (
        f"Danh mục có {total} hành vi thường gặp thuộc các lĩnh vực: "
        + "; ".join(fields) + f". {_REPORT}"
    )


def _decree_key(decree: str) -> tuple:
    """Oldest first: "15/2020/NĐ-CP" before "168/2024/NĐ-CP"."""
    number, _, rest = decree.partition("/")
    year = rest.partition("/")[0]
    return (int(year) if year.isdigit() else 0,
            int(number) if number.isdigit() else 0, decree)


def _decrees(session: Session) -> dict[str, list[str]]:
    """The decrees the catalogue holds, each with its fields."""
    pairs = session.exec(
        select(CatalogueEntry.decree, CatalogueEntry.field).distinct()
    ).all()
    held: dict[str, list[str]] = {}
    for decree, field in sorted(pairs, key=lambda p: (_decree_key(p[0]), p[1])):
        held.setdefault(decree, []).append(field)
    return held


def _decrees_tip(decrees: dict[str, list[str]]) -> str:
    listed = "; ".join(
        f"{decree} về " + " và ".join(f[:1].lower() + f[1:] for f in fields)
        for decree, fields in decrees.items()
    )
    return f"Danh mục chỉ có các nghị định: {listed}. {_REPORT}"
