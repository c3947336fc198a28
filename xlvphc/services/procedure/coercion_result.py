"""The result of a coercion (Law Art. 86): what was collected, the record
of an on-site coercion (MBB10-MBB12), and for a combined decision (MQĐ12a-c)
which of its two parts the result carries out. Each part has its own result:
the money part collects (MBB10, MBB12 where it is on site), the remedial
part carries the measures out (MBB11), and the decision is executed only
once both are (closing.remedial_done_in, Art. 73 k2)."""

from dataclasses import replace
from datetime import date

from sqlmodel import Session, select

from xlvphc.models import Case, ProcedureStep
from xlvphc.services.access import Actor
from xlvphc.services.procedure.coercion import remedial_refusal
from xlvphc.services.procedure.coercion_cover import coercion_cover
from xlvphc.services.procedure.coercion_measures import COMBINED, FORM_OF, REMEDIAL
from xlvphc.services.procedure.details import (
    COERCION_RECORD,
    asset_rows,
    compact,
    number,
    people,
    person_name,
    place,
    times,
)
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
)


def _done_fields(session: Session, case: Case) -> list[FieldSpec]:
    """The result's fields; the fine and the interest collected name their
    maximum (coercion_cover)."""
    cover = coercion_cover(session, case.id)
    most = min(outstanding(case), cover.left)
    hint = (
        f"Không quá {money(most)} (số tiền phạt các quyết định cưỡng chế còn phải thu)"
        if most
        else "Để trống: các quyết định cưỡng chế không còn tiền phạt phải thu"
    )
    interest = min(cover.interest_left, cover.left)
    interest_hint = (
        f"Không quá {money(interest)} (tiền chậm nộp các quyết định cưỡng chế "
        "còn phải thu, tính đến ngày quyết định)"
        if interest
        else "Để trống: các quyết định cưỡng chế không còn tiền chậm nộp phải thu"
    )
    fields = [
        FieldSpec("on", "Ngày thi hành", "date", True),
        FieldSpec("amount", "Số tiền phạt đã thu (đồng)", "money", False, hint),
        FieldSpec(
            "surcharge", "Tiền chậm nộp đã thu (đồng)", "money", False, interest_hint
        ),
        FieldSpec("note", "Kết quả cưỡng chế", "textarea", True),
        *COERCION_RECORD,
    ]
    decided = latest_measure(session, case.id)
    if decided not in COMBINED:
        return fields
    # A combined decision: the result of one of its parts, each with its
    # own record; the money boxes belong to the money part.
    money_measure = COMBINED[decided]
    part = FieldSpec(
        "code",
        "Kết quả của phần",
        "select",
        True,
        f"Quyết định kết hợp ({FORM_OF[decided]}): ghi kết quả từng phần. Hồ "
        "sơ chấp hành xong khi đã thu đủ tiền và đã thực hiện biện pháp khắc "
        "phục hậu quả.",
        _parts_left(session, case, decided),
    )
    money_boxes = ("amount", "surcharge", "assets")
    return [part] + [
        replace(f, only=money_measure) if f.name in money_boxes else f
        for f in fields
    ]


# The parts of a combined decision whose result is recorded, with the
# record each leaves (ON_SITE).
PART_WORDS = {
    "salary": "Khấu trừ một phần lương, thu nhập (Điều 1)",
    "account": "Khấu trừ tiền từ tài khoản (Điều 1)",
    "distraint": "Kê biên tài sản (Điều 1; biên bản MBB12)",
    "collection": "Thu tiền, tài sản (Điều 1; biên bản MBB10)",
    REMEDIAL: "Buộc thực hiện biện pháp khắc phục hậu quả (Điều 2; biên bản MBB11)",
}


def _parts_left(session: Session, case: Case, decided: str) -> tuple:
    """The parts of combined decision `decided` a result may be for: its
    money measure, and the remedial one until it is carried out."""
    money_measure = COMBINED[decided]
    options = [(money_measure, PART_WORDS[money_measure])]
    if remedial_refusal(session, case) is None:
        options.append((REMEDIAL, PART_WORDS[REMEDIAL]))
    return tuple(options)


def _result_part(ctx: Context, decided: str, amount: int, interest: int) -> str:
    """The measure a result is for: the decision's own, or for a combined
    one (MQĐ12a-c) the part chosen, each part done by its own result. The
    remedial part is not chosen again once carried out, and collects no
    money: that is the money part's result."""
    if decided not in COMBINED:
        return decided
    parts = {COMBINED[decided]: "", REMEDIAL: ""}
    part = ctx.form.choice("code", "phần của quyết định đã thi hành", parts)
    if part != REMEDIAL:
        return part
    reason = remedial_refusal(ctx.session, ctx.case)
    if reason:
        ctx.refuse("code", f"{reason}: chọn phần {PART_WORDS[COMBINED[decided]]}.")
    for key, value in (("amount", amount), ("surcharge", interest)):
        if value:
            ctx.refuse(
                key,
                "Phần buộc thực hiện biện pháp khắc phục hậu quả không thu tiền: "
                "ghi số tiền đã thu ở kết quả của phần thu tiền (Điều 1).",
            )
    return part


def nothing_left_to_coerce(session: Session, case: Case, today: date) -> str | None:
    """Why no coercion result may be recorded (None: one may): the decision
    owes nothing any more, neither fine nor late-payment interest (running
    interest included) nor a remedial measure, which is what
    services.enforcement.owes and Case.remedial_pending say of the case
    (user trial: «Ghi nhận kết quả cưỡng chế» was still offered after the
    violator had paid everything, before the case was closed). There is
    then nothing to collect or enforce; the case closes as executed."""
    if owed(session, case, today).total or remedial_refusal(session, case) is None:
        return None
    return (
        "Không còn gì phải cưỡng chế: tiền phạt, tiền chậm nộp đã nộp đủ và "
        "không còn biện pháp khắc phục hậu quả phải thực hiện; chọn «Kết thúc: "
        "đã chấp hành xong» để kết thúc hồ sơ"
    )


@handles("coercion_done", _done_fields, guard=nothing_left_to_coerce)
def _done(ctx: Context) -> None:
    on = ctx.day("on", "ngày thi hành")
    amount = ctx.form.amount("amount", "số tiền đã thu", bounded=True) or 0
    interest = ctx.form.amount("surcharge", "tiền chậm nộp đã thu") or 0
    note = ctx.form.text("note", "kết quả", 2000, required=True, multiline=True)
    decided = latest_measure(ctx.session, ctx.case.id)
    measure = _result_part(ctx, decided, amount, interest)
    # The on-site coercions have their record (MBB10-MBB12) with witnesses.
    on_site = measure in ON_SITE
    details = {
        **times(ctx.form, required=False, on=on),
        "place": place(ctx.form, required=False),
        # Who organised the coercion signs its record (MBB10-MBB12).
        "leader_name": person_name(
            ctx.form, "leader_name", "họ và tên người tổ chức cưỡng chế"
        ),
        "leader_title": ctx.form.text(
            "leader_title", "chức vụ của người tổ chức cưỡng chế", 200
        ),
        "cooperators": people(ctx.form, "cooperators", "đại diện cơ quan phối hợp"),
        "witnesses": people(ctx.form, "witnesses", "người chứng kiến"),
        "assets": asset_rows(ctx.form, "assets", "tài sản kê biên, thu giữ"),
    }
    problem = _collected_refusal(ctx, amount)
    if problem:
        ctx.refuse("amount", problem)
    if interest and on:
        limit = owed(ctx.session, ctx.case, on).interest
        problem = interest_refusal(interest, limit, on, "đã thu")
        problem = problem or _interest_collected_refusal(ctx, interest, amount)
        if problem:
            ctx.refuse("surcharge", problem)
    if details["leader_title"] and not details["leader_name"]:
        ctx.refuse("leader_name", "Ghi họ và tên người tổ chức cưỡng chế.")
    if ctx.form.errors:
        return
    # The fine collected stops its interest, fixed until then (Art. 78 k1),
    # as a payment does.
    fixed = apply_fine_payment(ctx.session, ctx.case, amount, on) if amount else 0
    ctx.case.surcharge_paid += interest
    if interest:
        details["surcharge_paid"] = interest
    if on_site:
        details["record_no"] = number(ctx, ON_SITE[measure], on)
    ctx.details = compact({**details, "measure": measure})
    # The part carried out, as closing.remedial_done_in reads it.
    ctx.record = {"on": on, "code": measure, "amount": amount, "note": note}
    ctx.summary = f"Kết quả cưỡng chế: {note}"
    if decided in COMBINED:
        ctx.summary = f"Kết quả cưỡng chế ({PART_WORDS[measure]}): {note}"
    if amount or interest:
        got = [f"tiền phạt {money(amount)}"] if amount else []
        got += [f"tiền chậm nộp {money(interest)}"] if interest else []
        rest = owed(ctx.session, ctx.case, on)
        ctx.summary += f"; đã thu {' và '.join(got)}"
        if fixed:
            ctx.summary += f" (tiền chậm nộp tính trên số tiền phạt {money(fixed)})"
        ctx.summary += (
            f", còn phải nộp {money(rest.total)} ({rest.breakdown()})"
            if rest.total
            else ", đã nộp đủ"
        )


def _collected_refusal(ctx: Context, amount: int) -> str | None:
    """Why `amount` of fine cannot be recorded as collected (None: it can):
    no more than the fine unpaid, nor than the coercion decisions still
    have to collect (the sum each states, coercion_cover)."""
    unpaid = outstanding(ctx.case)
    cover = coercion_cover(ctx.session, ctx.case.id)
    if amount <= min(unpaid, cover.left):
        return None
    if unpaid <= cover.left:
        return f"Không quá số tiền phạt còn phải nộp ({money(unpaid)})."
    if not cover.decided:
        why = "chưa có quyết định cưỡng chế thu tiền (mẫu MQĐ07-MQĐ10, MQĐ12a-c)"
    elif not cover.left:
        why = (
            "các quyết định cưỡng chế đã thu đủ số tiền đã quyết định thu "
            f"({money(cover.decided)})"
        )
    else:
        why = (
            "số tiền các quyết định cưỡng chế còn phải thu (đã quyết định thu "
            f"{money(cover.decided)}, đã thu {money(cover.collected)})"
        )
    return (
        f"Không quá {money(cover.left)}: {why}; Điều 86 Luật XLVPHC. Muốn thu "
        "thêm, cần có quyết định cưỡng chế mới."
    )


def _interest_collected_refusal(ctx: Context, interest: int, amount: int) -> str | None:
    """Why `interest` cannot be recorded as collected with `amount` of fine
    (None: it can): no more than the interest the coercion decisions still
    have to collect (each the interest run until its day, coercion_cover),
    nor, with the fine, than the sums they decided: the interest that ran
    on after a decision's day (Art. 78 k1) is not in its sum."""
    cover = coercion_cover(ctx.session, ctx.case.id)
    most = min(cover.interest_left, max(cover.left - amount, 0))
    if interest <= most:
        return None
    if not cover.decided:
        why = "chưa có quyết định cưỡng chế thu tiền (mẫu MQĐ07-MQĐ10, MQĐ12a-c)"
    elif most < cover.interest_left:
        why = (
            f"số tiền các quyết định cưỡng chế còn phải thu ({money(cover.left)}) "
            f"trừ tiền phạt đã thu lần này ({money(amount)})"
        )
    elif not cover.interest_decided:
        why = (
            "các quyết định cưỡng chế không thu tiền chậm nộp (không có tiền "
            "chậm nộp tính đến ngày quyết định)"
        )
    else:
        why = (
            "tiền chậm nộp các quyết định cưỡng chế còn phải thu (đã quyết định "
            f"thu {money(cover.interest_decided)} tính đến ngày quyết định, đã "
            f"thu {money(cover.interest_collected)})"
        )
    return (
        f"Không quá {money(most)}: {why}; Điều 86 Luật XLVPHC. Muốn thu "
        "thêm, cần có quyết định cưỡng chế mới."
    )


# Coercions carried out on site, each with its record: MBB10 (collecting
# money, assets held by others), MBB11 (remedial measures), MBB12 (distraint).
ON_SITE = {"collection": "MBB10", "remedial": "MBB11", "distraint": "MBB12"}


def latest_measure(session: Session, case_id: int) -> str:
    """The measure of the latest coercion decision of the case."""
    row = session.exec(
        select(ProcedureStep.code)
        .where(ProcedureStep.case_id == case_id, ProcedureStep.step == "coerce")
        .order_by(ProcedureStep.on.desc(), ProcedureStep.id.desc())
    ).first()
    return row or ""


def coercion_done(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "coercion_done", data)
