"""Paying the fine and the decisions that change how it is paid: payment
with the late surcharge (Law Art. 73, 78), instalments (Art. 79, MQĐ05),
postponement (Art. 76, MQĐ03), reduction and exemption (Art. 77, MQĐ04), and
remedial measures carried out (Art. 28, 85)."""

from datetime import date

from sqlmodel import Session, select

from xlvphc.domain.deadlines import (
    POSTPONEMENT_MONTHS,
    check_instalments,
    days_late,
    late_surcharge,
    postponement_eligible,
    postponement_problem,
)
from xlvphc.models import Case, Instalment
from xlvphc.models.cases import CaseStatus, ViolatorKind
from xlvphc.services.access import Actor
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


def instalments(session: Session, case_id: int) -> list[Instalment]:
    return list(
        session.exec(
            select(Instalment)
            .where(Instalment.case_id == case_id)
            .order_by(Instalment.position)
        )
    )


def _nothing_to_pay(_s: Session, case: Case, _today: date) -> str | None:
    return None if outstanding(case) > 0 else "Tiền phạt đã được nộp đủ"


@handles(
    "payment",
    [
        FieldSpec("on", "Ngày nộp", "date", True),
        FieldSpec("amount", "Số tiền phạt đã nộp (đồng)", "money", True),
        FieldSpec("document", "Số biên lai / chứng từ", "text"),
    ],
    guard=_nothing_to_pay,
)
def _payment(ctx: Context) -> None:
    on = ctx.day("on", "ngày nộp")
    amount = ctx.form.amount("amount", "số tiền")
    document = ctx.form.text("document", "số biên lai", 120)
    due = outstanding(ctx.case)
    if amount is None and "amount" not in ctx.form.errors:
        ctx.refuse("amount", "Vui lòng nhập số tiền đã nộp.")
    elif amount is not None and not 0 < amount <= due:
        ctx.refuse(
            "amount",
            f"Số tiền phải lớn hơn 0 và không quá số còn phải nộp ({money(due)}).",
        )
    if ctx.form.errors:
        return

    # Late surcharge, 0,05 % a day on the part paid late (Art. 78 k1): per
    # instalment due date when there is a plan, else the compliance deadline.
    surcharge, left = 0, amount
    plan = instalments(ctx.session, ctx.case.id)
    for part in plan:
        share = min(part.amount - part.paid, left)
        if share <= 0:
            continue
        surcharge += late_surcharge(share, days_late(part.due_on, on))
        part.paid += share
        part.paid_on = on
        ctx.session.add(part)
        left -= share
    if not plan and ctx.case.compliance_due:
        surcharge = late_surcharge(amount, days_late(ctx.case.compliance_due, on))

    case = ctx.case
    case.paid_total += amount
    case.surcharge_total += surcharge
    unpaid = [p for p in plan if p.paid < p.amount]
    if unpaid:
        case.compliance_due = unpaid[0].due_on
    if case.status != CaseStatus.COERCING:
        case.status = CaseStatus.EXECUTING
    ctx.record = {"on": on, "amount": amount, "document": document}
    ctx.summary = f"Nộp tiền phạt {money(amount)} ngày {on:%d/%m/%Y}"
    if surcharge:
        ctx.summary += f"; tiền chậm nộp {money(surcharge)} (Điều 78)"
    rest = outstanding(case)
    ctx.summary += f"; còn phải nộp {money(rest)}" if rest else "; đã nộp đủ"


def _plan_refused(session: Session, case: Case, _today: date) -> str | None:
    if case.fine_total <= 0:
        return "Quyết định không có phạt tiền"
    if case.paid_total or instalments(session, case.id):
        return "Chỉ cho nộp nhiều lần trước khi nộp tiền và khi chưa có kế hoạch"
    return None


def _plan_fields() -> list[FieldSpec]:
    specs = [
        FieldSpec("on", "Ngày quyết định cho nộp nhiều lần", "date", True),
        FieldSpec("document", "Số quyết định (MQĐ05)", "text", True),
    ]
    for n in (1, 2, 3):
        hint = "Tối thiểu 40% tổng số tiền phạt" if n == 1 else ""
        specs += [
            FieldSpec(f"amount_{n}", f"Lần {n}: số tiền (đồng)", "money", n < 3, hint),
            FieldSpec(f"due_{n}", f"Lần {n}: hạn nộp", "date", n < 3),
        ]
    return specs


@handles("instalments", _plan_fields(), guard=_plan_refused)
def _instalments(ctx: Context) -> None:
    on = ctx.day("on", "ngày quyết định")
    document = ctx.form.text("document", "số quyết định", 120, required=True)
    amounts, dues = [], []
    for n in (1, 2, 3):
        amount = ctx.form.amount(f"amount_{n}", "số tiền")
        due = ctx.form.date(f"due_{n}", "hạn nộp", required=n < 3 or amount is not None)
        if n < 3 and amount is None and f"amount_{n}" not in ctx.form.errors:
            ctx.refuse(f"amount_{n}", "Vui lòng nhập số tiền.")
        if amount is not None and due is not None:
            amounts.append(amount)
            dues.append(due)
    if ctx.form.errors:
        return
    # Art. 79 and MQĐ05: ≤ 6 months from the decision's effect, ≤ 3, first ≥ 40%.
    problems = check_instalments(
        outstanding(ctx.case), amounts, dues, ctx.decision.decided_on
    )
    if problems:
        ctx.refuse("amount_1", "; ".join(problems) + ".")
        return
    for n, (amount, due) in enumerate(zip(amounts, dues, strict=True), start=1):
        ctx.session.add(
            Instalment(case_id=ctx.case.id, position=n, amount=amount, due_on=due)
        )
    ctx.case.status = CaseStatus.EXECUTING
    ctx.case.compliance_due = dues[0]
    ctx.record = {
        "on": on,
        "document": document,
        "until": dues[-1],
        "amount": sum(amounts),
    }
    plan = "; ".join(
        f"lần {n}: {money(a)} hạn {d:%d/%m/%Y}"
        for n, (a, d) in enumerate(zip(amounts, dues, strict=True), 1)
    )
    ctx.summary = f"Cho nộp tiền phạt nhiều lần (QĐ {document}): {plan}"


def _postpone_refused(session: Session, case: Case, _today: date) -> str | None:
    if step_count(session, case.id, "postpone"):
        return "Quyết định đã được hoãn một lần"
    is_org = case.violator_kind == ViolatorKind.ORGANISATION
    if not postponement_eligible(case.fine_total, is_org):
        floor = "100.000.000" if is_org else "2.000.000"
        return (
            f"Chỉ được hoãn khi mức phạt tiền từ {floor} đồng trở lên "
            f"({'tổ chức' if is_org else 'cá nhân'})"
        )
    return _nothing_to_pay(session, case, _today)


@handles(
    "postpone",
    [
        FieldSpec("on", "Ngày quyết định hoãn", "date", True),
        FieldSpec(
            "until",
            "Hoãn đến ngày",
            "date",
            True,
            f"Tối đa {POSTPONEMENT_MONTHS:02d} tháng (Điều 76)",
        ),
        FieldSpec(
            "certifier",
            "Cơ quan xác nhận hoàn cảnh khó khăn",
            "text",
            True,
            "UBND cấp xã, cơ quan, tổ chức nơi làm việc…",
        ),
        FieldSpec("document", "Số quyết định (MQĐ03)", "text", True),
    ],
    guard=_postpone_refused,
)
def _postpone(ctx: Context) -> None:
    on = ctx.day("on", "ngày quyết định hoãn")
    until = ctx.form.date("until", "hoãn đến ngày", required=True)
    certifier = ctx.form.text("certifier", "cơ quan xác nhận", 300, required=True)
    document = ctx.form.text("document", "số quyết định", 120, required=True)
    problem = postponement_problem(on, until) if on and until else None
    if problem and not ctx.form.errors:
        ctx.refuse("until", problem)
    if ctx.form.errors:
        return
    ctx.case.status = CaseStatus.POSTPONED
    ctx.case.compliance_due = until
    ctx.record = {"on": on, "until": until, "document": document, "note": certifier}
    ctx.summary = (
        f"Hoãn thi hành quyết định phạt tiền đến ngày {until:%d/%m/%Y} "
        f"(QĐ {document}; xác nhận: {certifier})"
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
        FieldSpec("document", "Số quyết định (MQĐ04)", "text", True),
    ],
    guard=_nothing_to_pay,
)
def _reduce(ctx: Context) -> None:
    kind = ctx.form.choice("code", "hình thức", dict(REDUCTION_KINDS))
    amount = ctx.form.amount("amount", "số tiền được giảm")
    on = ctx.day("on", "ngày quyết định")
    certifier = ctx.form.text("certifier", "cơ quan xác nhận", 300, required=True)
    document = ctx.form.text("document", "số quyết định", 120, required=True)
    due = outstanding(ctx.case)
    if kind == "reduce":
        # Art. 77 k1: reduction only for a violator granted postponement.
        if not step_count(ctx.session, ctx.case.id, "postpone"):
            ctx.refuse(
                "code",
                "Chỉ được giảm tiền phạt khi đã được hoãn thi hành "
                "(Điều 77 Luật XLVPHC).",
            )
        elif amount is None or not 0 < amount < due:
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
    ctx.summary = (
        f"{dict(REDUCTION_KINDS)[kind]}: {money(value)} (QĐ {document}); "
        f"còn phải nộp {money(outstanding(ctx.case))}"
    )


@handles(
    "remedial_done",
    [
        FieldSpec("on", "Ngày thực hiện xong", "date", True),
        FieldSpec("note", "Biện pháp đã thực hiện", "textarea", True),
    ],
)
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


def plan_instalments(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "instalments", data)


def postpone(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "postpone", data)


def reduce_or_exempt(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "reduce", data)


def remedial_done(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "remedial_done", data)
