"""Complaints and lawsuits against a decision (Law Art. 15): recorded on the
case; they do not suspend compliance (Art. 15 k3 exceptions aside)."""

from datetime import date

from sqlmodel import Session

from xlvphc.models import Case
from xlvphc.services.access import Actor
from xlvphc.services.procedure.transitions import (
    Context,
    FieldSpec,
    handles,
    perform,
)

KINDS = (("complaint", "Khiếu nại"), ("lawsuit", "Khởi kiện vụ án hành chính"))
RESULTS = (
    ("upheld", "Giữ nguyên quyết định"),
    ("amended", "Sửa đổi quyết định"),
    ("cancelled", "Hủy quyết định"),
    ("withdrawn", "Rút đơn"),
)


def _open(_s: Session, case: Case, _today: date) -> str | None:
    return "Đang có khiếu nại, khởi kiện chưa giải quyết" if case.complained else None


def _none_open(_s: Session, case: Case, _today: date) -> str | None:
    return None if case.complained else "Không có khiếu nại, khởi kiện đang giải quyết"


@handles(
    "complaint",
    [
        FieldSpec("code", "Loại", "select", True, options=KINDS),
        FieldSpec("on", "Ngày nhận đơn", "date", True),
        FieldSpec("note", "Người khiếu nại / nội dung", "textarea", True),
    ],
    guard=_open,
)
def _complaint(ctx: Context) -> None:
    kind = ctx.form.choice("code", "loại", dict(KINDS))
    on = ctx.day("on", "ngày nhận đơn")
    note = ctx.form.text("note", "nội dung", 2000, required=True, multiline=True)
    if ctx.form.errors:
        return
    ctx.case.complained = True
    ctx.record = {"on": on, "code": kind, "note": note}
    ctx.summary = (
        f"{dict(KINDS)[kind]} đối với quyết định: {note}. Việc khiếu "
        "nại, khởi kiện không làm tạm đình chỉ thi hành (Điều 15)"
    )


@handles(
    "complaint_resolved",
    [
        FieldSpec("code", "Kết quả", "select", True, options=RESULTS),
        FieldSpec("on", "Ngày giải quyết", "date", True),
        FieldSpec("document", "Số quyết định giải quyết / bản án", "text"),
    ],
    guard=_none_open,
)
def _resolved(ctx: Context) -> None:
    result = ctx.form.choice("code", "kết quả", dict(RESULTS))
    on = ctx.day("on", "ngày giải quyết")
    document = ctx.form.text("document", "số văn bản", 120)
    if ctx.form.errors:
        return
    ctx.case.complained = False
    ctx.record = {"on": on, "code": result, "document": document}
    ctx.summary = f"Giải quyết khiếu nại, khởi kiện: {dict(RESULTS)[result]}"
    if result in ("amended", "cancelled"):
        ctx.summary += " — cần ghi nhận bước sửa đổi hoặc hủy bỏ quyết định"


def record_complaint(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "complaint", data)


def complaint_resolved(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "complaint_resolved", data)
