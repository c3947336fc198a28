"""Cưỡng chế (Law Art. 86–88 as amended by Law 88/2025 k16): only once the
compliance deadline has passed without compliance, decided by the head of an
Art. 37a title (role "authority"), by one of the measures of forms MQĐ07–11."""

from datetime import date

from sqlmodel import Session, select

from xlvphc.models import Case, Decision, ProcedureStep
from xlvphc.models.base import local_now
from xlvphc.models.cases import CaseStatus
from xlvphc.services.access import Actor
from xlvphc.services.procedure.closing import remedial_carried_out
from xlvphc.services.procedure.coercion_cover import coercion_cover
from xlvphc.services.procedure.decision_numbers import DecisionBook, as_issued
from xlvphc.services.procedure.details import (
    COERCE,
    COERCE_MAX,
    COERCION_RECORD,
    DEDUCT_FROM,
    account_number,
    asset_rows,
    compact,
    days,
    number,
    people,
    person_name,
    place,
    times,
)
from xlvphc.services.procedure.late_interest import (
    Coercible,
    apply_fine_payment,
    coercible,
    interest_refusal,
    owed,
)
from xlvphc.services.procedure.limits import execution_end
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
# The decisions of every measure share the "QĐ-CCXP" series.
BOOK = DecisionBook("MQĐ07", "coerce", "quyết định cưỡng chế")


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


def coercion_guard(session: Session, case: Case, today: date) -> str | None:
    """Why neither coercion nor the verification before it may be taken now
    (None: they may): the deadline runs, or nothing is left to execute."""
    reason = coercion_refusal(case, today)
    if reason:
        return reason
    left = coercible(session, case, today)
    if left.total or remedial_refusal(session, case) is None:
        return None
    if left.not_due:
        return not_due_refusal(left)
    return "Quyết định đã được chấp hành xong"


def not_due_refusal(left: Coercible) -> str:
    """A plan (Art. 79) with instalments still to come: its period has not
    ended, and the decision allowing it says coercion follows only then
    (form MQĐ05, Điều 3 k1 a; late_interest.Coercible)."""
    missed = ""
    if left.due.fine:
        missed = (
            f" Số tiền đã quá hạn nộp theo từng lần ({money(left.due.total)}) "
            "được nhắc nộp; tiền chậm nộp vẫn tính (Điều 78)."
        )
    return (
        f"Chưa hết thời hạn nộp tiền phạt nhiều lần: {left.not_due_text()} chưa "
        "đến hạn nộp. Chỉ cưỡng chế khi hết thời hạn đó mà người bị phạt chưa nộp "
        f"đủ (Điều 3 mẫu MQĐ05).{missed}"
    ).rstrip(".")


def remedial_refusal(session: Session, case: Case) -> str | None:
    """Why no remedial measure is left to coerce (None: one is owed). MQĐ11
    forces a measure the sanction decision imposed (Law Art. 86 k1 d); a
    decision with a fine only has none, and its MQĐ11 printed the fine as
    the cost of a remedial measure (user trial)."""
    decision = session.exec(select(Decision).where(Decision.case_id == case.id)).first()
    if decision is None or not (decision.remedial_measures or "").strip():
        return "Quyết định xử phạt không áp dụng biện pháp khắc phục hậu quả"
    if remedial_carried_out(session, case):
        return "Biện pháp khắc phục hậu quả đã được thực hiện"
    return None


def _money_refusal(session: Session, case: Case, on: date) -> str | None:
    """Why no money is left to coerce on day `on` (None: some is)."""
    end = execution_end(case, session)
    if end and on > end:
        # Art. 74 k1: past the execution limitation the fine is no longer
        # collected; remedial measures still are (services/procedure/overview).
        return (
            f"Đã hết thời hiệu thi hành ngày {end:%d/%m/%Y} (Điều 74 Luật "
            "XLVPHC): không cưỡng chế thu tiền phạt được nữa"
        )
    left = coercible(session, case, on)
    if left.total:
        return None
    if left.not_due:
        return not_due_refusal(left)
    return "Tiền phạt và tiền chậm nộp đã nộp đủ"


# The fields after the measure, whose choices depend on the case.
COERCE_FIELDS = (
    FieldSpec("on", "Ngày quyết định cưỡng chế", "date", True),
    # MQĐ07-MQĐ12c share one series (services/numbering.py).
    BOOK.field("Số quyết định cưỡng chế"),
    FieldSpec(
        "amount",
        "Số tiền phải thu (đồng)",
        "money",
        False,
        "Để trống: toàn bộ số tiền phạt còn lại và tiền chậm nộp tính "
        "đến ngày quyết định (khoản 1 Điều 78 Luật XLVPHC)",
    ),
    *COERCE,
)


def _measure_options(session: Session, case: Case) -> tuple[tuple[str, str], ...]:
    """The measures the case can still be coerced by: the money ones while
    money is owed, MQĐ11 while a remedial measure is. None of them: all,
    and the handler says why each is refused."""
    today = local_now().date()
    money_ok = _money_refusal(session, case, today) is None
    remedial_ok = remedial_refusal(session, case) is None
    kept = tuple(
        (code, text)
        for code, text in MEASURES
        if (remedial_ok if code == "remedial" else money_ok)
    )
    return kept or MEASURES


def _coerce_fields(session: Session, case: Case) -> list[FieldSpec]:
    options = _measure_options(session, case)
    return [
        FieldSpec("code", "Biện pháp cưỡng chế", "select", True, options=options),
        *COERCE_FIELDS,
    ]


def _measure_refusal(ctx: Context, measure: str, on: date | None) -> str | None:
    """Why `measure` cannot be decided (None: it can), saying what is left
    to coerce instead, if anything."""
    day = on or ctx.today
    if measure == "remedial":
        reason = remedial_refusal(ctx.session, ctx.case)
        if reason is None:
            return None
        if _money_refusal(ctx.session, ctx.case, day) is None:
            return (
                f"{reason} (điểm d khoản 1 Điều 86 Luật XLVPHC): không cưỡng "
                "chế buộc thực hiện biện pháp khắc phục hậu quả (MQĐ11); hãy "
                "chọn một biện pháp cưỡng chế thu tiền phạt."
            )
        return f"{reason}: không cưỡng chế buộc thực hiện (MQĐ11) được."
    reason = _money_refusal(ctx.session, ctx.case, day)
    if reason is None:
        return None
    if remedial_refusal(ctx.session, ctx.case) is None:
        return (
            f"{reason}: chỉ còn có thể cưỡng chế buộc thực hiện biện pháp "
            "khắc phục hậu quả (MQĐ11)."
        )
    return f"{reason}."


@handles("coerce", _coerce_fields, guard=coercion_guard)
def _coerce(ctx: Context) -> None:
    measure = ctx.form.choice("code", "biện pháp cưỡng chế", dict(MEASURES))
    on = ctx.day("on", "ngày quyết định cưỡng chế")
    amount = ctx.form.amount("amount", "số tiền", bounded=True)
    details = _coercion_details(ctx, measure)
    # What is owed on the day of the decision: the unpaid fine and the
    # late-payment interest run until then (Art. 78 k1), which the decision
    # recovers with it; a plan (Art. 79) only once all its instalments are
    # past their dates (late_interest.coercible; refused above otherwise).
    early = bool(on and ctx.case.compliance_due and on <= ctx.case.compliance_due)
    # A day refused or not typed counts to today, the last day the decision
    # may bear, so that the cap named is one a valid day reaches (user
    # trial: a refused 20/09 named 7.500.000 đồng, no interest yet, and then
    # 7.700.000 đồng passed at today's 7.758.750 đồng).
    day_valid = bool(on and not early and "on" not in ctx.form.errors)
    until = on if day_valid else ctx.today
    can = coercible(ctx.session, ctx.case, until)
    left = can.due
    due = can.total
    if early:
        ctx.refuse(
            "on",
            f"Chỉ cưỡng chế sau khi hết thời hạn chấp hành "
            f"({ctx.case.compliance_due:%d/%m/%Y}, Điều 86 Luật XLVPHC).",
        )
    refusal = _measure_refusal(ctx, measure, on) if measure else None
    if refusal:
        ctx.refuse("code", refusal)
    if amount is not None and amount > due:
        parts = f": {left.breakdown()}" if due and left.interest else ""
        # Counted to the day typed once it is valid; else to today, and
        # the message says why (user trial: under a refused 15/11 the cap
        # "tính đến ngày" today read as a slip).
        counted = (
            f"tính đến ngày {until:%d/%m/%Y}"
            if day_valid
            else f"tính đến hôm nay, ngày {until:%d/%m/%Y}"
        )
        instead = "" if day_valid else ", vì ngày quyết định cưỡng chế chưa hợp lệ"
        ctx.refuse(
            "amount",
            f"Không quá số tiền còn phải nộp {counted} ({money(due)}{parts})"
            f"{instead}.",
        )
    paper = BOOK.read(ctx, on)
    if ctx.form.errors:
        return
    document = BOOK.issue(ctx, paper, on, FORM_OF[measure])
    details["decision_no"] = document
    value = amount if amount is not None else due
    if measure != "remedial" and left.interest:
        # The forms print the parts in their "Lý do" (printing_details).
        details |= {
            "fine_due": left.fine,
            "interest_due": left.interest,
            "interest_until": f"{on:%d/%m/%Y}",
        }
    ctx.case.status = CaseStatus.COERCING
    ctx.record = {
        "on": on,
        "code": measure,
        "document": document,
        "amount": value if measure != "remedial" else 0,
        "note": details.get("holder", ""),
    }
    ctx.details = compact(details)
    issued = as_issued(document, paper)
    ctx.summary = f"Quyết định cưỡng chế số {issued}: {dict(MEASURES)[measure]}"
    if measure != "remedial":
        ctx.summary += f", số tiền {money(value)}"
        if left.interest:
            ctx.summary += f" (còn phải nộp: {left.breakdown()})"


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
    return [
        FieldSpec("on", "Ngày thi hành", "date", True),
        FieldSpec("amount", "Số tiền phạt đã thu (đồng)", "money", False, hint),
        FieldSpec(
            "surcharge", "Tiền chậm nộp đã thu (đồng)", "money", False, interest_hint
        ),
        FieldSpec("note", "Kết quả cưỡng chế", "textarea", True),
        *COERCION_RECORD,
    ]


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
    measure = _last_measure(ctx)
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
    ctx.record = {"on": on, "amount": amount, "note": note}
    ctx.summary = f"Kết quả cưỡng chế: {note}"
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
        why = "chưa có quyết định cưỡng chế thu tiền (mẫu MQĐ07-MQĐ10)"
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
        why = "chưa có quyết định cưỡng chế thu tiền (mẫu MQĐ07-MQĐ10)"
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


# The decision form of each measure (all numbered in the "QĐ-CCXP" series).
FORM_OF = {
    "salary": "MQĐ07",
    "account": "MQĐ08",
    "distraint": "MQĐ09",
    "collection": "MQĐ10",
    "remedial": "MQĐ11",
}


def _last_measure(ctx: Context) -> str:
    """The measure of the latest coercion decision of the case."""
    row = ctx.session.exec(
        select(ProcedureStep.code)
        .where(ProcedureStep.case_id == ctx.case.id, ProcedureStep.step == "coerce")
        .order_by(ProcedureStep.on.desc(), ProcedureStep.id.desc())
    ).first()
    return row or ""


def _coercion_details(ctx: Context, measure: str) -> dict:
    """Who pays out the money and where it goes (MQĐ07, MQĐ08, MQĐ12a-c).

    Note (11)-(13) of MQĐ12a: the employer or paying body for a deduction
    from salary or income, the credit institution and account number for
    a deduction from an account, the holder for money or assets held by
    others (MQĐ10); note (20): the transfer period is at most 30 days.
    """
    form = ctx.form
    holder_label = {
        "salary": "cơ quan, tổ chức hoặc người sử dụng lao động đang trả lương, "
        "thu nhập",
        "account": "tổ chức tín dụng nơi mở tài khoản",
        "collection": "cá nhân, tổ chức đang giữ tiền, tài sản",
    }
    details = {
        "holder": form.text(
            "holder",
            holder_label.get(measure, "nơi giữ tiền, tài sản"),
            COERCE_MAX["holder"],
        ),
        "holder_address": form.text(
            "holder_address", "địa chỉ", COERCE_MAX["holder_address"]
        ),
        "deduct_from": form.choice(
            "deduct_from",
            "khấu trừ vào lương hay thu nhập",
            dict(DEDUCT_FROM),
            required=False,
        ),
        "account_number": account_number(form, required=False),
        "treasury_account": form.text(
            "treasury_account", "số tài khoản Kho bạc", COERCE_MAX["treasury_account"]
        ),
        "transfer_days": days(form, "transfer_days", "thời hạn chuyển tiền", 30),
        "period": days(form, "period", "thời gian thực hiện", 365),
        "action_place": form.text(
            "action_place", "địa điểm thực hiện", COERCE_MAX["action_place"]
        ),
        "assets": form.text("assets", "tài sản phải thu", COERCE_MAX["assets"]),
        "cooperators": form.text(
            "cooperators", "cơ quan phối hợp", COERCE_MAX["cooperators"]
        ),
    }
    if measure == "salary":
        # MQĐ07 names who deducts (Article 1 item 2; Article 3 sends them
        # the decision) and from what (its "<một phần lương/một phần thu
        # nhập>"): without them it cannot be carried out, and it printed
        # the choice unresolved (user trial).
        if not details["holder"] and "holder" not in form.errors:
            ctx.refuse(
                "holder",
                "Ghi cơ quan, tổ chức hoặc người sử dụng lao động đang trả "
                "lương, thu nhập (mục 2 Mẫu MQĐ07).",
            )
        if not details["deduct_from"] and "deduct_from" not in form.errors:
            ctx.refuse(
                "deduct_from",
                "Chọn khấu trừ vào một phần lương hay một phần thu nhập "
                "(Mẫu MQĐ07).",
            )
    # A detail of another measure is a slip: say so rather than drop it.
    if details["deduct_from"] and measure != "salary":
        ctx.refuse(
            "deduct_from",
            "Chỉ chọn khi cưỡng chế khấu trừ một phần lương, thu nhập.",
        )
    if details["account_number"] and measure != "account":
        ctx.refuse(
            "account_number",
            "Chỉ ghi số tài khoản khi cưỡng chế khấu trừ tiền từ tài khoản.",
        )
    return details


def decide_coercion(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "coerce", data)


def coercion_done(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "coercion_done", data)
