"""Correcting a case, with optimistic locking and a readable change history.

Until a sanction decision is issued, every part of the case (violator, acts,
violation, record) can be corrected by those who may write it. Once the
decision exists its contents are legal facts: they change only by a decision
correcting, amending or cancelling it (Law on Handling Administrative
Violations Art. 18 k3; Decree 118/2021/NĐ-CP Art. 13), which is a procedure
step, not an edit. A closed case is not edited at all.
"""

import json
import logging
from datetime import date, datetime, time

from sqlmodel import func, select

from xlvphc.domain.dates import fmt_date, fmt_datetime
from xlvphc.domain.money import format_vnd
from xlvphc.models import (
    AuditEvent,
    Case,
    CaseAct,
    CaseEvent,
    CatalogueEntry,
    User,
    ViolationRecord,
    Violator,
)
from xlvphc.models.base import VN_TZ, local_now, to_local, utcnow
from xlvphc.models.cases import CaseStatus, CloseReason, ViolatorKind
from xlvphc.services import audit
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.audit_labels import PRINT_ACTIONS, describe
from xlvphc.services.case_input import read_case
from xlvphc.services.cases import (
    load_case,
    refresh_deadlines,
    refresh_search_text,
)
from xlvphc.services.catalogue import as_row
from xlvphc.services.db import session_scope
from xlvphc.services.errors import Conflict, ValidationFailed
from xlvphc.services.inputs import FormReader
from xlvphc.services.stale_version import stale_message
from xlvphc.services.typed_acts import case_act, row_of, stored
from xlvphc.services.ward_place import violation_in_ward

log = logging.getLogger(__name__)

LOCKED_MESSAGE = (
    "Hồ sơ đã có quyết định xử phạt: nội dung biên bản và quyết định chỉ được "
    "thay đổi bằng quyết định sửa đổi, bổ sung, đính chính hoặc hủy bỏ (Điều 18 "
    "Luật Xử lý vi phạm hành chính; Điều 13 Nghị định 118/2021/NĐ-CP), không "
    "sửa trực tiếp."
)
CLOSED_MESSAGE = "Hồ sơ đã kết thúc nên không sửa được nữa."
# Stages without a decision where the record is nonetheless out of the
# officer's hands for now (user check: these read "đã có quyết định").
WAITING_MESSAGES = {
    CaseStatus.EXPLAINING: (
        "Hồ sơ đang trong thời gian giải trình (Điều 61 Luật Xử lý vi phạm hành "
        "chính): nội dung biên bản chưa sửa được. Ghi bước \u201cKết thúc giải "
        "trình\u201d ở mục \u201cXử lý tiếp\u201d trên trang hồ sơ, sau đó mở lại "
        "trang sửa."
    ),
    CaseStatus.TRANSFERRED: (
        "Hồ sơ đã chuyển cho cơ quan tiến hành tố tụng (Điều 62 Luật Xử lý vi "
        "phạm hành chính) nên chưa sửa được. Nếu hồ sơ được trả lại, ghi bước "
        "\u201cNhận lại hồ sơ từ cơ quan tiến hành tố tụng\u201d rồi mới sửa."
    ),
}


class StaleVersion(Conflict):
    """The case was saved elsewhere since the form was loaded."""

# Labels of the fields shown in the history tab (audit before/after keys).
LABELS = {
    "name": "Họ tên / tên tổ chức", "kind": "Loại đối tượng", "gender": "Giới tính",
    "birth_date": "Ngày sinh", "nationality": "Quốc tịch",
    "occupation": "Nghề nghiệp", "address": "Địa chỉ", "id_number": "Số định danh",
    "id_issued_on": "Ngày cấp", "id_issued_by": "Nơi cấp",
    "tax_code": "Mã số doanh nghiệp", "registration_number": "Số GCN đăng ký",
    "registration_issued_on": "Ngày cấp GCN",
    "registration_issued_by": "Nơi cấp GCN",
    "representative_name": "Người đại diện", "representative_gender":
    "Giới tính người đại diện", "representative_title": "Chức danh người đại diện",
    "violation_at": "Thời gian vi phạm", "violation_place": "Địa điểm vi phạm",
    "description": "Mô tả hành vi", "acts": "Hành vi vi phạm", "field": "Lĩnh vực",
    "made_at": "Thời gian lập biên bản", "place": "Nơi lập biên bản",
    "office_reason": "Lý do lập biên bản tại nơi khác",
    "maker_name": "Người lập biên bản", "maker_title": "Chức vụ người lập",
    "witness": "Người chứng kiến", "violator_statement": "Ý kiến người vi phạm",
    "status": "Trạng thái", "fine_total": "Tổng tiền phạt",
    "decision_number": "Số quyết định", "record_number": "Số biên bản",
    "deleted": "Đã xóa", "reason": "Lý do",
    "continuing": "Vi phạm đang thực hiện", "detected_on": "Ngày phát hiện",
    # What a procedure step changes (transitions._snapshot).
    "received_on": "Ngày nhận quyết định", "compliance_due": "Hạn chấp hành",
    "paid_total": "Đã nộp", "reduced_total": "Được giảm, miễn",
    "surcharge_total": "Tiền chậm nộp", "surcharge_paid": "Đã nộp tiền chậm nộp",
    "closed_on": "Ngày kết thúc",
    "close_reason": "Lý do kết thúc",
}
VIOLATOR_KEYS = [k for k in LABELS if k in Violator.model_fields and k != "kind"]
RECORD_KEYS = ["made_at", "place", "office_reason", "maker_name", "maker_title",
               "witness", "violator_statement"]


def editable(case: Case) -> str:
    """Why the case cannot be edited, or "" when it can."""
    if case.status == CaseStatus.CLOSED:
        return CLOSED_MESSAGE
    if case.status in WAITING_MESSAGES and not case.decision_number:
        return WAITING_MESSAGES[case.status]
    if case.status != CaseStatus.RECORDED or case.decision_number:
        return LOCKED_MESSAGE
    return ""


def _text(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "hour"):
        return fmt_datetime(to_local(value))
    if hasattr(value, "year"):
        return fmt_date(value)
    return str(value)


def edit_form(actor: Actor, case_id: object) -> dict:
    """The case as the edit form shows it (strings), with the version the save
    must quote back and the reason it is locked, if it is."""
    with session_scope() as session:
        case = load_case(session, actor, case_id, Action.CASE_WRITE)
        violator = session.exec(select(Violator).where(
            Violator.case_id == case.id)).first() or Violator(case_id=case.id, name="")
        record = session.exec(select(ViolationRecord).where(
            ViolationRecord.case_id == case.id)).first()
        acts = session.exec(select(CaseAct).where(CaseAct.case_id == case.id)
                            .order_by(CaseAct.position)).all()
        values = {k: _text(getattr(violator, k)) for k in VIOLATOR_KEYS}
        violated = to_local(case.violation_at)
        made = to_local(record.made_at) if record else None
        values.update(
            violation_date=fmt_date(violated.date()) if violated else "",
            violation_time=violated.strftime("%H:%M") if violated else "",
            violation_place=case.violation_place, description=case.description,
            continuing="1" if case.continuing else "",
            detected_on=fmt_date(case.detected_on),
            record_date=fmt_date(made.date()) if made else "",
            record_time=made.strftime("%H:%M") if made else "",
            record_place=record.place if record else "",
            office_reason=record.office_reason if record else "",
            maker_name=record.maker_name if record else "",
            maker_title=record.maker_title if record else "",
            witness=record.witness if record else "",
            violator_statement=record.violator_statement if record else "",
        )
        return {
            "id": case.id,
            "version": case.version,
            "kind": case.violator_kind,
            "record_number": case.record_number,
            "locked": editable(case),
            "values": values,
            "acts": _act_rows(session, acts, case.field),
        }


def _check_version(session, actor: Actor, case: Case, data: object, *,
                   unsaved: str, then: str) -> None:
    """Optimistic locking: the form quotes the version it was loaded at;
    a case changed since is refused, naming who changed it."""
    sent = data.get("version") if isinstance(data, dict) else None
    if str(sent) != str(case.version):
        raise StaleVersion(
            stale_message(session, actor, case, sent, unsaved=unsaved, then=then)
        )


def edit_case(actor: Actor, case_id: object, data: object) -> int:
    """Save a corrected case; returns the new version.

    The form quotes the version it was loaded at. If the case changed since,
    the save is refused (optimistic locking): nothing is overwritten silently,
    and the message says who changed it so the officer can look at the
    history before editing again."""
    require(actor, Action.CASE_WRITE)
    today = local_now().date()
    with session_scope() as session:
        case = load_case(session, actor, case_id, Action.CASE_WRITE)
        _check_version(session, actor, case, data,
                       unsaved="Thay đổi ở trang này chưa được lưu",
                       then="mở lại trang sửa")
        reason = editable(case)
        if reason:
            raise Conflict(reason)
        # The acts without catalogue row (typed «ngoài danh mục», or of an
        # imported register) come back with the form and are checked again
        # (services.typed_acts), unless sent back as stored.
        kept = [
            stored(a, case.field)
            for a in session.exec(
                select(CaseAct).where(
                    CaseAct.case_id == case.id, CaseAct.catalogue_id.is_(None)
                )
            )
        ]
        parsed, errors = read_case(session, data, today, typed=True, kept=kept)
        if errors:
            raise ValidationFailed(errors)

        # What changes, as before/after pairs for the audit trail.
        violator = session.exec(select(Violator).where(
            Violator.case_id == case.id)).first()
        record = session.exec(select(ViolationRecord).where(
            ViolationRecord.case_id == case.id)).one()
        acts = session.exec(select(CaseAct).where(CaseAct.case_id == case.id)
                            .order_by(CaseAct.position)).all()
        before, after = {}, {}

        def note(key: str, old: object, new: object) -> None:
            if _text(old) != _text(new):
                before[key], after[key] = _text(old), _text(new)

        new_violator = parsed.violator
        note("kind", ViolatorKind.LABELS.get(case.violator_kind, ""),
             ViolatorKind.LABELS.get(new_violator["kind"], ""))
        if violator is None:
            violator = Violator(case_id=case.id, name="")
        for key in VIOLATOR_KEYS:
            new = new_violator.get(key, "" if key not in ("birth_date",
                                   "id_issued_on", "registration_issued_on")
                                   else None)
            note(key, getattr(violator, key), new)
            setattr(violator, key, new)
        violator.kind = new_violator["kind"]
        note("violation_at", case.violation_at, parsed.violation_at)
        note("violation_place", case.violation_place, parsed.violation_place)
        note("continuing", "Có" if case.continuing else "Không",
             "Có" if parsed.continuing else "Không")
        note("detected_on", case.detected_on, parsed.detected_on)
        note("description", case.description, parsed.description)
        for key in RECORD_KEYS:
            note(key, getattr(record, key), parsed.record[key])
            setattr(record, key, parsed.record[key])
        # A typed act has no catalogue id: it is told by what was typed. A
        # catalogue act by its id and ward clause: a place moved into or out
        # of a ward changes the frame of an act that doubles there.
        in_ward = violation_in_ward(session, case.unit_id, parsed.violation_place)
        old_acts = [(a.catalogue_id, a.decree, a.article, a.clause, a.point,
                     a.act, a.frame_min, a.frame_max) if a.catalogue_id is None
                    else (a.catalogue_id, a.ward_clause) for a in acts]
        new_rows = [case_act(case.id, position, entry, in_ward)
                    for position, entry in enumerate(parsed.acts)]
        new_acts = [(None, e.decree, e.article, e.clause, e.point, e.act,
                     e.fine_min, e.fine_max) if e.id is None
                    else (e.id, row.ward_clause)
                    for e, row in zip(parsed.acts, new_rows, strict=True)]
        if old_acts != new_acts:
            before["acts"] = "; ".join(a.act[:80] for a in acts)
            after["acts"] = "; ".join(r.act[:80] for r in new_rows)
            for act in acts:
                session.delete(act)
            # Each act keeps its origin: one sent back as stored (kept)
            # stays the register's or the officer's (typed_acts.stored).
            for row in new_rows:
                session.add(row)
            note("field", case.field, parsed.field)
            case.field = parsed.field
        if not after:
            return case.version

        case.violator_kind = new_violator["kind"]
        case.violator_name = new_violator["name"]
        case.violation_at = parsed.violation_at
        case.violation_date = parsed.violation_at.date()
        case.continuing = parsed.continuing
        case.detected_on = parsed.detected_on
        case.violation_place = parsed.violation_place
        case.description = parsed.description
        case.version += 1
        # The record, the violation's dates and the field set the deadlines.
        refresh_deadlines(session, case)
        case.updated_at = utcnow()
        refresh_search_text(session, case, violator)
        session.add_all([case, violator, record])
        labels = ", ".join(LABELS.get(k, k).lower() for k in after)
        session.add(CaseEvent(case_id=case.id, kind="edit", actor_id=actor.user_id,
                              summary=f"Sửa hồ sơ: {labels}"[:1000]))
        audit.record(session, actor, "case.edited", entity="case",
                     entity_id=case.id, before=before, after=after)
        log.info("user=%s edited case=%s to version=%s", actor.user_id, case.id,
                 case.version)
        return case.version


def fill_record_date(actor: Actor, case_id: object, data: object) -> int:
    """Give an imported record the date its register left out, from the
    paper record (`record_date`, dd/mm/yyyy); returns the new version.

    Such a case is decided or closed, so the edit form is locked (Law Art.
    18): this only fills in a fact the register did not carry, never
    changes a date that is known, so it is allowed at any stage. The day
    lies between the violation and the decision, as on paper; it is stored
    at 00:00, an imported case's "hour not given" (importer/shown.py)."""
    require(actor, Action.CASE_WRITE)
    today = local_now().date()
    with session_scope() as session:
        case = load_case(session, actor, case_id, Action.CASE_WRITE)
        _check_version(session, actor, case, data,
                       unsaved="Ngày lập biên bản chưa được lưu",
                       then="tải lại trang hồ sơ")
        record = session.exec(select(ViolationRecord).where(
            ViolationRecord.case_id == case.id)).first()
        if record is None or record.made_at is not None:
            raise Conflict("Hồ sơ này không có biên bản thiếu ngày lập để bổ sung.")
        form = FormReader(data)
        day = form.date("record_date", "ngày lập biên bản", required=True,
                        not_after=today)
        if day and "record_date" not in form.errors:
            if case.violation_date and day < case.violation_date:
                form.errors["record_date"] = (
                    "Biên bản không thể lập trước ngày vi phạm "
                    f"({fmt_date(case.violation_date)}).")
            elif case.decided_on and day > case.decided_on:
                form.errors["record_date"] = (
                    "Biên bản phải lập trước khi ra quyết định xử phạt (ngày "
                    f"{fmt_date(case.decided_on)}).")
        if form.errors:
            raise ValidationFailed(form.errors)
        record.made_at = datetime.combine(day, time(), tzinfo=VN_TZ)
        case.version += 1
        case.updated_at = utcnow()
        refresh_deadlines(session, case)
        session.add_all([case, record])
        session.add(CaseEvent(
            case_id=case.id, kind="edit", actor_id=actor.user_id,
            summary=f"Bổ sung ngày lập biên bản theo biên bản giấy: {fmt_date(day)}"))
        audit.record(session, actor, "case.edited", entity="case",
                     entity_id=case.id, before={"made_at": ""},
                     # The day only: the register gave no hour either.
                     after={"made_at": fmt_date(day)})
        log.info("user=%s filled the record date of case=%s", actor.user_id,
                 case.id)
        return case.version


def _changes(before: str, after: str) -> list[dict]:
    try:
        old = json.loads(before) if before else {}
        new = json.loads(after) if after else {}
    except ValueError:
        return []
    if not isinstance(old, dict) or not isinstance(new, dict):
        return []
    # Lists are internal ids (e.g. the catalogue ids at creation), not values
    # an officer can read.
    keys = [k for k in dict.fromkeys([*old, *new]) if k in LABELS
            and not isinstance(old.get(k, new.get(k)), list)
            and not isinstance(new.get(k), list)]
    # Procedure steps snapshot the whole summary: show only what changed.
    return [
        {"field": LABELS[k], "before": shown_value(k, old.get(k)) or "—",
         "after": shown_value(k, new.get(k)) or "—"}
        for k in keys if shown_value(k, old.get(k)) != shown_value(k, new.get(k))
    ]


MONEY_KEYS = {
    "fine_total", "paid_total", "reduced_total", "surcharge_total", "surcharge_paid"
}
DATE_KEYS = {"received_on", "compliance_due", "closed_on", "detected_on"}


def shown_value(key: str, value: object) -> str:
    """A stored value as officers read it: stage labels, amounts in đồng."""
    if key == "status" and isinstance(value, str):
        return CaseStatus.LABELS.get(value, value)
    if key == "close_reason" and isinstance(value, str):
        return CloseReason.LABELS.get(value, value)
    if key in MONEY_KEYS and isinstance(value, int) and not isinstance(value, bool):
        return format_vnd(value)
    if key in DATE_KEYS and isinstance(value, str):
        # Snapshots store dates as ISO text ("2026-12-05").
        try:
            return fmt_date(date.fromisoformat(value))
        except ValueError:
            return value
    return _text(value)


def case_history(actor: Actor, case_id: object, limit: int = 200) -> list[dict]:
    """Who changed what on the case, when, with before and after, newest
    first (from the audit trail; reads are left out)."""
    with session_scope() as session:
        case = load_case(session, actor, case_id, Action.CASE_READ)
        return _history(session, case.id, None, limit)


def case_history_folded(actor: Actor, case_id: object, limit: int = 200) -> dict:
    """The case page's history: `changes`, the real changes newest first,
    and the prints apart (`prints`, newest first, and `print_count`, all of
    them), for the page to fold into one line.

    Every preview, draft and download is an audit event (kept in the audit
    log), but on the case page 25 "In biểu mẫu …" entries buried the 6
    changes (user trial, 5 Dec 2026). The two are read separately so that
    prints never push a change out of the `limit`."""
    with session_scope() as session:
        case = load_case(session, actor, case_id, Action.CASE_READ)
        count = session.exec(
            select(func.count()).select_from(AuditEvent).where(
                AuditEvent.entity == "case", AuditEvent.entity_id == case.id,
                AuditEvent.action.in_(list(PRINT_ACTIONS)))
        ).one()
        return {
            "changes": _history(session, case.id, False, limit),
            "prints": _history(session, case.id, True, limit),
            "print_count": int(count),
        }


def _history(session, case_id: int, prints: bool | None, limit: int) -> list[dict]:
    """The case's audit events as history entries, newest first: all but
    reads (`prints` None), only the prints (True) or all but them (False)."""
    query = (
        select(AuditEvent, User.full_name)
        .join(User, User.id == AuditEvent.actor_id, isouter=True)
        .where(AuditEvent.entity == "case", AuditEvent.entity_id == case_id,
               AuditEvent.action != "case.read")
    )
    if prints is not None:
        printed = AuditEvent.action.in_(list(PRINT_ACTIONS))
        query = query.where(printed if prints else ~printed)
    rows = session.exec(query.order_by(AuditEvent.id.desc()).limit(limit)).all()
    return [
        {
            "at": fmt_datetime(to_local(event.at)),
            "who": name or "—",
            # Headings in Vietnamese, never the stored code (audit_labels).
            "action": heading,
            "reason": reason,
            "changes": _changes(event.before, event.after),
        }
        for event, name in rows
        for heading, reason in [describe(event.action, event.reason)]
    ]


def _act_rows(session, acts: list[CaseAct], field: str) -> list[dict]:
    """The case's acts as catalogue rows (the edit form's "selected" list),
    and the acts typed by the officer as the picker lists them
    (typed_acts.row_of), so that a save keeps them: dropped here, a save
    lost them (the form sent back only catalogue ids)."""
    ids = [a.catalogue_id for a in acts if a.catalogue_id]
    found = {e.id: e for e in session.exec(
        select(CatalogueEntry).where(CatalogueEntry.id.in_(ids)))}
    rows = [as_row(found[i]) for i in ids if i in found]
    return rows + [row_of(a, field) for a in acts if a.catalogue_id is None]
