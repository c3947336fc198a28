"""Deleting a case into the recycle bin, restoring it, and purging it.

Case files are legal records (security.md 3.1): deleting only marks the case
(`deleted_at`, `deleted_by`, a mandatory reason) and keeps every child row, so
restoring brings it back whole. Purging erases it physically and is a separate
administrator action, audited. A case whose sanction decision exists is not
deleted at all: the decision can only be cancelled by the legal procedure
(Decree 118/2021/NĐ-CP Art. 13; Law Art. 18 k3).
"""

import logging

from sqlalchemy import delete, func, literal
from sqlmodel import SQLModel, select

from xlvphc.domain.dates import fmt_date, fmt_datetime
from xlvphc.domain.text import clean
from xlvphc.models import Case, CaseEvent, Unit, User
from xlvphc.models.base import to_local, utcnow
from xlvphc.models.cases import CaseStatus
from xlvphc.services import audit, case_refusals, search_index
from xlvphc.services.access import Action, Actor, require, visible_units
from xlvphc.services.cases import load_case
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, NotFound, ValidationFailed
from xlvphc.services.inputs import valid_id

log = logging.getLogger(__name__)

PAGE_SIZE = 20
DECIDED_MESSAGE = (
    "Hồ sơ đã có quyết định xử phạt nên không được xóa. Quyết định chỉ có thể "
    "bị hủy bỏ theo thủ tục (Điều 13 Nghị định 118/2021/NĐ-CP)."
)


def _reason(raw: object) -> str:
    reason = clean(raw)
    if len(reason) < 5:
        raise ValidationFailed({"reason": "Vui lòng ghi lý do xóa (ít nhất 5 ký tự)."})
    if len(reason) > 500:
        raise ValidationFailed({"reason": "Lý do tối đa 500 ký tự."})
    return reason


def delete_case(actor: Actor, case_id: object, reason: object) -> None:
    """Move a case without a decision to the recycle bin."""
    require(actor, Action.CASE_DELETE)
    text = _reason(reason)
    with session_scope() as session:
        case = load_case(session, actor, case_id, Action.CASE_DELETE)
        if case.decision_number or case.status != CaseStatus.RECORDED:
            raise Conflict(DECIDED_MESSAGE)
        case.deleted_at = utcnow()
        case.deleted_by = actor.user_id
        case.delete_reason = text
        case.version += 1
        session.add(case)
        session.add(CaseEvent(case_id=case.id, kind="delete", actor_id=actor.user_id,
                              summary=f"Xóa vào thùng rác. Lý do: {text}"[:1000]))
        audit.record(session, actor, "case.deleted", entity="case",
                     entity_id=case.id, after={"deleted": "có", "reason": text},
                     reason=text)
        log.info("user=%s deleted case=%s", actor.user_id, case.id)


def _binned(session, actor: Actor, case_id: object, action: str) -> Case:
    """A case in the bin within the actor's scope; else the usual refusal.
    A missing case or another unit's is audited as cases.checked_case does
    (services.case_refusals); an own case not in the bin is a stale click."""
    if valid_id(case_id) is None:
        raise NotFound()
    case = session.get(Case, case_id)
    case_refusals.refuse_outside(session, actor, case, case_id, action)
    if case is None or case.deleted_at is None:
        raise NotFound()
    require(actor, action, case.unit_id)
    return case


def in_bin(actor: Actor, case_id: object) -> bool:
    """Whether a case the actor could not open lies in the recycle bin of a
    unit whose cases the actor reads: the case page then says so rather
    than "not found" (user trial). A missing case and another unit's,
    binned or not, both give False, so ids still cannot be probed."""
    if valid_id(case_id) is None or not actor.can(Action.CASE_READ):
        return False
    with session_scope() as session:
        case = session.get(Case, case_id)
        if case is None or case.deleted_at is None:
            return False
        unit_id = case.unit_id
    return actor.sees_all_units(Action.CASE_READ) or unit_id in actor.scope


def restore_case(actor: Actor, case_id: object) -> None:
    """Bring a case back from the bin with everything it had."""
    require(actor, Action.CASE_DELETE)
    with session_scope() as session:
        case = _binned(session, actor, case_id, Action.CASE_DELETE)
        reason = case.delete_reason
        case.deleted_at = None
        case.deleted_by = None
        case.delete_reason = ""
        case.version += 1
        session.add(case)
        session.add(CaseEvent(case_id=case.id, kind="restore",
                              actor_id=actor.user_id,
                              summary="Khôi phục từ thùng rác"))
        audit.record(session, actor, "case.restored", entity="case",
                     entity_id=case.id, before={"deleted": "có", "reason": reason},
                     after={"deleted": "không"})
        log.info("user=%s restored case=%s", actor.user_id, case.id)


def _child_tables() -> list:
    """Every table with a foreign key to case.id (acts, violator, record,
    decision, events, tokens, and whatever the procedure steps add)."""
    found = []
    for table in SQLModel.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "case" and fk.column.name == "id":
                found.append((table, fk.parent))
    return found


def purge_case(actor: Actor, case_id: object, reason: object) -> None:
    """Erase a binned case and all its rows for good (administrators only).
    The audit row keeps what identifies the case, not its personal data."""
    require(actor, Action.CASE_PURGE)
    text = _reason(reason)
    with session_scope() as session:
        case = _binned(session, actor, case_id, Action.CASE_PURGE)
        snapshot = {"record_number": case.record_number, "unit_id": case.unit_id,
                    "deleted_at": case.deleted_at, "deleted_by": case.deleted_by,
                    "delete_reason": case.delete_reason}
        connection = session.connection()
        # Every row below a case carries case_id (a test guards it), so one
        # pass finds them all; children of children first (reverse order).
        for table, column in reversed(_child_tables()):
            connection.execute(delete(table).where(column == case.id))
        session.delete(case)
        audit.record(session, actor, "case.purged", entity="case",
                     entity_id=case_id, before=snapshot, reason=text)
        log.info("user=%s purged case=%s", actor.user_id, case_id)


# The longest search text read; longer input is cut first, so that a huge
# string sent by any browser is not normalised whole (case_queries.MAX_QUERY).
MAX_QUERY = 200


def _query_words(query: object) -> list[str]:
    """The words of the bin's search box, as the case list reads its own
    (search_index.query_words): folded, so "nguyen" finds "Nguyễn". Anything
    but text is no search."""
    if not isinstance(query, str):
        return []
    return search_index.query_words(clean(query[: MAX_QUERY * 4])[:MAX_QUERY])


def _matcher(words: list[str]):
    """Whether a binned case's texts hold every word, by the rule of the
    case list's search: each word starts one of the words stored for the
    text (search_index.words_of). A unit's name, a reason or a name recurs
    from case to case: each is read once per search, and forgotten with it
    (no cache of names outlives the call)."""
    seen: dict[str, str] = {}
    wanted = [f" {w}" for w in words]

    def words_of(text: str) -> str:
        # The text's words, each after a space: " w" in it is a word that
        # starts with w (tokens hold no space).
        found = seen.get(text)
        if found is None:
            found = seen[text] = "".join(
                f" {t}" for t in search_index.words_of(text)
            )
        return found

    def matches(texts: tuple) -> bool:
        joined = "".join(words_of(t) for t in texts if t)
        return all(w in joined for w in wanted)

    return matches


def list_bin(actor: Actor, page: object = 1, query: object = "") -> dict:
    """The cases in the bin the actor may restore or purge. Administrators
    (who do not read case files) see numbers, units and reasons only.

    `query` finds binned cases by record or decision number, unit name and
    reason, and by the violator's name only for an actor who reads cases:
    an administrator, who sees "(ẩn)" instead of the name, must not learn it
    from which cases a name finds either. Binned cases have no search words
    (search_index.drop_tokens keeps them out of every search), so the bin,
    a small share of the cases, is matched here by the same word rule."""
    # TODO: an account holding both admin and officer on the province node
    # lists only the province node's binned cases (its officer scope), so
    # other units' cases it may purge are not offered; role separation says
    # use two accounts, a product decision is needed before listing them.
    if actor.can(Action.CASE_DELETE):
        units = visible_units(actor, Action.CASE_DELETE)
    else:
        units = visible_units(actor, Action.CASE_PURGE)
    reads = actor.can(Action.CASE_READ)
    page_no = page if isinstance(page, int) and 1 <= page <= 100_000 else 1
    words = _query_words(query)
    conds = [Case.deleted_at.is_not(None)]
    if units is not None:
        conds.append(Case.unit_id.in_(units))
    order = (Case.deleted_at.desc(), Case.id.desc())
    with session_scope() as session:
        if words:
            # Only what the actor may search by is read at all.
            name = Case.violator_name if reads else literal("")
            matches = _matcher(words)
            found = [
                case_id
                for case_id, *texts in session.exec(
                    select(Case.id, Case.record_number, Case.decision_number,
                           Unit.name, Case.delete_reason, name)
                    .join(Unit, Unit.id == Case.unit_id)
                    .where(*conds).order_by(*order)
                )
                if matches(tuple(texts))
            ]
            total = len(found)
        else:
            total = session.exec(select(func.count(Case.id)).where(*conds)).one()
        pages = max(1, -(-total // PAGE_SIZE))
        page_no = min(page_no, pages)
        start = (page_no - 1) * PAGE_SIZE
        stmt = (
            select(Case, Unit.name, User.full_name)
            .join(Unit, Unit.id == Case.unit_id)
            .join(User, User.id == Case.deleted_by, isouter=True)
            .where(*conds).order_by(*order)
        )
        if words:
            stmt = stmt.where(Case.id.in_(found[start:start + PAGE_SIZE]))
        else:
            stmt = stmt.offset(start).limit(PAGE_SIZE)
        rows = session.exec(stmt).all()
    return {
        "rows": [
            {
                "id": case.id,
                "record_number": case.record_number or "—",
                "violator_name": case.violator_name if reads else "(ẩn)",
                "violation_date": fmt_date(case.violation_date),
                "unit_name": unit_name,
                "deleted_at": fmt_datetime(to_local(case.deleted_at)),
                "deleted_by": who or "—",
                "reason": case.delete_reason,
            }
            for case, unit_name, who in rows
        ],
        "total": total,
        "page": page_no,
        "pages": pages,
    }
