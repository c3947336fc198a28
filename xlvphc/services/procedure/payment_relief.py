"""The decisions that let a violator pay later or in parts: instalments
(nộp tiền phạt nhiều lần, Law Art. 79, form MQĐ05) and postponement (hoãn
thi hành quyết định phạt tiền, Art. 76, form MQĐ03).

Both need hardship and a certified application, which the officer records.
The amounts and the postponement period of the current wording are not in
the project's legal texts (domain/relief.py): outside the known figures the
step is refused until the signer ticks that the conditions were checked by
hand, and the timeline says so. The instalment form suggests a plan over the
allowed six months; the postponement's end is left for the officer to set.
"""

from datetime import date, timedelta

from sqlmodel import Session, select

from xlvphc.domain.calendar import add_months
from xlvphc.domain.dates import fmt_date
from xlvphc.domain.deadlines import (
    PlanProblem,
    default_instalments,
    instalment_plan_problems,
)
from xlvphc.domain.money import format_number, format_vnd
from xlvphc.domain.relief import (
    AmountCheck,
    instalment_amount_check,
    postponement_amount_check,
    postponement_limit,
    postponement_problem,
    postponement_too_long,
)
from xlvphc.models import Case, Decision, Instalment
from xlvphc.models.base import local_now
from xlvphc.models.cases import CaseStatus, ViolatorKind
from xlvphc.services.access import Actor
from xlvphc.services.procedure.decision_numbers import DecisionBook, as_issued
from xlvphc.services.procedure.late_interest import instalments, running_interest
from xlvphc.services.procedure.payment import nothing_to_pay
from xlvphc.services.procedure.transitions import (
    Context,
    FieldSpec,
    handles,
    left_behind,
    money,
    outstanding,
    perform,
    step_count,
)

INSTALMENTS = DecisionBook(
    "MQĐ05", "instalments", "quyết định cho nộp tiền phạt nhiều lần"
)
POSTPONEMENT = DecisionBook(
    "MQĐ03", "postpone", "quyết định hoãn thi hành quyết định phạt tiền"
)


def _plan_refused(session: Session, case: Case, _today: date) -> str | None:
    if case.fine_total <= 0:
        return "Quyết định không có phạt tiền"
    if case.paid_total or instalments(session, case.id):
        return "Chỉ cho nộp nhiều lần trước khi nộp tiền và khi chưa có kế hoạch"
    return None


# The officer's answers to the conditions of Law Art. 76 and 79 k1 that the
# system cannot judge: the hardship and its certified application, and (the
# current wording not being in the project's texts, domain/relief.py) a
# manual check when the fine or the period falls outside the known figures.
# A postponement has one box per unverified rule, each naming its rule, so
# that the signer who confirms the fine does not also waive the period
# unknowingly (user trial: one box for a 500.000 đồng fine let a
# postponement of more than 03 months through without a word).
CONFIRM_79 = "Tôi đã kiểm tra điều kiện nộp tiền phạt nhiều lần theo Điều 79"
CONFIRM_76 = "Tôi đã kiểm tra điều kiện về mức phạt được hoãn thi hành theo Điều 76"
CONFIRM_76_PERIOD = (
    "Tôi đã kiểm tra thời gian hoãn dài hơn {months:02d} tháng theo Điều 76"
)
HARDSHIP_79 = (
    "Người bị phạt đang gặp khó khăn đặc biệt, đột xuất về kinh tế và có đơn "
    "đề nghị nộp tiền phạt nhiều lần đã được xác nhận"
)
HARDSHIP_76 = (
    "Người bị phạt đang gặp khó khăn đặc biệt, đột xuất về kinh tế (thiên tai, "
    "thảm họa, hỏa hoạn, dịch bệnh, bệnh hiểm nghèo, tai nạn) và có đơn đề "
    "nghị hoãn đã được xác nhận"
)
UNCHECKED_TEXT = (
    "Hệ thống chưa có văn bản {article} sửa đổi năm 2020 để đối chiếu: kiểm "
    "tra theo văn bản hiện hành, rồi đánh dấu ô «{confirm}» nếu vẫn {what}."
)


def _why_check(check: AmountCheck, is_org: bool) -> str:
    """The hint under the manual-check box (the refusal says the rest)."""
    if check.rule is None:
        return "Cần đánh dấu: hệ thống chưa có mức phạt tối thiểu áp dụng."
    return (
        f"Cần đánh dấu: mức phạt dưới {format_vnd(check.rule.floor(is_org))}, "
        f"mức tối thiểu theo {check.rule.basis}. Đối chiếu văn bản hiện hành "
        "trước khi đánh dấu."
    )


def _application_fields(kind: str) -> list[FieldSpec]:
    """The application (đơn đề nghị) the forms MQĐ03 and MQĐ05 cite."""
    return [
        FieldSpec(
            "application_on",
            "Ngày đơn đề nghị",
            "date",
            False,
            f"In vào mẫu {kind}",
            default="",
        ),
        FieldSpec(
            "certifier",
            "Cơ quan, tổ chức xác nhận đơn",
            "text",
            True,
            "UBND cấp xã, cơ quan, tổ chức nơi làm việc, học tập…",
        ),
    ]


def _read_application(ctx: Context, on: date | None, hardship: str) -> dict:
    """The application's date and certifier, and the hardship box: the law
    grants neither relief without hardship and a certified application."""
    applied = ctx.form.date("application_on", "ngày đơn đề nghị", not_after=ctx.today)
    if applied and on and applied > on and "application_on" not in ctx.form.errors:
        ctx.refuse(
            "application_on", "Ngày đơn đề nghị không thể sau ngày ra quyết định."
        )
    certifier = ctx.form.text("certifier", "cơ quan, tổ chức xác nhận đơn", 300, True)
    if not ctx.ticked("hardship"):
        ctx.refuse("hardship", hardship)
    return {"application_date": fmt_date(applied), "certifier": certifier}


def _plan_fields(session: Session, case: Case) -> list[FieldSpec]:
    """MQĐ05 with a suggested plan (domain.deadlines.default_instalments) and
    the manual check only when the fine is under the known floor."""
    today = local_now().date()
    decision = session.exec(select(Decision).where(Decision.case_id == case.id)).first()
    effective = decision.decided_on if decision else today
    plan = default_instalments(outstanding(case), effective, today)
    last = add_months(effective, 6)
    specs = [
        FieldSpec("on", "Ngày quyết định cho nộp nhiều lần", "date", True),
        INSTALMENTS.field("Số quyết định (MQĐ05)"),
        *_application_fields("MQĐ05"),
    ]
    for n in (1, 2, 3):
        amount, due = plan[n - 1] if n <= len(plan) else (None, None)
        hint = "Tối thiểu 40% tổng số tiền phạt" if n == 1 else ""
        specs += [
            FieldSpec(
                f"amount_{n}",
                f"Lần {n}: số tiền (đồng)",
                "money",
                n < 3,
                hint,
                default=format_number(amount) if amount else "",
            ),
            FieldSpec(
                f"due_{n}",
                f"Lần {n}: hạn nộp",
                "date",
                n < 3,
                f"Chậm nhất ngày {last:%d/%m/%Y} (06 tháng, Điều 79)" if n == 1 else "",
                default=fmt_date(due),
            ),
        ]
    specs.append(FieldSpec("hardship", HARDSHIP_79, "checkbox", True))
    is_org = case.violator_kind == ViolatorKind.ORGANISATION
    check = instalment_amount_check(case.fine_total, is_org, today)
    if check.needs_confirmation:
        specs.append(
            FieldSpec(
                "conditions_checked",
                CONFIRM_79,
                "checkbox",
                False,
                _why_check(check, is_org),
            )
        )
    return specs


@handles("instalments", _plan_fields, guard=_plan_refused)
def _instalments(ctx: Context) -> None:
    on = ctx.day("on", "ngày quyết định")
    paper = INSTALMENTS.read(ctx, on)
    application = _read_application(
        ctx,
        on,
        "Chỉ cho nộp tiền phạt nhiều lần khi người bị phạt gặp khó khăn đặc biệt, "
        "đột xuất về kinh tế và có đơn đề nghị được xác nhận (khoản 1 Điều 79 "
        "Luật XLVPHC).",
    )
    # One row per instalment typed (the third only when its amount is);
    # None where the figure is missing or mistyped (its field says so).
    amounts: list[int | None] = []
    dues: list[date | None] = []
    for n in (1, 2, 3):
        amount = ctx.form.amount(f"amount_{n}", "số tiền")
        due = ctx.form.date(f"due_{n}", "hạn nộp", required=n < 3 or amount is not None)
        if n < 3 and amount is None and f"amount_{n}" not in ctx.form.errors:
            ctx.refuse(f"amount_{n}", "Vui lòng nhập số tiền.")
        if n < 3 or amount is not None or f"amount_{n}" in ctx.form.errors:
            amounts.append(amount)
            dues.append(due)

    # Art. 79 k1: the fine's floor, in the wording of the decision's day; an
    # unverified figure only asks for the signer's check (domain/relief.py).
    check = instalment_amount_check(ctx.case.fine_total, ctx.is_org, on or ctx.today)
    confirmed = check.needs_confirmation and ctx.ticked("conditions_checked")
    if check.needs_confirmation and not confirmed:
        ctx.refuse(
            "conditions_checked",
            f"{check.message}. "
            + UNCHECKED_TEXT.format(
                article="Điều 79", confirm=CONFIRM_79, what="cho nộp nhiều lần"
            ),
        )

    # Art. 79 and MQĐ05: ≤ 6 months from the decision's effect, ≤ 3, first
    # ≥ 40%; each fault at the instalment it concerns, in this same submit
    # even when another instalment is mistyped (_plan_faults).
    problems = _plan_faults(
        outstanding(ctx.case), amounts, dues, ctx.decision.decided_on
    )
    for problem in problems:
        key = f"{problem.part}_{min(problem.position, 3)}"
        if key in ctx.form.errors:
            ctx.form.errors[key] += f" {problem.message}."
        else:
            ctx.refuse(key, f"{problem.message}.")
    if ctx.form.errors:
        return
    # Every figure was read cleanly (none missing without an error above).
    sums = [a for a in amounts if a is not None]
    days = [d for d in dues if d is not None]
    document = INSTALMENTS.issue(ctx, paper, on)
    for n, (amount, due) in enumerate(zip(sums, days, strict=True), start=1):
        ctx.session.add(
            Instalment(case_id=ctx.case.id, position=n, amount=amount, due_on=due)
        )
    ctx.case.status = CaseStatus.EXECUTING
    ctx.case.compliance_due = days[0]
    ctx.record = {
        "on": on,
        "document": document,
        "until": days[-1],
        "amount": sum(sums),
        "note": application["certifier"],
    }
    plan = "; ".join(
        f"lần {n}: {money(a)} hạn {d:%d/%m/%Y}"
        for n, (a, d) in enumerate(zip(sums, days, strict=True), 1)
    )
    ctx.summary = (
        f"Cho nộp tiền phạt nhiều lần theo QĐ {as_issued(document, paper)}: "
        f"{plan}; "
        f"{_application_text(application)}"
    )
    ctx.details = _relief_details(application, HARDSHIP_79)
    if confirmed:
        # Not in brackets: the message ends with its basis in brackets, which
        # itself ends "(sửa đổi, bổ sung năm 2020)" (the case page showed
        # "năm 2020)))", user trial 5 Dec 2026).
        reason = check.message[:1].lower() + check.message[1:]
        ctx.summary += (
            "; người ký xác nhận đã kiểm tra điều kiện Điều 79 theo văn bản "
            f"hiện hành: {reason}"
        )
        ctx.details["conditions_checked"] = check.message


def _plan_faults(
    total: int, amounts: list[int | None], dues: list[date | None], effective: date
) -> list[PlanProblem]:
    """The plan's faults (domain `instalment_plan_problems`) that the figures
    typed already show, though some instalment is missing or mistyped: user
    trial, a mistyped 31/02 hid four faults (first under 40 %, a due date
    before the decision, the sum, over 06 months) until the next submit.

    The amounts and the dates are judged apart, each against stand-ins for
    the other that break no rule; an unknown figure gets a stand-in that
    breaks no rule either (a date: the one before it; an amount: what is
    left of the fine), and no fault is ever placed on it. The sum is judged
    only when every amount is known."""
    count = len(amounts)
    known_dues: list[date] = []
    for due in dues:
        known_dues.append(due or (known_dues[-1] if known_dues else effective))
    faults = [
        p
        for p in instalment_plan_problems(total, [total] * count, known_dues, effective)
        if p.part == "due" and dues[min(p.position, count) - 1] is not None
    ]
    unknown = [n for n, amount in enumerate(amounts) if amount is None]
    left = total - sum(a for a in amounts if a is not None) - (len(unknown) - 1)
    if unknown and left < 1:
        return faults  # too much typed already: the sum waits for every amount
    filled = [a if a is not None else 1 for a in amounts]
    if unknown:
        filled[unknown[0]] = left
    faults += [
        p
        for p in instalment_plan_problems(total, filled, [effective] * count, effective)
        if p.part == "amount" and amounts[min(p.position, count) - 1] is not None
    ]
    return faults


def _application_text(application: dict) -> str:
    when = application["application_date"]
    return (
        f"đơn đề nghị{' ngày ' + when if when else ''} được "
        f"{application['certifier']} xác nhận"
    )


def _relief_details(application: dict, hardship: str) -> dict:
    """What the step keeps for its form and the case page (StepDetail)."""
    return {k: v for k, v in {**application, "hardship": hardship}.items() if v}


def _part_paid(session: Session, case: Case) -> bool:
    """Part of the fine paid, the rest owed: the stage is "executing", which
    neither relief is recorded in (the table's stages, transitions.py)."""
    return (
        case.status == CaseStatus.EXECUTING
        and case.paid_total > 0
        and outstanding(case) > 0
    )


# Why the reliefs are gone after a part payment. The law as the project
# holds it (docs: domain.md §1.7) grants both on the fine a decision
# imposes, and says nothing of granting them on what is left after a part
# payment: MQĐ05 splits the fine's total (its first instalment at least
# 40 %) and MQĐ03 postpones the decision's execution. Silent, the law is not
# stretched; the panel says why instead (user trial: the steps vanished).
PART_PAID = (
    "đã nộp {paid} tiền phạt, còn phải nộp {rest}. {article} không quy định "
    "{what} phần tiền phạt còn lại sau khi đã nộp một phần, nên hệ thống chỉ "
    "ghi nhận quyết định này trước lần nộp tiền phạt đầu tiên"
)


def _instalments_left(session: Session, case: Case, _today: date) -> str | None:
    if not _part_paid(session, case) or instalments(session, case.id):
        return None
    return PART_PAID.format(
        paid=money(case.paid_total),
        rest=money(outstanding(case)),
        article="Điều 79 Luật XLVPHC và mẫu MQĐ05 (lần nộp thứ nhất tối thiểu "
        "40% tổng số tiền phạt)",
        what="cho nộp nhiều lần",
    )


def _postponement_left(session: Session, case: Case, _today: date) -> str | None:
    if not _part_paid(session, case) or step_count(session, case.id, "postpone"):
        return None
    return PART_PAID.format(
        paid=money(case.paid_total),
        rest=money(outstanding(case)),
        article="Điều 76 Luật XLVPHC",
        what="hoãn thi hành",
    )


left_behind("instalments", _instalments_left)
left_behind("postpone", _postponement_left)


def _postpone_refused(session: Session, case: Case, _today: date) -> str | None:
    if step_count(session, case.id, "postpone"):
        return "Quyết định đã được hoãn một lần"
    return nothing_to_pay(session, case, _today)


def _postpone_fields(session: Session, case: Case) -> list[FieldSpec]:
    """MQĐ03: the end is left empty (the officer decides it) with the last
    day the known period allows; each manual check (the fine, the period)
    has its own box, whose note says when it is due."""
    today = local_now().date()
    found = postponement_limit(today)
    # The period is the 2012 wording's (domain/relief.py): said as such, so
    # that an officer does not read "năm 2012" as the law applied today.
    hint = (
        f"Tối đa {found[1].months:02d} tháng kể từ ngày quyết định hoãn (quyết "
        f"định hôm nay: đến hết ngày {found[0]:%d/%m/%Y}), theo {found[1].basis}"
        "; chưa đối chiếu được với bản sửa đổi, bổ sung năm 2020: hoãn dài hơn "
        "thì đánh dấu ô «Tôi đã kiểm tra thời gian hoãn…» bên dưới."
        if found
        else "Ngày cuối cùng của thời gian hoãn"
    )
    specs = [
        FieldSpec("on", "Ngày quyết định hoãn", "date", True),
        FieldSpec("until", "Hoãn đến ngày", "date", True, hint, default=""),
        *_application_fields("MQĐ03"),
        POSTPONEMENT.field("Số quyết định (MQĐ03)"),
        FieldSpec("hardship", HARDSHIP_76, "checkbox", True),
    ]
    # The fine's box when the fine is under the known floor on any day the
    # decision may bear (from the sanction decision to today).
    is_org = case.violator_kind == ViolatorKind.ORGANISATION
    decision = session.exec(select(Decision).where(Decision.case_id == case.id)).first()
    days = [today] + ([decision.decided_on] if decision else [])
    checks = [postponement_amount_check(case.fine_total, is_org, day) for day in days]
    needed = [check for check in checks if check.needs_confirmation]
    if needed:
        specs.append(
            FieldSpec(
                "conditions_checked",
                CONFIRM_76,
                "checkbox",
                False,
                _why_check(needed[0], is_org),
            )
        )
    # The period's box, which only an end past the known period needs.
    if found:
        specs.append(
            FieldSpec(
                "period_checked",
                CONFIRM_76_PERIOD.format(months=found[1].months),
                "checkbox",
                False,
                f"Chỉ cần khi hoãn quá {found[1].months:02d} tháng kể từ ngày "
                f"quyết định hoãn ({found[1].basis}). Đối chiếu văn bản hiện hành "
                "trước khi đánh dấu.",
            )
        )
    return specs


@handles("postpone", _postpone_fields, guard=_postpone_refused)
def _postpone(ctx: Context) -> None:
    on = ctx.day("on", "ngày quyết định hoãn")
    until = ctx.form.date("until", "ngày hết hoãn", required=True)
    application = _read_application(
        ctx,
        on,
        "Chỉ hoãn khi người bị phạt gặp khó khăn đặc biệt, đột xuất về kinh tế và "
        "có đơn đề nghị được xác nhận (khoản 1 Điều 76 Luật XLVPHC).",
    )
    paper = POSTPONEMENT.read(ctx, on)
    checked: list[str] = []  # each rule the signer waived, for the timeline

    # Art. 76 k1: the fine's floor; unverified figures ask for a manual check
    # in the fine's own box.
    check = postponement_amount_check(ctx.case.fine_total, ctx.is_org, on or ctx.today)
    if check.needs_confirmation:
        if ctx.ticked("conditions_checked"):
            checked.append(f"mức phạt: {check.message}")
        else:
            how = UNCHECKED_TEXT.format(
                article="Điều 76", confirm=CONFIRM_76, what="hoãn"
            )
            ctx.refuse("conditions_checked", f"{check.message}. {how}")

    # Art. 76: the period, from the postponement decision; an end past the
    # known period asks for the period's own box, never the fine's.
    problem = postponement_problem(on, until) if on and until else None
    if problem and "until" not in ctx.form.errors:
        found = postponement_limit(on)
        if not postponement_too_long(on, until) or found is None:
            ctx.refuse("until", problem)
        elif ctx.ticked("period_checked"):
            checked.append(f"thời gian hoãn: {problem.rstrip('.')}")
        else:
            confirm = CONFIRM_76_PERIOD.format(months=found[1].months)
            how = UNCHECKED_TEXT.format(
                article="Điều 76", confirm=confirm, what="hoãn đến ngày này"
            )
            ctx.refuse("until", f"{problem} {how}")
    if ctx.form.errors:
        return
    document = POSTPONEMENT.issue(ctx, paper, on)
    late = _fix_interest_before(ctx, on)
    ctx.case.status = CaseStatus.POSTPONED
    ctx.case.compliance_due = until
    ctx.record = {
        "on": on,
        "until": until,
        "document": document,
        "note": application["certifier"],
    }
    ctx.summary = (
        f"Hoãn thi hành quyết định phạt tiền đến ngày {until:%d/%m/%Y} "
        f"theo QĐ {as_issued(document, paper)}; {_application_text(application)}"
    )
    ctx.details = _relief_details(application, HARDSHIP_76)
    if checked:
        ctx.summary += (
            "; người ký xác nhận đã kiểm tra theo văn bản hiện hành điều kiện "
            "Điều 76 về " + "; về ".join(checked)
        )
        ctx.details["conditions_checked"] = "; ".join(checked)
    if late:
        ctx.summary += (
            f"; tiền chậm nộp đến ngày {on - timedelta(days=1):%d/%m/%Y} "
            f"({format_vnd(late)}) vẫn phải nộp"
        )


def _fix_interest_before(ctx: Context, on: date) -> int:
    """A postponement decided after the deadline does not undo the days
    already late: each of them owes its 0,05 % (Art. 78 k1), and Art. 76
    postpones what is still to be executed, not what is past (NĐ 118/2021
    Art. 20 k4 excuses only the time spent deciding reduction, exemption or
    instalments). The interest run up to the day before the decision is
    fixed, as a closing fixes it; moving the deadline would erase it."""
    fixed = running_interest(ctx.session, ctx.case, on - timedelta(days=1))
    ctx.case.surcharge_total += fixed
    return fixed


def plan_instalments(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "instalments", data)


def postpone(actor: Actor, case_id: object, data: object) -> str:
    return perform(actor, case_id, "postpone", data)
