"""Cưỡng chế (Law Art. 86–88 as amended by Law 88/2025 k16): only once the
compliance deadline has passed without compliance, decided by the head of an
Art. 37a title (role "authority"), by one of the measures of forms MQĐ07–11."""

from datetime import date

from sqlmodel import Session, select

from xlvphc.models import Case, Decision
from xlvphc.models.cases import CaseStatus
from xlvphc.services.access import Actor
from xlvphc.services.procedure.transitions import (
    Context,
    FieldSpec,
    handles,
    money,
    outstanding,
    perform,
)

MEASURES = (
    ("salary", "Khấu trừ một phần lương, thu nhập (MQĐ07)"),
    ("account", "Khấu trừ tiền từ tài khoản (MQĐ08)"),
    ("distraint", "Kê biên tài sản có giá trị để bán đấu giá (MQĐ09)"),
    ("collection", "Thu tiền, tài sản do tổ chức, cá nhân khác giữ (MQĐ10)"),
    ("remedial", "Buộc thực hiện biện pháp khắc phục hậu quả (MQĐ11)"),
)


def coercion_refusal(case: Case, today: date) -> str | None:
    """Why coercion may not be decided yet (None: it may)."""
    if case.status == CaseStatus.POSTPONED:
        return "Quyết định đang được hoãn thi hành"
    if case.compliance_due is None:
        return "Chưa xác định thời hạn chấp hành (chưa ghi nhận ngày nhận quyết định)"
    if today <= case.compliance_due:
        return (
            f"Chưa hết thời hạn chấp hành (đến hết ngày {case.compliance_due:%d/%m/%Y})"
        )
    return None


def _guard(session: Session, case: Case, today: date) -> str | None:
    reason = coercion_refusal(case, today)
    if reason or outstanding(case):
        return reason
    decision = session.exec(select(Decision).where(Decision.case_id == case.id)).first()
    if decision is None or not decision.remedial_measures:
        return "Quyết định đã được chấp hành xong"
    return None


@handles(
    "coerce",
    [
        FieldSpec("code", "Biện pháp cưỡng chế", "select", True, options=MEASURES),
        FieldSpec("on", "Ngày quyết định cưỡng chế", "date", True),
        FieldSpec("document", "Số quyết định cưỡng chế", "text", True),
        FieldSpec(
            "amount",
            "Số tiền phải thu (đồng)",
            "money",
            False,
            "Để trống: toàn bộ số tiền phạt còn lại",
        ),
        FieldSpec("note", "Người, tổ chức giữ tài sản / nơi thi hành", "text"),
    ],
    guard=_guard,
)
def _coerce(ctx: Context) -> None:
    measure = ctx.form.choice("code", "biện pháp cưỡng chế", dict(MEASURES))
    on = ctx.day("on", "ngày quyết định cưỡng chế")
    document = ctx.form.text("document", "số quyết định", 120, required=True)
    amount = ctx.form.amount("amount", "số tiền")
    note = ctx.form.text("note", "ghi chú", 500)
    due = outstanding(ctx.case) + ctx.case.surcharge_total
    if on and ctx.case.compliance_due and on <= ctx.case.compliance_due:
        ctx.refuse(
            "on",
            f"Chỉ cưỡng chế sau khi hết thời hạn chấp hành "
            f"({ctx.case.compliance_due:%d/%m/%Y}, Điều 86 Luật XLVPHC).",
        )
    if measure != "remedial" and outstanding(ctx.case) == 0:
        ctx.refuse(
            "code",
            "Tiền phạt đã nộp đủ: chỉ còn có thể cưỡng chế thực "
            "hiện biện pháp khắc phục hậu quả.",
        )
    if amount is not None and amount > due:
        ctx.refuse("amount", f"Không quá số tiền còn phải nộp ({money(due)}).")
    if ctx.form.errors:
        return
    value = amount if amount is not None else outstanding(ctx.case)
    ctx.case.status = CaseStatus.COERCING
    ctx.record = {
        "on": on,
        "code": measure,
        "document": document,
        "amount": value if measure != "remedial" else 0,
        "note": note,
    }
    ctx.summary = f"Quyết định cưỡng chế số {document}: {dict(MEASURES)[measure]}"
    if measure != "remedial":
        ctx.summary += f", số tiền {money(value)}"


@handles(
    "coercion_done",
    [
        FieldSpec("on", "Ngày thi hành", "date", True),
        FieldSpec("amount", "Số tiền phạt đã thu (đồng)", "money", False),
        FieldSpec("note", "Kết quả cưỡng chế", "textarea", True),
    ],
)
def _done(ctx: Context) -> None:
    on = ctx.day("on", "ngày thi hành")
    amount = ctx.form.amount("amount", "số tiền đã thu") or 0
    note = ctx.form.text("note", "kết quả", 2000, required=True, multiline=True)
    if amount > outstanding(ctx.case):
        ctx.refuse(
            "amount",
            f"Không quá số tiền phạt còn phải nộp ({money(outstanding(ctx.case))}).",
        )
    if ctx.form.errors:
        return
    ctx.case.paid_total += amount
    ctx.record = {"on": on, "amount": amount, "note": note}
    ctx.summary = f"Kết quả cưỡng chế: {note}"
    if amount:
        ctx.summary += (
            f"; đã thu {money(amount)}, còn phải nộp {money(outstanding(ctx.case))}"
        )


def decide_coercion(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "coerce", data)


def coercion_done(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "coercion_done", data)
