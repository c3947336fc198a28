"""The trial-run feedback channel: any user reports a difficulty (with an
optional screenshot); the Department of Justice lists, sets a status and
answers; the sender reads the answer; each unit exports its summary."""

import io
import logging

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from sqlalchemy import func
from sqlmodel import select

from xlvphc.domain.dates import fmt_date, fmt_datetime
from xlvphc.domain.text import clean
from xlvphc.models import Unit, User
from xlvphc.models.base import to_local, utcnow
from xlvphc.models.feedback import Feedback, FeedbackCategory, FeedbackStatus
from xlvphc.services import audit
from xlvphc.services.access import Action, Actor, require
from xlvphc.services.db import session_scope
from xlvphc.services.errors import NotFound, ValidationFailed
from xlvphc.services.inputs import FormReader, valid_id
from xlvphc.services.reports.xlsx import safe_text

log = logging.getLogger(__name__)

MAX_TEXT = 4000
MAX_SCREENSHOT = 2 * 1024 * 1024  # 2 MB: a full-screen PNG fits
PAGE_SIZE = 20
# Magic bytes of the accepted images; the file name and the browser's type are
# not trusted (security.md F3).
IMAGE_TYPES = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
}


def image_type(data: object) -> str | None:
    """ "png" or "jpeg" when the bytes really are one, else None. WebP and GIF
    are refused: officials' screenshots are PNG or JPEG."""
    if not isinstance(data, bytes | bytearray):
        return None
    for magic, kind in IMAGE_TYPES.items():
        if bytes(data[: len(magic)]) == magic:
            return kind
    return None


# What the attachment box takes, said at the box and in its refusals. Only a
# screenshot, deliberately: the report is read by the Department of Justice,
# who opens it as an image (security.md F3 checks its bytes); an office file
# (.xlsx, .docx, .pdf) would carry violators' personal data out of the case
# records and would have to be opened by the reader. An officer whose
# difficulty is about a spreadsheet (an import) describes it or shows it in
# a screenshot.
ACCEPTED = "ảnh chụp màn hình dạng PNG hoặc JPEG, tối đa 2 MB"
OTHER_FILES = (
    "Tệp Excel, Word, PDF không gửi kèm được: hãy chụp màn hình phần cần hỏi, "
    "hoặc ghi tên tệp và điều vướng mắc vào ô Nội dung."
)


def rejected_upload(rejected: object) -> str:
    """Why the browser refused the file dropped or picked in the box, in
    Vietnamese (user trial: an .xlsx was dropped without a word).

    Args:
        rejected: The upload box's rejected records as the browser sends
            them, [{"file": {"path": …}, "errors": [{"code": …}]}, …].

    Returns:
        The message for the box, naming the file and what is accepted.
    """
    records = (
        [r for r in rejected if isinstance(r, dict)]
        if isinstance(rejected, list)
        else []
    )
    first = records[0] if records else {}
    file = first.get("file") if isinstance(first.get("file"), dict) else {}
    name = clean(file.get("path") or file.get("name") or "")[:120].lstrip("./")
    errors = first.get("errors") if isinstance(first.get("errors"), list) else []
    codes = {e.get("code") for e in errors if isinstance(e, dict)}
    if len(records) > 1 or "too-many-files" in codes:
        return f"Chỉ đính kèm được một tệp: {ACCEPTED}."
    named = f"tệp «{name}»" if name else "tệp này"
    if codes == {"file-too-large"}:
        return f"Không đính kèm được {named}: lớn hơn 2 MB. Chỉ nhận {ACCEPTED}."
    return f"Không đính kèm được {named}: chỉ nhận {ACCEPTED}. {OTHER_FILES}"


def check_screenshot(data: object) -> tuple[bytes, str]:
    """The screenshot and its type, or ValidationFailed with the reason."""
    if not isinstance(data, bytes | bytearray) or not data:
        raise ValidationFailed({"screenshot": "Tệp ảnh trống."})
    if len(data) > MAX_SCREENSHOT:
        raise ValidationFailed({"screenshot": "Ảnh chụp màn hình tối đa 2 MB."})
    kind = image_type(data)
    if kind is None:
        raise ValidationFailed({"screenshot": f"Chỉ nhận {ACCEPTED}. {OTHER_FILES}"})
    return bytes(data), kind


def send(actor: Actor, data: object, screenshot: object = None) -> int:
    """Store a report from the actor's own unit; returns its id."""
    require(actor, Action.FEEDBACK_SEND, actor.unit_id)
    form = FormReader(data)
    category = form.choice("category", "loại phản ánh", FeedbackCategory.LABELS)
    text = form.text(
        "text",
        "nội dung phản ánh",
        MAX_TEXT,
        required=True,
        multiline=True,
        printed=False,  # a report to the helpdesk, never on a paper
    )
    if form.errors:
        raise ValidationFailed(form.errors)
    shot, kind = (None, "")
    if screenshot is not None:
        shot, kind = check_screenshot(screenshot)
    with session_scope() as session:
        item = Feedback(
            unit_id=actor.unit_id,
            user_id=actor.user_id,
            category=category,
            text=text,
            screenshot=shot,
            screenshot_type=kind,
        )
        session.add(item)
        session.flush()
        audit.record(
            session,
            actor,
            "feedback.sent",
            entity="feedback",
            entity_id=item.id,
            after={"category": category, "screenshot": bool(shot)},
        )
        log.info("user=%s sent feedback=%s", actor.user_id, item.id)
        return item.id


def _row(item: Feedback, unit_name: str, sender: str) -> dict:
    return {
        "id": item.id,
        "unit": unit_name,
        "sender": sender,
        "category": FeedbackCategory.LABELS.get(item.category, item.category),
        "text": item.text,
        "status": FeedbackStatus.LABELS.get(item.status, item.status),
        "status_code": item.status,
        "answer": item.answer,
        "answered_at": fmt_date(to_local(item.answered_at).date())
        if item.answered_at
        else "",
        "created_at": fmt_datetime(to_local(item.created_at)),
        "has_screenshot": item.screenshot_type != "",
    }


def _query(actor: Actor, everything: bool):
    stmt = (
        select(Feedback, Unit.name, User.full_name)
        .join(Unit, Unit.id == Feedback.unit_id)
        .join(User, User.id == Feedback.user_id)
    )
    if not everything:
        stmt = stmt.where(Feedback.user_id == actor.user_id)
    return stmt


def list_feedback(actor: Actor, filters: object = None, page: object = 1) -> dict:
    """Supervisors see every report; anyone else sees the ones they sent."""
    require(actor, Action.FEEDBACK_SEND)
    everything = actor.can(Action.FEEDBACK_MANAGE)
    f = filters if isinstance(filters, dict) else {}
    page_no = page if isinstance(page, int) and 1 <= page <= 100_000 else 1
    stmt = _query(actor, everything)
    status = clean(f.get("status"))
    if status in FeedbackStatus.LABELS:
        stmt = stmt.where(Feedback.status == status)
    category = clean(f.get("category"))
    if category in FeedbackCategory.LABELS:
        stmt = stmt.where(Feedback.category == category)
    with session_scope() as session:
        total = session.exec(select(func.count()).select_from(stmt.subquery())).one()
        rows = session.exec(
            stmt.order_by(Feedback.id.desc())
            .offset((page_no - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        ).all()
    return {
        "rows": [_row(item, unit, sender) for item, unit, sender in rows],
        "total": total,
        "page": page_no,
        "pages": max(1, -(-total // PAGE_SIZE)),
        "manage": everything,
    }


def answer(actor: Actor, feedback_id: object, data: object) -> None:
    """Set the status and the answer (Department of Justice only)."""
    require(actor, Action.FEEDBACK_MANAGE)
    form = FormReader(data)
    status = form.choice("status", "trạng thái", FeedbackStatus.LABELS)
    text = form.text(
        "answer", "nội dung trả lời", MAX_TEXT, multiline=True, printed=False
    )
    if status == FeedbackStatus.ANSWERED and not text:
        form.errors["answer"] = "Vui lòng nhập nội dung trả lời."
    if form.errors:
        raise ValidationFailed(form.errors)
    with session_scope() as session:
        item = session.get(Feedback, valid_id(feedback_id) or 0)
        if item is None:
            raise NotFound()
        before = {"status": item.status, "answer": item.answer}
        item.status = status
        if text != item.answer:
            item.answer = text
            item.answered_by = actor.user_id
            item.answered_at = utcnow()
        session.add(item)
        audit.record(
            session,
            actor,
            "feedback.answered",
            entity="feedback",
            entity_id=item.id,
            before=before,
            after={"status": status, "answer": text},
        )
        log.info("user=%s answered feedback=%s", actor.user_id, item.id)


def screenshot(actor: Actor, feedback_id: object) -> tuple[str, bytes, str]:
    """The screenshot for its sender or the Department of Justice, as (file
    name, bytes, MIME type); served through an authorised handler only."""
    require(actor, Action.FEEDBACK_SEND)
    with session_scope() as session:
        item = session.get(Feedback, valid_id(feedback_id) or 0)
        allowed = item is not None and (
            item.user_id == actor.user_id or actor.can(Action.FEEDBACK_MANAGE)
        )
        if not allowed or not item.screenshot:
            log.warning(
                "user=%s refused screenshot of feedback=%s", actor.user_id, feedback_id
            )
            raise NotFound()
        audit.record(
            session, actor, "feedback.screenshot", entity="feedback", entity_id=item.id
        )
        ext = "png" if item.screenshot_type == "png" else "jpg"
        return (
            f"phan-anh-{item.id}.{ext}",
            item.screenshot,
            f"image/{item.screenshot_type}",
        )


def export_summary(actor: Actor) -> tuple[str, bytes]:
    """The summary of difficulties a unit sends (tổng hợp khó khăn, vướng mắc)
    as .xlsx: the actor's unit's reports, or every unit's for supervisors."""
    require(actor, Action.FEEDBACK_SEND)
    everything = actor.can(Action.FEEDBACK_MANAGE)
    stmt = (
        select(Feedback, Unit.name, User.full_name)
        .join(Unit, Unit.id == Feedback.unit_id)
        .join(User, User.id == Feedback.user_id)
    )
    if not everything:
        stmt = stmt.where(Feedback.unit_id == actor.unit_id)
    with session_scope() as session:
        rows = session.exec(stmt.order_by(Unit.name, Feedback.id)).all()
        audit.record(
            session,
            actor,
            "feedback.exported",
            entity="feedback",
            after={"rows": len(rows)},
        )
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp phản ánh"
    ws.append(["TỔNG HỢP KHÓ KHĂN, VƯỚNG MẮC TRONG THỜI GIAN VẬN HÀNH THỬ"])
    ws.append([f"Đơn vị: {'Tất cả đơn vị' if everything else actor.unit_name}"])
    ws.append([])
    headers = [
        "STT",
        "Đơn vị",
        "Người gửi",
        "Ngày gửi",
        "Loại",
        "Nội dung",
        "Trạng thái",
        "Trả lời của Sở Tư pháp",
        "Ngày trả lời",
    ]
    ws.append(headers)
    for i, (item, unit, sender) in enumerate(rows, 1):
        r = _row(item, unit, sender)
        ws.append(
            [
                i,
                safe_text(unit),
                safe_text(sender),
                r["created_at"],
                r["category"],
                safe_text(item.text),
                r["status"],
                safe_text(item.answer),
                r["answered_at"],
            ]
        )
    ws["A1"].font = Font(bold=True, size=13)
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGHI", (6, 36, 24, 22, 26, 60, 14, 60, 14)):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    wb.save(buffer)
    log.info("user=%s exported %s feedback rows", actor.user_id, len(rows))
    return "tong-hop-phan-anh.xlsx", buffer.getvalue()
