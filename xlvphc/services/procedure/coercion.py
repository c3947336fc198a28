"""Cưỡng chế (Law Art. 86–88 as amended by Law 88/2025 k16): only once the
compliance deadline has passed without compliance, decided by the head of an
Art. 37a title (role "authority"), by one of the measures of forms MQĐ07–11,
or by a money measure together with forcing the remedial measures (MQĐ12a-c)
while both are owed (coercion_measures); its result: coercion_result."""

from datetime import date

from sqlmodel import Session, select

from xlvphc.models import Case, Decision
from xlvphc.models.base import local_now
from xlvphc.models.cases import CaseStatus
from xlvphc.services.access import Actor
from xlvphc.services.procedure.closing import remedial_carried_out
from xlvphc.services.procedure.coercion_measures import (
    COMBINED,
    COMBINED_CHOICES,
    COMBINED_HINT,
    FORM_OF,
    MEASURES,
    REMEDIAL,
    SINGLE,
    money_part,
)
from xlvphc.services.procedure.coercion_verified import (
    DAY_KEY,
    NUMBER_KEY,
    check_verification,
    verification_fields,
)
from xlvphc.services.procedure.deadlines import postponement_end, remedial_due
from xlvphc.services.procedure.decision_numbers import DecisionBook, as_issued
from xlvphc.services.procedure.details import (
    COERCE,
    COERCE_MAX,
    DEDUCT_FROM,
    account_number,
    compact,
    days,
)
from xlvphc.services.procedure.late_interest import Coercible, coercible
from xlvphc.services.procedure.limits import execution_end
from xlvphc.services.procedure.transitions import (
    Context,
    FieldSpec,
    explain_when_held,
    handles,
    money,
    perform,
)

# The decisions of every measure share the "QĐ-CCXP" series.
BOOK = DecisionBook("MQĐ07", "coerce", "quyết định cưỡng chế")


def coercion_refusal(
    case: Case, today: date, due: date | None = None
) -> str | None:
    """Why coercion may not be decided yet (None: it may).

    `due`: the deadline of what is to be coerced. Unsaid, the earlier of
    the compliance deadline and the earliest deadline still running for
    what the decision owes (Case.late_after): a plan (Art. 79) moves the
    fine's deadline only, and a remedial measure past its own may be
    coerced (MQĐ11) while instalments still run (user trial: «Việc cần làm»
    said to consider coercion, the step refused it until the plan's last
    date). Each measure then checks its own deadline (`deadline_of`), and a
    plan's instalments not yet due are explained by `not_due_refusal`.

    A postponement (Art. 76) is of the fine alone (deadlines.remedial_due):
    while it runs, `due` is its «đến ngày» (compliance_due) or an earlier
    remedial deadline, and the refusal names the end of the postponement,
    after which MQĐ03 (Điều 3 k1 a) says the fine is coerced if unpaid."""
    if due is None:
        known = [d for d in (case.late_after, case.compliance_due) if d]
        due = min(known, default=None)
    if due is None:
        return "Chưa xác định thời hạn chấp hành (chưa ghi nhận ngày nhận quyết định)"
    if today > due:
        return None
    end = case.compliance_due
    if case.status == CaseStatus.POSTPONED and end and today <= end:
        before = "" if due == end else (
            f"chưa hết thời hạn thực hiện biện pháp khắc phục hậu quả (đến "
            f"hết ngày {due:%d/%m/%Y}); "
        )
        reason = f"{before}{POSTPONED_TEXT.format(end=end)}"
        return reason[:1].upper() + reason[1:]
    return f"Chưa hết thời hạn chấp hành (đến hết ngày {due:%d/%m/%Y})"


# The fine postponed (Art. 76, MQĐ03): coerced only once the period ended
# unpaid (MQĐ03 Điều 3 k1 a), its «đến ngày» still postponed.
POSTPONED_TEXT = (
    "quyết định phạt tiền được hoãn thi hành đến hết ngày {end:%d/%m/%Y} "
    "(Điều 76 Luật XLVPHC): chỉ cưỡng chế thu tiền phạt khi hết thời gian "
    "hoãn mà người bị phạt chưa nộp đủ (Điều 3 mẫu MQĐ03)"
)


def postponement_refusal(session: Session, case: Case, on: date) -> str | None:
    """Why no money may be coerced on day `on`: the fine's postponement
    (Art. 76) runs until then, that day included (None: no postponement, or
    it has ended). Read from the step, not the stage: a remedial measure
    coerced meanwhile (MQĐ11) makes the case «Đang cưỡng chế», the fine
    still postponed (deadlines.postponement_end)."""
    end = postponement_end(session, case.id)
    if end is None or on > end:
        return None
    reason = POSTPONED_TEXT.format(end=end)
    return reason[:1].upper() + reason[1:]


def deadline_of(session: Session, case: Case, measure: str | None) -> date | None:
    """The deadline after which `measure` may be decided (Art. 86 k1): the
    fine's (compliance_due, moved by a plan or a postponement) for a money
    measure, the remedial measure's own (Art. 73, 85; remedial_due) for
    MQĐ11, the later of both for a combined decision, which coerces both."""
    fine = case.compliance_due
    if measure != REMEDIAL and measure not in COMBINED:
        return fine
    measure_due = remedial_due(session, case) or fine
    if measure == REMEDIAL:
        return measure_due
    return max((d for d in (fine, measure_due) if d), default=None)


def coercion_guard(session: Session, case: Case, today: date) -> str | None:
    """Why neither coercion nor the verification before it may be taken now
    (None: they may): the deadline runs, the execution limitation has
    passed with money only left, or nothing is left to execute."""
    reason = coercion_refusal(case, today) or _expired(session, case, today)
    if reason:
        return reason
    left = coercible(session, case, today)
    if left.total or remedial_refusal(session, case) is None:
        return None
    if left.not_due:
        return not_due_refusal(left)
    return "Quyết định đã được chấp hành xong"


def expired_refusal(session: Session, case: Case, today: date) -> str | None:
    """The guard's refusal when it is the execution limitation or a running
    postponement (None otherwise): what the case page says of the step it
    no longer offers. A postponed case's «Việc cần làm» names its end, and
    the officer is told when coercion becomes possible; a plain deadline
    still running needs no line."""
    reason = coercion_refusal(case, today)
    if reason:
        return reason if case.status == CaseStatus.POSTPONED else None
    return _expired(session, case, today)


def _expired(session: Session, case: Case, today: date) -> str | None:
    """The execution limitation (Art. 74 k1) when it is what stops coercion
    (None otherwise): past it the fine is not collected, so the step was
    offered and then refused on every money measure (user trial). A
    remedial measure still owed is still forced (MQĐ11; Art. 74 k1), and a
    fine paid in full is said by the guard's own reason."""
    if remedial_refusal(session, case) is None:
        return None
    reason = _limit_refusal(session, case, today)
    if reason is None:
        return None
    left = coercible(session, case, today)
    return reason if left.total or left.not_due else None


def _limit_refusal(session: Session, case: Case, on: date) -> str | None:
    """Why no money may be coerced on day `on` past the execution
    limitation (Art. 74 k1; None: the limitation runs)."""
    end = execution_end(case, session)
    if end is None or on <= end:
        return None
    return (
        f"Đã hết thời hiệu thi hành ngày {end:%d/%m/%Y} (Điều 74 Luật "
        "XLVPHC): không cưỡng chế thu tiền phạt được nữa"
    )


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
    # Art. 74 k1: past the execution limitation the fine is no longer
    # collected; remedial measures still are (services/procedure/overview).
    expired = _limit_refusal(session, case, on)
    if expired:
        return expired
    left = coercible(session, case, on)
    if left.total:
        return postponement_refusal(session, case, on)
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
    money is owed, MQĐ11 while a remedial measure is, and the combined
    decisions (MQĐ12a-c) only while both are. None of them: all the single
    ones, and the handler says why each is refused."""
    today = local_now().date()
    money_ok = _money_refusal(session, case, today) is None
    remedial_ok = remedial_refusal(session, case) is None
    kept = tuple(
        (code, text)
        for code, text in SINGLE
        if (remedial_ok if code == REMEDIAL else money_ok)
    )
    if money_ok and remedial_ok:
        kept += COMBINED_CHOICES
    return kept or SINGLE


def _coerce_fields(session: Session, case: Case) -> list[FieldSpec]:
    options = _measure_options(session, case)
    # The one line saying what the combined choices are, where they are.
    hint = COMBINED_HINT if any(code in COMBINED for code, _ in options) else ""
    postponed = postponement_refusal(session, case, local_now().date())
    if postponed and [code for code, _ in options] == [REMEDIAL]:
        # Why MQĐ11 is the only choice while the fine is postponed.
        hint = (
            f"{postponed}. Trong thời gian hoãn chỉ cưỡng chế buộc thực hiện "
            "biện pháp khắc phục hậu quả đã quá hạn (MQĐ11)."
        )
    return [
        FieldSpec("code", "Biện pháp cưỡng chế", "select", True, hint, options),
        # Beside the measure: the warning when the case has no MBB09.
        *verification_fields(session, case, local_now().date()),
        *COERCE_FIELDS,
    ]


def _combined_refusal(ctx: Context, measure: str, day: date) -> str | None:
    """Why the combined decision `measure` (MQĐ12a-c) cannot be decided
    (None: it can): it coerces both a money measure and the remedial
    measures, so both must still be owed (the forms' Article 1 and 2; a
    combined paper once ordered a demolition the signer never chose)."""
    money = _money_refusal(ctx.session, ctx.case, day)
    remedial = remedial_refusal(ctx.session, ctx.case)
    if money is None and remedial is None:
        return None
    why = "; ".join(r[:1].lower() + r[1:] for r in (money, remedial) if r)
    if money is None:
        single = FORM_OF[COMBINED[measure]]
        instead = f"hãy chọn biện pháp thu tiền không kèm khắc phục ({single})"
    elif remedial is None:
        instead = (
            "chỉ còn có thể cưỡng chế buộc thực hiện biện pháp khắc phục hậu "
            "quả (MQĐ11)"
        )
    else:
        instead = ""
    return (
        f"Quyết định kết hợp ({FORM_OF[measure]}) chỉ ra được khi còn cả tiền "
        "phạt phải thu và biện pháp khắc phục hậu quả phải thực hiện (Điều 86 "
        f"Luật XLVPHC): {why}" + (f"; {instead}." if instead else ".")
    )


def _measure_refusal(ctx: Context, measure: str, on: date | None) -> str | None:
    """Why `measure` cannot be decided (None: it can), saying what is left
    to coerce instead, if anything."""
    day = on or ctx.today
    if measure in COMBINED:
        return _combined_refusal(ctx, measure, day)
    if measure == REMEDIAL:
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


explain_when_held("coerce", expired_refusal)


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
    deadline = deadline_of(ctx.session, ctx.case, measure)
    early = bool(on and deadline and on <= deadline)
    # A day refused or not typed counts to today, the last day the decision
    # may bear: what is owed only grows with the day (interest, instalments
    # falling due), so an amount above today's is above any valid day's
    # (user trial: a refused 20/09 named 7.500.000 đồng, no interest yet, and
    # then 7.700.000 đồng passed at today's 7.758.750 đồng).
    day_valid = bool(on and not early and "on" not in ctx.form.errors)
    until = on if day_valid else ctx.today
    can = coercible(ctx.session, ctx.case, until)
    left = can.due
    due = can.total
    if early:
        ctx.refuse(
            "on",
            f"Chỉ cưỡng chế sau khi hết thời hạn chấp hành "
            f"({deadline:%d/%m/%Y}, Điều 86 Luật XLVPHC).",
        )
    refusal = _measure_refusal(ctx, measure, on) if measure in FORM_OF else None
    if refusal:
        ctx.refuse("code", refusal)
    outside = check_verification(ctx, measure, on)
    if amount is not None and amount > due and day_valid:
        parts = f": {left.breakdown()}" if due and left.interest else ""
        ctx.refuse(
            "amount",
            f"Không quá số tiền còn phải nộp tính đến ngày {until:%d/%m/%Y} "
            f"({money(due)}{parts}).",
        )
    elif amount is not None and amount > due:
        # The cap is that of the decision's day, and no valid day is given:
        # no figure is named, as none would be the cap of the day the officer
        # then types (trial finding: today's figure under the day entered).
        ctx.refuse(
            "amount",
            "Số tiền vượt quá số còn phải nộp. Số tiền tối đa tính đến ngày "
            "quyết định cưỡng chế nên chỉ nêu được khi ngày đó hợp lệ: sửa "
            "ngày trước, hoặc để trống ô này để thu toàn bộ số còn phải nộp.",
        )
    paper = BOOK.read(ctx, on)
    if ctx.form.errors:
        return
    document = BOOK.issue(ctx, paper, on, FORM_OF[measure])
    details["decision_no"] = document
    details |= outside  # the MBB09 made outside the system, if so
    value = amount if amount is not None else due
    collects = bool(money_part(measure))  # not MQĐ11: it collects no money
    if collects and left.interest:
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
        "amount": value if collects else 0,
        "note": details.get("holder", ""),
    }
    ctx.details = compact(details)
    issued = as_issued(document, paper)
    ctx.summary = f"Quyết định cưỡng chế số {issued}: {dict(MEASURES)[measure]}"
    if collects:
        ctx.summary += f", số tiền {money(value)}"
        if left.interest:
            ctx.summary += f" (còn phải nộp: {left.breakdown()})"
    if outside:
        ctx.summary += "; biên bản xác minh tiền, tài sản (MBB09)"
        if outside.get(NUMBER_KEY):
            ctx.summary += f" số {outside[NUMBER_KEY]}"
        if outside.get(DAY_KEY):
            ctx.summary += f" ngày {outside[DAY_KEY]}"
        ctx.summary += " lập ngoài hệ thống"


def _coercion_details(ctx: Context, code: str) -> dict:
    """Who pays out the money and where it goes (MQĐ07, MQĐ08, MQĐ12a-c).

    Note (11)-(13) of MQĐ12a: the employer or paying body for a deduction
    from salary or income, the credit institution and account number for
    a deduction from an account, the holder for money or assets held by
    others (MQĐ10); note (20): the transfer period is at most 30 days. A
    combined decision (MQĐ12a-c) asks what its money measure asks, and the
    period and place of its remedial part (Article 2, notes (24), (26)).
    """
    form = ctx.form
    measure = money_part(code) if code in FORM_OF else code
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
        "remedial_period": days(
            form,
            "remedial_period",
            "thời gian thực hiện biện pháp khắc phục hậu quả",
            365,
        ),
        "remedial_place": form.text(
            "remedial_place",
            "địa điểm thực hiện biện pháp khắc phục hậu quả",
            COERCE_MAX["remedial_place"],
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
    for key in ("remedial_period", "remedial_place"):
        if details[key] and code not in COMBINED and key not in form.errors:
            ctx.refuse(
                key,
                "Chỉ ghi khi ra quyết định kết hợp (MQĐ12a, 12b, 12c); quyết "
                "định buộc khắc phục hậu quả (MQĐ11) ghi ở ô Thời gian thực "
                "hiện và Địa điểm thực hiện cưỡng chế.",
            )
    return details


def decide_coercion(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "coerce", data)
