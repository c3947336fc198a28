"""Correcting, amending or cancelling a decision (Law Art. 18; NĐ 118/2021
Art. 15–16): correction and partial amendment within 01 year of the faulty
decision; cancellation has no time limit in the listed cases. An amended
decision must be complied with within 10 days."""

from datetime import timedelta

from xlvphc.domain.calendar import add_months
from xlvphc.models.cases import CaseStatus, CloseReason
from xlvphc.services.access import Actor
from xlvphc.services.case_input import frame_for
from xlvphc.services.procedure.decision_numbers import DecisionBook, as_issued
from xlvphc.services.procedure.transitions import (
    Context,
    FieldSpec,
    act_frames,
    handles,
    money,
    perform,
)

CORRECTION = DecisionBook("MQĐ39", "correct", "quyết định đính chính")
AMENDMENT = DecisionBook("MQĐ38", "amend", "quyết định sửa đổi, bổ sung")
CANCELLATION = DecisionBook("MQĐ40", "cancel", "quyết định hủy bỏ")


def _within_a_year(ctx: Context, on) -> None:
    last = add_months(ctx.decision.decided_on, 12)
    if on and on > last:
        ctx.refuse(
            "on",
            f"Quá thời hạn 01 năm kể từ ngày ra quyết định (hết ngày "
            f"{last:%d/%m/%Y}, Điều 15 Nghị định 118/2021).",
        )


@handles(
    "correct",
    [
        FieldSpec("on", "Ngày đính chính", "date", True),
        CORRECTION.field("Số quyết định đính chính (MQĐ39)"),
        FieldSpec("note", "Nội dung đính chính", "textarea", True),
    ],
)
def _correct(ctx: Context) -> None:
    on = ctx.day("on", "ngày đính chính")
    paper = CORRECTION.read(ctx, on)
    note = ctx.form.text(
        "note", "nội dung đính chính", 2000, required=True, multiline=True
    )
    _within_a_year(ctx, on)
    if ctx.form.errors:
        return
    document = CORRECTION.issue(ctx, paper, on)
    ctx.record = {"on": on, "document": document, "note": note}
    issued = as_issued(document, paper)
    ctx.summary = f"Đính chính quyết định theo QĐ {issued}: {note}"


@handles(
    "amend",
    [
        FieldSpec("on", "Ngày sửa đổi, bổ sung", "date", True),
        AMENDMENT.field("Số quyết định sửa đổi, bổ sung (MQĐ38)"),
        FieldSpec(
            "amount",
            "Tổng tiền phạt mới (đồng)",
            "money",
            False,
            "Để trống nếu không thay đổi tiền phạt",
        ),
        FieldSpec("note", "Nội dung sửa đổi, bổ sung", "textarea", True),
    ],
)
def _amend(ctx: Context) -> None:
    on = ctx.day("on", "ngày sửa đổi")
    paper = AMENDMENT.read(ctx, on)
    amount = ctx.form.amount("amount", "tổng tiền phạt", bounded=True)
    note = ctx.form.text("note", "nội dung", 2000, required=True, multiline=True)
    _within_a_year(ctx, on)
    if amount is not None:
        low = high = 0
        for act in act_frames(ctx.session, ctx.case):
            a, b = frame_for(act, ctx.is_org)
            low, high = low + (a or 0), high + (b or 0)
        if not low <= amount <= high:
            ctx.refuse(
                "amount",
                f"Tổng tiền phạt phải trong tổng các khung, từ "
                f"{money(low)} đến {money(high)}.",
            )
        elif amount < ctx.case.paid_total + ctx.case.reduced_total:
            ctx.refuse(
                "amount", "Tổng tiền phạt mới thấp hơn số đã nộp và đã được giảm, miễn."
            )
    if ctx.form.errors:
        return
    document = AMENDMENT.issue(ctx, paper, on)
    ctx.record = {"on": on, "document": document, "note": note, "amount": amount or 0}
    ctx.summary = (
        f"Sửa đổi, bổ sung quyết định theo QĐ {as_issued(document, paper)}: {note}"
    )
    if amount is not None and amount != ctx.case.fine_total:
        ctx.summary += (
            f"; tổng tiền phạt từ {money(ctx.case.fine_total)} thành {money(amount)}"
        )
        ctx.case.fine_total = amount
        ctx.decision.fine_total = amount
        ctx.session.add(ctx.decision)
    # NĐ 118 Art. 16: the amended decision is complied with within 10 days.
    # TODO: count from the day the violator receives the amending decision
    # once that receipt is recorded; the amendment day is used for now.
    ctx.case.compliance_due = on + timedelta(days=10)


@handles(
    "cancel",
    [
        FieldSpec("on", "Ngày hủy bỏ", "date", True),
        CANCELLATION.field("Số quyết định hủy bỏ (MQĐ40)"),
        FieldSpec("note", "Lý do hủy bỏ", "textarea", True),
    ],
)
def _cancel(ctx: Context) -> None:
    on = ctx.day("on", "ngày hủy bỏ")
    paper = CANCELLATION.read(ctx, on)
    note = ctx.form.text("note", "lý do", 2000, required=True, multiline=True)
    if ctx.form.errors:
        return
    document = CANCELLATION.issue(ctx, paper, on)
    ctx.case.status = CaseStatus.CLOSED
    ctx.case.closed_on = on
    ctx.case.close_reason = CloseReason.CANCELLED
    ctx.record = {"on": on, "document": document, "note": note}
    issued = as_issued(document, paper)
    ctx.summary = f"Hủy bỏ quyết định xử phạt theo QĐ {issued}: {note}"


def correct_decision(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "correct", data)


def amend_decision(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "amend", data)


def cancel_decision(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "cancel", data)
