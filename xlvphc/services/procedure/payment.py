"""Paying the fine and the decisions that change how much is paid: payment
of the fine and of the late-payment interest (Law Art. 73, 78; the interest
itself in `late_interest`), reduction and exemption (Art. 77,
MQĐ04), and remedial measures carried out (Art. 28, 85). Instalments and
postponement are in `payment_relief`."""

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from xlvphc.domain.dates import fmt_date
from xlvphc.models import Case, Decision, ProcedureStep
from xlvphc.models.cases import CaseStatus
from xlvphc.services.access import Actor
from xlvphc.services.procedure.decision_numbers import DecisionBook, as_issued
from xlvphc.services.procedure.late_interest import (
    apply_fine_payment,
    interest_refusal,
    owed,
)
from xlvphc.services.procedure.transitions import (
    Context,
    FieldSpec,
    handles,
    money,
    outstanding,
    perform,
    step_count,
)

REDUCTION_KINDS = (
    ("reduce", "Giảm một phần tiền phạt"),
    ("exempt_rest", "Miễn phần tiền phạt còn lại"),
    ("exempt_all", "Miễn toàn bộ tiền phạt"),
)
# MQĐ04 prints "QĐ-GTP" for a reduction and "QĐ-MTP" for an exemption
# (its note (2)): two series, one step.
RELIEF = DecisionBook("MQĐ04", "reduce", "quyết định giảm, miễn tiền phạt")
EXEMPTION = "QĐ-MTP"


def nothing_to_pay(_s: Session, case: Case, _today: date) -> str | None:
    return None if outstanding(case) > 0 else "Tiền phạt đã được nộp đủ"


def nothing_owed(session: Session, case: Case, today: date) -> str | None:
    """A payment is still taken once the fine is paid while late-payment
    interest is owed (Art. 78 k1; its own receipt, NĐ 118/2021 Art. 21 k4 b)."""
    if owed(session, case, today).total > 0:
        return None
    return "Tiền phạt và tiền chậm nộp đã được nộp đủ"


def _receipt_used(session: Session, case: Case, document: str) -> str | None:
    """Why a receipt number is refused: the unit already recorded a payment
    under it (user trial: one receipt, BL-0001234, was entered for two
    payments without a word). A receipt is issued for one payment; the same
    number typed again is a slip that would count the money twice."""
    found = session.exec(
        select(ProcedureStep.on, Case.record_number, Case.decision_number)
        .join(Case, Case.id == ProcedureStep.case_id)
        .where(
            ProcedureStep.step == "payment",
            func.lower(ProcedureStep.document) == document.lower(),
            Case.unit_id == case.unit_id,
            Case.deleted_at.is_(None),
        )
        .limit(1)
    ).first()
    if found is None:
        return None
    on, record, decision = found
    where = f"biên bản số {record}" if record else f"quyết định số {decision}"
    return (
        f"Biên lai / chứng từ số {document} đã được ghi cho lần nộp ngày "
        f"{on:%d/%m/%Y} của hồ sơ {where}. Mỗi biên lai chỉ ghi một lần: kiểm "
        "tra lại số."
    )


@handles(
    "payment",
    [
        FieldSpec("on", "Ngày nộp", "date", True),
        FieldSpec("amount", "Số tiền phạt đã nộp (đồng)", "money", False),
        FieldSpec(
            "surcharge",
            "Tiền chậm nộp đã nộp (đồng)",
            "money",
            False,
            "Theo biên lai thu tiền chậm nộp phạt (0,05% mỗi ngày chậm nộp, "
            "khoản 1 Điều 78 Luật XLVPHC)",
        ),
        FieldSpec("document", "Số biên lai / chứng từ", "text"),
    ],
    guard=nothing_owed,
)
def _payment(ctx: Context) -> None:
    on = ctx.day("on", "ngày nộp")
    # Both boxes are optional: a 0 typed there is nothing paid of it, as the
    # box left empty (user trial: a 0 of interest was refused).
    amount = ctx.form.amount("amount", "số tiền", bounded=True) or None
    interest = ctx.form.amount("surcharge", "tiền chậm nộp", bounded=True) or None
    document = ctx.form.text("document", "số biên lai", 120)
    due = outstanding(ctx.case)
    typed = "amount" in ctx.form.errors or "surcharge" in ctx.form.errors
    if amount is None and interest is None and not typed:
        ctx.refuse("amount", "Vui lòng nhập số tiền phạt hoặc tiền chậm nộp đã nộp.")
    elif amount is not None and due == 0:
        ctx.refuse(
            "amount",
            "Tiền phạt đã nộp đủ: chỉ còn tiền chậm nộp, ghi vào ô «Tiền chậm "
            "nộp đã nộp».",
        )
    elif amount is not None and not 0 < amount <= due:
        ctx.refuse(
            "amount",
            f"Số tiền phải lớn hơn 0 và không quá số còn phải nộp ({money(due)}).",
        )
    reused = _receipt_used(ctx.session, ctx.case, document) if document else None
    if reused:
        ctx.refuse("document", reused)
    if interest is not None and on is not None:
        # What was owed on the day paid, the interest on this payment's
        # fine included (it is fixed below, the same figure either way).
        limit = owed(ctx.session, ctx.case, on).interest
        problem = interest_refusal(interest, limit, on, "đã nộp")
        if problem:
            ctx.refuse("surcharge", problem)
    if ctx.form.errors:
        return

    # Interest, 0,05 % a day, on the part of the fine paid late (Art. 78 k1):
    # per instalment due date when there is a plan, else the deadline.
    surcharge = apply_fine_payment(ctx.session, ctx.case, amount or 0, on)
    case = ctx.case
    case.surcharge_paid += interest or 0
    # A postponement (Art. 76, MQĐ03) runs until its «đến ngày» whatever is
    # paid meanwhile: a part payment keeps the stage, and with it the
    # postponement's end as the fine's deadline (user trial: the case went
    # «Đang thi hành», listed and counted on the wrong deadline). Paid in
    # full, the fine is no longer postponed: the usual stage, where what is
    # left (interest, a remedial measure) keeps its own deadline.
    postponed = case.status == CaseStatus.POSTPONED and outstanding(case) > 0
    if case.status != CaseStatus.COERCING and not postponed:
        case.status = CaseStatus.EXECUTING
    ctx.record = {"on": on, "amount": amount or 0, "document": document}
    parts = [f"tiền phạt {money(amount)}"] if amount else []
    parts += [f"tiền chậm nộp {money(interest)}"] if interest else []
    ctx.summary = f"Nộp {' và '.join(parts)} ngày {on:%d/%m/%Y}"
    if surcharge:
        ctx.summary += (
            f"; tiền chậm nộp tính trên số tiền phạt nộp chậm {money(surcharge)} "
            "(Điều 78)"
        )
    rest = owed(ctx.session, case, on)
    ctx.summary += (
        f"; còn phải nộp {money(rest.total)} ({rest.breakdown()})"
        if rest.total
        else "; đã nộp đủ"
    )


@handles(
    "reduce",
    [
        FieldSpec("code", "Hình thức", "select", True, options=REDUCTION_KINDS),
        FieldSpec(
            "amount",
            "Số tiền được giảm (đồng)",
            "money",
            False,
            "Chỉ nhập khi giảm một phần",
        ),
        FieldSpec("on", "Ngày quyết định", "date", True),
        FieldSpec("certifier", "Cơ quan xác nhận hoàn cảnh khó khăn", "text", True),
        FieldSpec(
            "application_on",
            "Ngày đơn đề nghị",
            "date",
            False,
            "In vào mẫu MQĐ04",
            default="",
        ),
        RELIEF.field("Số quyết định (MQĐ04)", EXEMPTION),
    ],
    guard=nothing_to_pay,
)
def _reduce(ctx: Context) -> None:
    kind = ctx.form.choice("code", "hình thức", dict(REDUCTION_KINDS))
    amount = ctx.form.amount("amount", "số tiền được giảm", bounded=True)
    on = ctx.day("on", "ngày quyết định")
    certifier = ctx.form.text("certifier", "cơ quan xác nhận", 300, required=True)
    applied = _application_day(ctx, on)
    series = EXEMPTION if kind.startswith("exempt") else RELIEF.form
    paper = RELIEF.read(ctx, on, series)
    due = outstanding(ctx.case)
    if kind == "reduce":
        # Art. 77 k1: reduction only for a violator granted postponement.
        if not step_count(ctx.session, ctx.case.id, "postpone"):
            ctx.refuse(
                "code",
                "Chỉ được giảm tiền phạt khi đã được hoãn thi hành "
                "(Điều 77 Luật XLVPHC).",
            )
        elif "amount" not in ctx.form.errors and (
            amount is None or not 0 < amount < due
        ):
            # "abc" or "-1" keep the reader's "không phải số tiền hợp lệ"
            # like every other money box; 0, nothing or too much get this.
            ctx.refuse(
                "amount",
                f"Số tiền giảm phải lớn hơn 0 và nhỏ hơn số còn "
                f"phải nộp ({money(due)}); miễn toàn bộ thì chọn «Miễn».",
            )
    elif kind == "exempt_rest" and ctx.case.paid_total == 0:
        ctx.refuse("code", "Chưa nộp phần nào: chọn «Miễn toàn bộ tiền phạt».")
    elif kind == "exempt_all" and ctx.case.paid_total > 0:
        ctx.refuse("code", "Đã nộp một phần: chọn «Miễn phần tiền phạt còn lại».")
    if ctx.form.errors:
        return
    document = RELIEF.issue(ctx, paper, on, series)
    value = amount if kind == "reduce" else due
    ctx.case.reduced_total += value
    if outstanding(ctx.case) == 0:
        ctx.case.status = CaseStatus.EXECUTING
    ctx.record = {
        "on": on,
        "amount": value,
        "code": kind,
        "document": document,
        "note": certifier,
    }
    if applied:
        # MQĐ04 cites it: "Xét Đơn đề nghị … ngày …" (printing_steps).
        ctx.details = {"application_date": fmt_date(applied)}
    ctx.summary = (
        f"{dict(REDUCTION_KINDS)[kind]}: {money(value)} theo QĐ "
        f"{as_issued(document, paper)}; "
        f"còn phải nộp {money(outstanding(ctx.case))}"
    )


def _application_day(ctx: Context, on: date | None) -> date | None:
    """The day of the application MQĐ04 answers (Law Art. 77: the violator
    applies, the application certified). It can only follow the
    sanction decision it asks relief from and precede the relief decision;
    a later day is a slip of the hand that the paper would carry."""
    key, label = "application_on", "ngày đơn đề nghị"
    applied = ctx.form.date(key, label, not_after=ctx.today)
    if applied is None or key in ctx.form.errors:
        return applied
    decided = ctx.case.decided_on
    if decided and applied < decided:
        ctx.refuse(
            key,
            f"Ngày đơn đề nghị không thể trước ngày ra quyết định xử phạt "
            f"({decided:%d/%m/%Y}).",
        )
    elif on and applied > on:
        ctx.refuse(key, "Ngày đơn đề nghị không thể sau ngày ra quyết định.")
    return applied


def _remedial_owed(session: Session, case: Case, _today: date) -> str | None:
    """Offered only while the decision names remedial measures not yet
    recorded as done (user trial: offered with none, and twice)."""
    from xlvphc.services.procedure.closing import remedial_carried_out

    decision = session.exec(select(Decision).where(Decision.case_id == case.id)).first()
    if decision is None or not (decision.remedial_measures or "").strip():
        return "Quyết định không áp dụng biện pháp khắc phục hậu quả."
    if remedial_carried_out(session, case):
        return "Đã ghi nhận biện pháp khắc phục hậu quả được thực hiện."
    return None


def _remedial_fields(session: Session, case: Case) -> list[FieldSpec]:
    """The measure done starts as the decision's remedial measures, which the
    officer shortens or corrects (user trial: typed again from the decision)."""
    measures = session.exec(
        select(Decision.remedial_measures).where(Decision.case_id == case.id)
    ).first()
    return [
        FieldSpec("on", "Ngày thực hiện xong", "date", True),
        FieldSpec("note", "Biện pháp đã thực hiện", "textarea", True,
                  "Ghi sẵn theo quyết định xử phạt; sửa lại nếu khác.",
                  default=(measures or "").strip()[:2000]),
    ]


@handles("remedial_done", _remedial_fields, guard=_remedial_owed)
def _remedial(ctx: Context) -> None:
    on = ctx.day("on", "ngày thực hiện")
    note = ctx.form.text(
        "note", "biện pháp đã thực hiện", 2000, required=True, multiline=True
    )
    if ctx.form.errors:
        return
    ctx.record = {"on": on, "note": note}
    ctx.summary = f"Đã thực hiện biện pháp khắc phục hậu quả: {note}"


def record_payment(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "payment", data)


def reduce_or_exempt(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "reduce", data)


def remedial_done(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "remedial_done", data)
