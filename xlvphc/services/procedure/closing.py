"""Closing a case (Law Art. 73 k2 fully executed; Art. 75 and NĐ 118/2021
Art. 19 partly executed after death, disappearance, dissolution or
bankruptcy, MQĐ17; Art. 74 execution limitation expired; Art. 65–66 no
decision possible; Art. 62 accepted for prosecution)."""

from collections.abc import Iterable
from datetime import date

from sqlmodel import Session, select

from xlvphc.domain.minors import sanction_refusal
from xlvphc.models import Case, Decision, ProcedureStep
from xlvphc.models.cases import CaseStatus, CloseReason
from xlvphc.services.access import Actor
from xlvphc.services.cases import violator_minor
from xlvphc.services.procedure.coercion_measures import REMEDIAL
from xlvphc.services.procedure.decision_numbers import DecisionBook, as_issued
from xlvphc.services.procedure.late_interest import fix_on_closing, owed
from xlvphc.services.procedure.limits import (
    decision_due,
    execution_end,
    limitation,
    sanction_limitation_end,
)
from xlvphc.services.procedure.seized import held_items
from xlvphc.services.procedure.transitions import (
    RULES,
    Context,
    FieldSpec,
    handles,
    link_guard,
    money,
    perform,
)

NOTE = FieldSpec("note", "Ghi chú", "textarea")
# MQĐ17 has no form module yet: its symbol as the appendix prints it
# (Phụ lục, Nghị định 118/2021/NĐ-CP, "Số: .../QĐ-THMP").
PARTIAL = DecisionBook(
    "QĐ-THMP", "close_partly", "quyết định thi hành một phần quyết định xử phạt"
)


def _close(ctx: Context, reason: str, on: date, text: str, **record) -> None:
    # A case closed with the fine unpaid (Art. 74, 75) runs no more
    # late-payment interest: what ran until the closing day is fixed.
    fix_on_closing(ctx.session, ctx.case, on)
    ctx.case.status = CaseStatus.CLOSED
    ctx.case.closed_on = on
    ctx.case.close_reason = reason
    ctx.record = {"on": on, "code": reason, **record}
    ctx.summary = f"Kết thúc hồ sơ: {CloseReason.LABELS[reason].lower()}{text}"


# The steps that tell whether the remedial measures were carried out.
REMEDIAL_STEPS = ("remedial_done", "coerce", "coercion_done")


def remedial_carried_out(session: Session, case: Case) -> bool:
    """The decision's remedial measures are recorded as done: a «Ghi nhận đã
    thực hiện biện pháp khắc phục» step, or the result of a coercion whose
    decision forced them (MQĐ11, Law Art. 86 k1 c): for a combined decision
    (MQĐ12a-c), the result of its remedial part, not of its money part."""
    steps = session.exec(
        select(ProcedureStep.step, ProcedureStep.code)
        .where(
            ProcedureStep.case_id == case.id,
            ProcedureStep.step.in_(REMEDIAL_STEPS),
        )
        .order_by(ProcedureStep.id)
    ).all()
    return remedial_done_in(steps)


def remedial_done_in(steps: Iterable[tuple[str, str | None]]) -> bool:
    """`remedial_carried_out` on a case's REMEDIAL_STEPS as (step, code), in
    the order they were entered: "Việc cần làm" reads a page's steps in one
    query. A result names the part it carried out (its code); one recorded
    before results did is of its decision's only measure."""
    measure = ""
    for code, sub in steps:
        if code == "remedial_done":
            return True
        if code == "coerce":
            measure = sub or ""
        elif code == "coercion_done" and (sub or measure) == REMEDIAL:
            return True
    return False


def _not_executed(session: Session, case: Case, today: date) -> str | None:
    """Law Art. 73 k2: executed means the fine and its late-payment interest
    (Art. 78 k1) paid, the remedial measures
    carried out and every seized item returned or confiscated (Art. 126);
    the refusal lists everything still missing."""
    missing = []
    left = owed(session, case, today)
    if left.fine:
        missing.append(f"còn {money(left.fine)} tiền phạt chưa nộp")
    if left.interest:
        # Art. 78 k1: the interest is part of what the violator must pay.
        missing.append(
            f"còn {money(left.interest)} tiền chậm nộp chưa nộp (0,05% mỗi ngày "
            f"chậm nộp, tính đến ngày {today:%d/%m/%Y}; khoản 1 Điều 78 Luật "
            "XLVPHC)"
        )
    decision = session.exec(select(Decision).where(Decision.case_id == case.id)).first()
    measures = (decision.remedial_measures or "").strip() if decision else ""
    if measures and not remedial_carried_out(session, case):
        shown = measures if len(measures) <= 120 else measures[:117] + "…"
        missing.append(
            f"chưa ghi nhận đã thực hiện biện pháp khắc phục hậu quả «{shown}» "
            "(bước «Ghi nhận đã thực hiện biện pháp khắc phục», Điều 28, 85 "
            "Luật XLVPHC)"
        )
    held = held_items(session, case.id)
    if held:
        names = ", ".join(i.description for i in held[:5])
        names += "…" if len(held) > 5 else ""
        missing.append(
            f"còn {len(held)} tang vật, phương tiện đang tạm giữ chưa trả lại "
            f"hoặc tịch thu ({names}; Điều 126 Luật XLVPHC)"
        )
    if not missing:
        return None
    text = "; ".join(missing)
    return f"Chưa chấp hành xong: {text}"


# The steps that carry the decision out (Art. 73 k2): a case is executed
# only on the day of the last of them, so it cannot close before (user
# trial: closed on 25/11 after a payment of 27/11 and interest of 01/12).
EXECUTION_STEPS = (
    "payment",
    "reduce",
    "remedial_done",
    "coercion_done",
    "return_item",
    "confiscate_item",
)


def last_execution(session: Session, case: Case) -> ProcedureStep | None:
    """The latest step of the case that carried out its decision."""
    return session.exec(
        select(ProcedureStep)
        .where(
            ProcedureStep.case_id == case.id,
            ProcedureStep.step.in_(EXECUTION_STEPS),
        )
        .order_by(ProcedureStep.on.desc(), ProcedureStep.id.desc())
    ).first()


@handles(
    "close_executed",
    [FieldSpec("on", "Ngày kết thúc", "date", True), NOTE],
    guard=_not_executed,
)
def _executed(ctx: Context) -> None:
    on = ctx.day("on", "ngày kết thúc")
    note = ctx.form.text("note", "ghi chú", 2000, multiline=True)
    last = last_execution(ctx.session, ctx.case)
    if on and last and on < last.on and "on" not in ctx.form.errors:
        ctx.refuse(
            "on",
            f"Ngày kết thúc không thể trước ngày {last.on:%d/%m/%Y} của bước "
            f"«{RULES[last.step].label}» đã ghi nhận: hồ sơ chấp hành xong từ "
            "bước thi hành cuối cùng (khoản 2 Điều 73 Luật XLVPHC).",
        )
    if ctx.form.errors:
        return
    _close(ctx, CloseReason.EXECUTED, on, f" ngày {on:%d/%m/%Y}", note=note)


def _fully_paid(session: Session, case: Case, today: date) -> str | None:
    if case.fine_total and not owed(session, case, today).total:
        return "Tiền phạt đã nộp đủ: kết thúc vì đã chấp hành xong"
    return None


@handles(
    "close_partly",
    [
        FieldSpec("on", "Ngày quyết định thi hành một phần", "date", True),
        PARTIAL.field("Số quyết định (MQĐ17)"),
        FieldSpec(
            "note", "Lý do (chết, mất tích, giải thể, phá sản)", "textarea", True
        ),
    ],
    guard=_fully_paid,
)
def _partly(ctx: Context) -> None:
    on = ctx.day("on", "ngày quyết định")
    paper = PARTIAL.read(ctx, on)
    note = ctx.form.text("note", "lý do", 2000, required=True, multiline=True)
    if ctx.form.errors:
        return
    document = PARTIAL.issue(ctx, paper, on)
    _close(
        ctx,
        CloseReason.PARTLY,
        on,
        f" theo QĐ {as_issued(document, paper)}: {note}",
        document=document,
        note=note,
    )


def _limitation_running(session: Session, case: Case, today: date) -> str | None:
    end = execution_end(case, session)
    if end is None or today <= end:
        return (
            f"Chưa hết thời hiệu thi hành (đến hết ngày {end:%d/%m/%Y})"
            if end
            else "Chưa có quyết định xử phạt"
        )
    if not owed(session, case, today).total:
        return "Tiền phạt đã nộp đủ: kết thúc vì đã chấp hành xong"
    return None


@handles(
    "close_limitation",
    [FieldSpec("on", "Ngày kết thúc", "date", True), NOTE],
    guard=_limitation_running,
)
def _limitation(ctx: Context) -> None:
    on = ctx.day("on", "ngày kết thúc")
    note = ctx.form.text("note", "ghi chú", 2000, multiline=True)
    end = execution_end(ctx.case, ctx.session)
    if on and end and on <= end:
        ctx.refuse("on", f"Thời hiệu thi hành còn đến hết ngày {end:%d/%m/%Y}.")
    if ctx.form.errors:
        return
    left = owed(ctx.session, ctx.case, on)
    _close(
        ctx,
        CloseReason.LIMITATION,
        on,
        f" (hết ngày {end:%d/%m/%Y}); chưa thu {money(left.total)}"
        + (f" ({left.breakdown()})" if left.interest else ""),
        note=note,
    )


def decision_barred(session: Session, case: Case, today: date) -> str | None:
    """Why the law bars a sanction decision now, whatever the stage allows
    (None: it does not): a violator under 14 on the day of the violation
    (Law Art. 5 k1 a) or the sanctioning limitation run out (Art. 6, Art. 65
    k1 c). The panel then leaves «Ra quyết định xử phạt» out and says why;
    services.cases.issue_decision refuses both again on submit."""
    refusal = sanction_refusal(violator_minor(session, case))
    if refusal:
        return refusal
    found = limitation(session, case)
    return found.refusal(today) if found else None


link_guard("decide", decision_barred)


def _decision_possible(session: Session, case: Case, today: date) -> str | None:
    # Law Art. 5 k1 a: a violator under 14 is never sanctioned, so the case
    # closes without a decision at once (domain/minors.py).
    if sanction_refusal(violator_minor(session, case)):
        return None
    barred = sanction_limitation_end(session, case)
    due = decision_due(session, case)
    if (barred and today > barred) or (due and today > due):
        return None
    return "Vẫn còn thời hạn ra quyết định xử phạt" + (
        f" (đến hết ngày {due:%d/%m/%Y})" if due else ""
    )


@handles(
    "close_no_decision",
    [
        FieldSpec("on", "Ngày kết thúc", "date", True),
        FieldSpec("note", "Lý do không ra quyết định", "textarea", True),
    ],
    guard=_decision_possible,
)
def _no_decision(ctx: Context) -> None:
    on = ctx.day("on", "ngày kết thúc")
    note = ctx.form.text("note", "lý do", 2000, required=True, multiline=True)
    if ctx.form.errors:
        return
    _close(ctx, CloseReason.NO_DECISION, on, f": {note}", note=note)


@handles(
    "close_prosecuted",
    [
        FieldSpec("on", "Ngày cơ quan tố tụng thụ lý / khởi tố", "date", True),
        FieldSpec("document", "Số quyết định khởi tố / văn bản thụ lý", "text", True),
    ],
)
def _prosecuted(ctx: Context) -> None:
    on = ctx.day("on", "ngày thụ lý")
    document = ctx.form.text("document", "số văn bản", 120, required=True)
    if ctx.form.errors:
        return
    _close(ctx, CloseReason.TRANSFERRED, on, f" ({document})", document=document)


def close_executed(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "close_executed", data)


def close_partly(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "close_partly", data)


def close_limitation(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "close_limitation", data)


def close_no_decision(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "close_no_decision", data)


def close_prosecuted(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "close_prosecuted", data)
