"""Reading and exporting the audit trail (who did what, when, in which unit).

The application only ever inserts AuditEvent rows (services/audit.py); this
module reads them. A session hook refuses any ORM update or delete of an audit
row, as a second line behind "no code does it" (ASVS 16.4.2; security.md G4).
On PostgreSQL the app role should also lack UPDATE/DELETE on the table.
"""

import io
import logging
from datetime import UTC, date, datetime, time, timedelta

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import event, func
from sqlmodel import Session, select

from xlvphc.domain.dates import parse_date
from xlvphc.domain.text import clean
from xlvphc.models import AuditEvent, Case, Unit, User
from xlvphc.models.base import VN_TZ, to_local
from xlvphc.services import audit
from xlvphc.services.access import Action, Actor, require, visible_units
from xlvphc.services.audit_labels import all_labels, describe
from xlvphc.services.audit_values import (
    PURGED_CASE,
    case_refs,
    changed_only,
    entity_label,
    user_refs,
)
from xlvphc.services.db import session_scope
from xlvphc.services.errors import ValidationFailed
from xlvphc.services.inputs import valid_id
from xlvphc.services.units import choice_key

log = logging.getLogger(__name__)

PAGE_SIZE = 50
EXPORT_LIMIT = 50_000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _refuse_audit_changes(session: Session, _context, _instances) -> None:
    """Raise before any flush that would update or delete an audit row."""
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEvent) and (
            obj in session.deleted or session.is_modified(obj)
        ):
            raise RuntimeError("audit rows are append-only")


event.listen(Session, "before_flush", _refuse_audit_changes)


def safe_cell(value: object) -> object:
    """A spreadsheet cell that cannot run as a formula (ASVS 1.2.10, F5)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def xlsx_bytes(title: str, headers: list[str], rows: list[list]) -> bytes:
    """One sheet, bold header, every text cell escaped."""
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, width + 2)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _id_from(value: object) -> int | None:
    if isinstance(value, str) and value.isdigit() and len(value) < 12:
        value = int(value)
    return valid_id(value)


def _day(value: object) -> date | None:
    text = clean(value, 20)
    return parse_date(text) if text else None


def _period(filters: dict) -> tuple[date | None, date | None]:
    """The filter's first and last day. A mistyped or reversed range is
    refused at its box, as the report page does: it silently gave «0 sự
    kiện» (user trial)."""
    errors = {}
    days = {}
    for key in ("date_from", "date_to"):
        days[key] = _day(filters.get(key))
        if clean(filters.get(key), 20) and days[key] is None:
            errors[key] = "Ngày không hợp lệ (ngày/tháng/năm)."
    start, end = days["date_from"], days["date_to"]
    if start and end and start > end:
        errors["date_to"] = "Ngày kết thúc phải sau ngày bắt đầu."
    if errors:
        raise ValidationFailed(errors)
    return start, end


def _query(actor: Actor, filters: object):
    """The filtered statement, already limited to what the actor may read."""
    scope = visible_units(actor, Action.AUDIT_READ)
    filters = filters if isinstance(filters, dict) else {}
    stmt = (
        select(AuditEvent, User.username, Unit.name)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .outerjoin(Unit, Unit.id == AuditEvent.unit_id)
    )
    if scope is not None:
        stmt = stmt.where(AuditEvent.unit_id.in_(scope))
    username = clean(filters.get("user"), 64).lower()
    if username:
        stmt = stmt.where(User.username.contains(username, autoescape=True))
    unit_id = _id_from(filters.get("unit_id"))
    if unit_id:
        stmt = stmt.where(AuditEvent.unit_id == unit_id)
    action = clean(filters.get("action"), 40)
    if action in all_labels():
        stmt = stmt.where(AuditEvent.action == action)
    start, end = _period(filters)
    if start:
        stmt = stmt.where(AuditEvent.at >= _utc(start))
    if end:
        stmt = stmt.where(AuditEvent.at < _utc(end + timedelta(days=1)))
    return stmt


def _filter_note(filters: object) -> dict:
    """The filters of an export, trimmed to known keys, for its audit row."""
    filters = filters if isinstance(filters, dict) else {}
    keys = ("user", "unit_id", "action", "date_from", "date_to")
    return {k: clean(filters.get(k), 64) for k in keys if filters.get(k)}


def _utc(day: date) -> datetime:
    """Midnight of a Vietnamese day, in UTC (the log is stored in UTC)."""
    return datetime.combine(day, time(), tzinfo=VN_TZ).astimezone(UTC)


def _usernames(session: Session, events: list[AuditEvent]) -> dict[int, str]:
    """The usernames of the accounts the events' values name (who deleted a
    purged case), so that the log shows a name, not "deleted_by: 2"."""
    ids = user_refs(*(t for e in events for t in (e.before, e.after)))
    ids |= {e.entity_id for e in events if e.entity == "user" and e.entity_id}
    if not ids:
        return {}
    rows = session.exec(select(User.id, User.username).where(User.id.in_(ids)))
    return dict(rows.all())


def _cases_named(
    session: Session, actor: Actor, events: list[AuditEvent]
) -> dict[int, tuple[datetime, str]]:
    """The cases the events' values name (a new case's possible duplicate),
    each as (when it was created, how the viewer may read it): the number
    users know it by, or, for a case of a unit outside the viewer's log
    scope, no number at all, so that reading the log of one's units tells
    nothing of another unit's cases (trial finding: the log showed the
    internal id). Read when the page is shown: a binned case says so."""
    ids = case_refs(*(t for e in events for t in (e.before, e.after)))
    ids |= {e.entity_id for e in events if e.entity == "case" and e.entity_id}
    if not ids:
        return {}
    scope = visible_units(actor, Action.AUDIT_READ)
    found = {}
    for case_id, unit_id, record, decision, deleted, created in session.exec(
        select(Case.id, Case.unit_id, Case.record_number, Case.decision_number,
               Case.deleted_at, Case.created_at).where(Case.id.in_(ids))
    ):
        if scope is not None and unit_id not in scope:
            shown = "hồ sơ ngoài phạm vi bạn được xem"
        else:
            shown = (
                f"biên bản số {record}" if record
                else f"quyết định số {decision}" if decision
                else "hồ sơ chưa có số biên bản, quyết định"
            ) + (" (trong thùng rác)" if deleted else "")
        found[case_id] = (created, shown)
    return found


def _case_texts(
    cases: dict[int, tuple[datetime, str]], at: datetime
) -> dict[int, str]:
    """What one event's case ids show. A case created after the event is
    not the one it named: that one was purged and its id given again
    (SQLite reuses the highest id)."""
    moment = to_local(at)
    return {
        case_id: shown if to_local(created) <= moment else PURGED_CASE
        for case_id, (created, shown) in cases.items()
    }


def _row(
    event_: AuditEvent,
    username: str | None,
    unit_name: str | None,
    names: dict[int, str] | None = None,
    cases: dict[int, tuple[datetime, str]] | None = None,
) -> dict:
    local = to_local(event_.at)
    action, reason = describe(event_.action, event_.reason)
    # A deletion stores its reason in `after` too: shown once, as the reason.
    drop = {"reason": event_.reason} if event_.reason else None
    case_texts = _case_texts(cases or {}, event_.at)
    before, after = changed_only(
        event_.before, event_.after, event_.entity, names, drop, case_texts
    )
    return {
        "id": event_.id,
        "at": local.strftime("%d/%m/%Y %H:%M:%S") if local else "",
        "user": username or "",
        "unit": unit_name or "",
        "action": action,
        "entity": entity_label(
            event_.entity, event_.entity_id, names or {}, case_texts
        ),
        "before": before[:300],
        "after": after[:300],
        "reason": reason[:200],
    }


def search(actor: Actor, filters: object = None, page: object = 1) -> dict:
    """One page of events, newest first."""
    page_no = page if isinstance(page, int) and 1 <= page <= 1_000_000 else 1
    stmt = _query(actor, filters)
    with session_scope() as session:
        total = session.exec(select(func.count()).select_from(stmt.subquery())).one()
        pages = max(1, -(-total // PAGE_SIZE))
        page_no = min(page_no, pages)
        rows = session.exec(
            stmt.order_by(AuditEvent.id.desc())
            .offset((page_no - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        ).all()
        events = [e for e, _u, _n in rows]
        names = _usernames(session, events)
        cases = _cases_named(session, actor, events)
        return {
            "rows": [_row(e, u, n, names, cases) for e, u, n in rows],
            "total": total,
            "page": page_no,
            "pages": pages,
        }


def export_xlsx(actor: Actor, filters: object = None) -> tuple[str, bytes]:
    """The filtered log as a spreadsheet; the export itself is audited."""
    require(actor, Action.AUDIT_READ)
    stmt = _query(actor, filters)
    with session_scope() as session:
        rows = session.exec(
            stmt.order_by(AuditEvent.id.desc()).limit(EXPORT_LIMIT)
        ).all()
        events = [e for e, _u, _n in rows]
        names = _usernames(session, events)
        cases = _cases_named(session, actor, events)
        data = [_row(e, u, n, names, cases) for e, u, n in rows]
        audit.record(
            session,
            actor,
            "audit.exported",
            entity="auditevent",
            after={"rows": len(data), "filters": _filter_note(filters)},
        )
    log.info("user=%s exported %s audit rows", actor.user_id, len(data))
    body = xlsx_bytes(
        "Nhật ký",
        [
            "Số",
            "Thời gian",
            "Người thực hiện",
            "Đơn vị",
            "Thao tác",
            "Đối tượng",
            "Trước",
            "Sau",
            "Lý do",
        ],
        [
            [
                r["id"],
                r["at"],
                r["user"],
                r["unit"],
                r["action"],
                r["entity"],
                r["before"],
                r["after"],
                r["reason"],
            ]
            for r in data
        ],
    )
    return "nhat-ky-he-thong.xlsx", body


def action_choices() -> list[dict]:
    return [
        {"id": k, "name": v}
        for k, v in sorted(all_labels().items(), key=lambda kv: kv[1])
    ]


def unit_choices(actor: Actor) -> list[dict]:
    """Units the actor may filter the log by (inactive ones too: old events)."""
    scope = visible_units(actor, Action.AUDIT_READ)
    with session_scope() as session:
        stmt = select(Unit.id, Unit.name, Unit.kind).where(Unit.kind != "commune")
        if scope is not None:
            stmt = stmt.where(Unit.id.in_(scope))
        rows = sorted(session.exec(stmt).all(), key=lambda r: choice_key(r[2], r[1]))
        return [{"id": str(uid), "name": name} for uid, name, _kind in rows]
