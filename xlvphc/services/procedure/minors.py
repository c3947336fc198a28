"""Reminding a minor instead of a warning (nhắc nhở): Law Art. 138–139; NĐ
118/2021 Art. 25 k2 and Art. 26. Before a warning on a minor the authority
must consider a reminder; it is given orally, on the spot, without a record or
a decision, and ends the matter. The report counts the minors reminded (NĐ
118/2021 Art. 35 k2 d)."""

from datetime import date

from sqlmodel import Session, select

from xlvphc.domain.sanctions import reminder_refusal, warning_possible
from xlvphc.models import Case, CaseAct, Violator
from xlvphc.models.cases import CaseStatus, CloseReason, ViolatorKind
from xlvphc.services.access import Actor
from xlvphc.services.procedure.transitions import (
    Context,
    FieldSpec,
    handles,
    perform,
)

ADMITTED = (("yes", "Có: tự nguyện khai báo, thừa nhận và thành thật hối lỗi"),)


def _refusal(session: Session, case: Case, _today: date) -> str | None:
    """Only an individual aged 14 to under 18 when violating; from 16 only
    for acts punishable by a warning (NĐ 118 Art. 26 k2)."""
    if case.violator_kind != ViolatorKind.INDIVIDUAL:
        return "Chỉ áp dụng đối với cá nhân là người chưa thành niên"
    birth = session.exec(
        select(Violator.birth_date).where(Violator.case_id == case.id)
    ).first()
    acts = session.exec(
        select(CaseAct.act, CaseAct.frame_min).where(CaseAct.case_id == case.id)
    ).all()
    warning = bool(acts) and all(warning_possible(t, low) for t, low in acts)
    return reminder_refusal(birth, case.violation_date, warning)


@handles(
    "remind_minor",
    [
        FieldSpec("on", "Ngày nhắc nhở", "date", True),
        FieldSpec(
            "admitted",
            "Người chưa thành niên tự nguyện khai báo, thừa nhận và hối lỗi",
            "select",
            True,
            "Điều kiện bắt buộc (khoản 2 Điều 26 Nghị định 118/2021)",
            options=ADMITTED,
        ),
        FieldSpec("note", "Nội dung nhắc nhở, người đại diện có mặt", "textarea"),
    ],
    guard=_refusal,
)
def _remind(ctx: Context) -> None:
    on = ctx.day("on", "ngày nhắc nhở")
    ctx.form.choice("admitted", "điều kiện tự nguyện khai báo, hối lỗi", dict(ADMITTED))
    note = ctx.form.text("note", "nội dung nhắc nhở", 2000, multiline=True)
    if ctx.form.errors:
        return
    ctx.case.status = CaseStatus.CLOSED
    ctx.case.closed_on = on
    ctx.case.close_reason = CloseReason.REMINDED
    ctx.record = {"on": on, "code": CloseReason.REMINDED, "note": note}
    ctx.summary = (
        f"Nhắc nhở người chưa thành niên bằng lời nói ngày {on:%d/%m/%Y}, thay "
        "cho phạt cảnh cáo (Điều 26 Nghị định 118/2021); kết thúc hồ sơ"
        + (f": {note}" if note else "")
    )


def remind_minor(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "remind_minor", data)
