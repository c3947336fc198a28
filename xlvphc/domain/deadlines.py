"""Procedural deadlines from detection to execution of a sanction.

Each function returns a plain date, amount or message; the calendar rules
are in `xlvphc.domain.calendar`.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from xlvphc.domain.calendar import add_months, add_working_days
from xlvphc.domain.money import format_vnd


class RecordCase(StrEnum):
    """Kinds of case for the violation-record deadline (NĐ 118 Điều 12 k2)."""

    NORMAL = "normal"  # điểm a: 02 working days from detection
    COMPLEX = "complex"  # điểm b: 05 working days from detection
    TECHNICAL = "technical"  # điểm c: 03 working days from identification/results
    VESSEL = "vessel"  # điểm d: 02 working days after arrival


_RECORD_DAYS = {
    RecordCase.NORMAL: 2,
    RecordCase.COMPLEX: 5,
    RecordCase.TECHNICAL: 3,
    RecordCase.VESSEL: 2,
}


class DecisionCase(StrEnum):
    """Kinds of case for the decision deadline (Luật XLVPHC Điều 66 k1)."""

    NORMAL = "normal"  # 07 working days from the record
    TRANSFERRED = "transferred"  # 10 working days when the file is transferred
    EXPLANATION = "explanation"  # 01 month with explanation or verification
    EXTENDED = "extended"  # 02 months: especially serious or complex, extended


def record_deadline(trigger: date, case: RecordCase = RecordCase.NORMAL) -> date:
    """Return the last day to make the violation record.

    NĐ 118/2021 Điều 12 k2: 02 working days from detection (a); 05 for
    complex or wide cases (b); 03 from identifying the violator by technical
    devices or receiving valuation or test results (c); 02 after a ship,
    aircraft or train reaches port or station (d). Luật Điều 58 k1 (Luật
    88/2025) additionally requires the record "kịp thời".

    Args:
        trigger: Detection day, or the day named in điểm c or d.
        case: Which of điểm a-d applies.

    Returns:
        The last day, inclusive.
    """
    return add_working_days(trigger, _RECORD_DAYS[RecordCase(case)])


def explanation_deadline(record_date: date, oral: bool) -> date:
    """Return the last day for the violator to ask for explanation.

    Form MBB01 item 10 (NĐ 118/2021 Phụ lục), Luật Điều 61: 02 working days
    to ask for an oral hearing, 05 working days to send a written one.

    Args:
        record_date: Day the violation record was made.
        oral: An oral hearing (True) or a written explanation (False).

    Returns:
        The last day, inclusive.
    """
    return add_working_days(record_date, 2 if oral else 5)


def explanation_applies(frame_max: int, is_org: bool, deprivation: bool) -> bool:
    """Tell whether the violator has the right to explanation.

    Luật XLVPHC Điều 61 k1 (as summarised in SCT-REF00, not read in the
    text): a frame maximum of at least 15.000.000 đồng for an individual or
    30.000.000 đồng for an organisation, or a licence deprivation or
    suspension of activity.

    Args:
        frame_max: Maximum of the act's frame for this violator (doubled
            already for an organisation).
        is_org: The violator is an organisation.
        deprivation: Deprivation of a licence or suspension is considered.

    Returns:
        True when MBB01 item 10 must be filled in.
    """
    return deprivation or frame_max >= (30_000_000 if is_org else 15_000_000)


def decision_deadline(
    record_date: date, case: DecisionCase = DecisionCase.NORMAL
) -> date:
    """Return the last day to issue the sanction decision.

    Luật XLVPHC Điều 66 k1 (2020 text, not changed by Luật 88/2025): 07
    working days from the record; 10 working days when the file must go to
    a competent person; 01 month with explanation or verification (Điều 59);
    02 months when that case is especially serious or complex and extended.

    Args:
        record_date: Day the violation record was made.
        case: Which situation applies.

    Returns:
        The last day, inclusive. Past it no decision may be issued, though
        remedial measures still can (Điều 66 k2).
    """
    case = DecisionCase(case)
    if case is DecisionCase.NORMAL:
        return add_working_days(record_date, 7)
    if case is DecisionCase.TRANSFERRED:
        return add_working_days(record_date, 10)
    if case is DecisionCase.EXPLANATION:
        return add_months(record_date, 1)
    return add_months(record_date, 2)


def send_decision_deadline(decided_on: date) -> date:
    """Return the last day to send the decision to the violator and others.

    Luật XLVPHC Điều 70 k1 as amended by Luật 88/2025 Điều 1 k14: within 03
    working days of the decision.

    Args:
        decided_on: Day the decision was signed.

    Returns:
        The last day, inclusive.
    """
    return add_working_days(decided_on, 3)


def licence_notice_deadline(decided_on: date) -> date:
    """Return the last day to tell the licensing body of a deprivation.

    NĐ 118/2021 Điều 9 k5: within 02 working days of a decision that
    deprives the violator of a licence or practising certificate.

    Args:
        decided_on: Day the decision was signed.

    Returns:
        The last day, inclusive.
    """
    return add_working_days(decided_on, 2)


def seizure_end(seized_on: date, days: int | None) -> date | None:
    """Return "đến ngày" of a seizure decision (MQĐ20 item 4).

    Luật XLVPHC Điều 125 counts the seizure period in working days, so the
    period the decision states is counted on the working-day calendar, the
    seizure day itself not counted (Bộ luật Dân sự 2015 Điều 147): 07
    working days from Saturday 05/12/2026 end on Tuesday 15/12/2026.

    Args:
        seized_on: Day of the seizure.
        days: The period the decision states, in working days; None or 0
            when none was recorded.

    Returns:
        The last day, inclusive; None without a period (the form leaves it
        to the pen: no period is assumed).
    """
    return add_working_days(seized_on, days) if days else None


def seizure_ceiling(record_date: date) -> date:
    """Return the latest end of a seizure period.

    NĐ 118/2021 Phụ lục, Mẫu quyết định số 20, note (9): the period is "không
    quá 02 tháng, kể từ ngày lập biên bản vi phạm hành chính"; a period in
    months ends on the same day of the last month (Bộ luật Dân sự 2015 Điều
    148).

    Args:
        record_date: Day the violation record was made (the seizure day when
            the case has none, e.g. a decision on the spot).

    Returns:
        The last day a seizure decision may run to, inclusive.
    """
    return add_months(record_date, 2)


def compliance_deadline(received_on: date, days: int = 10) -> date:
    """Return the last day to comply with (and pay) the decision.

    Luật XLVPHC Điều 73 k1: within 10 days of receiving the decision, or a
    longer period stated in it. Calendar days, counted from the day after
    receipt; this function does not move a deadline that falls on a day
    off (see `calendar.next_working_day_if_off` if the office applies
    Bộ luật Dân sự 2015 Điều 148 k5).

    Args:
        received_on: Day the violator received the decision.
        days: Period stated in the decision; at least 10.

    Returns:
        The last day, inclusive.
    """
    return received_on + timedelta(days=max(days, 10))


def days_late(deadline: date, paid_on: date, excluded_days: int = 0) -> int:
    """Count the days of late payment.

    Luật XLVPHC Điều 78 k1; NĐ 118/2021 Điều 20 k4: days spent deciding on
    postponement, reduction, exemption or instalments are not counted.

    Args:
        deadline: Last day to pay (from `compliance_deadline`).
        paid_on: Day the fine was paid (or today, for an unpaid fine).
        excluded_days: Days not counted as late.

    Returns:
        Number of late days, never negative.
    """
    return max((paid_on - deadline).days - max(excluded_days, 0), 0)


def late_surcharge(amount: int, days_late: int) -> int:
    """Return the surcharge for paying a fine late.

    Luật XLVPHC Điều 78 k1: 0,05% of the unpaid fine for each day late.
    Rounded half up to a whole đồng (the đồng has no subunit in use).

    Args:
        amount: The unpaid fine.
        days_late: From `days_late`.

    Returns:
        The surcharge in đồng.
    """
    if amount <= 0 or days_late <= 0:
        return 0
    value = Decimal(amount) * Decimal("0.0005") * days_late
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def execution_limitation_end(decided_on: date) -> date:
    """Return the last day a sanction decision may be executed.

    Luật XLVPHC Điều 74 k1: 01 year from the decision (article text not in
    the material; known from SCT-REF00). An evading violator's period runs
    from the end of the evasion; callers pass that date instead.

    Args:
        decided_on: Day the decision was signed (or evasion ended).

    Returns:
        The last day, inclusive.
    """
    return add_months(decided_on, 12)


def execution_limitation_after_changes(
    decided_on: date, changed_on: Sequence[date] = ()
) -> date:
    """Return the last day a decision may be executed once it was corrected,
    amended or partly cancelled.

    NĐ 118/2021 Điều 16 k3: 01 year from the correcting or amending decision
    (điểm a); 02 years from the decision that was corrected when that had to
    be done more than once (điểm b). Without any change, Luật XLVPHC Điều 74
    k1 (`execution_limitation_end`).

    Args:
        decided_on: Day the sanction decision was signed.
        changed_on: Days of the correcting or amending decisions.

    Returns:
        The last day, inclusive.
    """
    if not changed_on:
        return execution_limitation_end(decided_on)
    if len(changed_on) == 1:
        return add_months(changed_on[0], 12)
    return add_months(decided_on, 24)


@dataclass(frozen=True)
class PlanProblem:
    """One fault of an instalment plan, placed on the instalment it is about.

    Attributes:
        part: "amount" or "due": which input of that instalment is wrong.
        position: The instalment, from 1.
        message: Vietnamese explanation.
    """

    part: str
    position: int
    message: str


def instalment_plan_problems(
    total: int, amounts: list[int], due_dates: list[date], effective_on: date
) -> list[PlanProblem]:
    """Validate an instalment plan (nộp tiền phạt nhiều lần), fault by fault.

    Luật XLVPHC Điều 79 and form MQĐ05 notes (8)-(10): at most 06 months
    from the day the sanction decision takes effect, at most 03 instalments,
    the first at least 40% of the total. Who may pay in instalments (a
    minimum fine, hardship and an application, Điều 79 k1) is judged by
    `xlvphc.domain.relief.instalment_amount_check`.

    Args:
        total: The fine to be paid in instalments.
        amounts: Amount of each instalment, in order.
        due_dates: Due date of each instalment, in order.
        effective_on: Day the sanction decision took effect.

    Returns:
        The faults, each on the instalment it concerns; empty when valid.
    """
    if not amounts or len(amounts) != len(due_dates):
        return [PlanProblem("amount", 1, "Mỗi lần nộp phải có số tiền và hạn nộp")]
    problems: list[PlanProblem] = []
    count = len(amounts)
    if count < 2:
        problems.append(
            PlanProblem(
                "amount",
                2,
                "Nộp tiền phạt nhiều lần phải có ít nhất 02 lần (mẫu MQĐ05)",
            )
        )
    if count > 3:
        problems.append(
            PlanProblem(
                "amount", 4, "Nộp tiền phạt nhiều lần không được quá 03 lần (Điều 79)"
            )
        )
    for n, amount in enumerate(amounts, start=1):
        if amount <= 0:
            problems.append(
                PlanProblem("amount", n, "Số tiền mỗi lần nộp phải lớn hơn 0")
            )
            break
    # 40% checked in integers: amounts[0] / total >= 40 / 100.
    if amounts[0] * 100 < total * 40:
        problems.append(
            PlanProblem(
                "amount",
                1,
                "Số tiền nộp lần thứ nhất phải tối thiểu bằng 40% tổng số tiền "
                f"phạt ({format_vnd(-(-total * 40 // 100))}) (Điều 79)",
            )
        )
    if sum(amounts) != total:
        problems.append(
            PlanProblem(
                "amount",
                count,
                f"Tổng các lần nộp ({format_vnd(sum(amounts))}) phải bằng số tiền "
                f"phạt ({format_vnd(total)})",
            )
        )
    last_day = add_months(effective_on, 6)
    late = next((n for n, d in enumerate(due_dates, 1) if d > last_day), None)
    if late:
        problems.append(
            PlanProblem(
                "due",
                late,
                "Thời hạn nộp tiền phạt nhiều lần không được quá 06 tháng kể từ "
                "ngày quyết định xử phạt có hiệu lực (chậm nhất ngày "
                f"{last_day:%d/%m/%Y})",
            )
        )
    early = next(
        (
            n
            for n, d in enumerate(due_dates, 1)
            if d < effective_on or (n > 1 and d < due_dates[n - 2])
        ),
        None,
    )
    if early:
        problems.append(
            PlanProblem(
                "due",
                early,
                "Hạn nộp các lần phải theo thứ tự và không trước ngày quyết định "
                "có hiệu lực",
            )
        )
    return problems


def check_instalments(
    total: int, amounts: list[int], due_dates: list[date], effective_on: date
) -> list[str]:
    """Validate an instalment plan; the messages of
    `instalment_plan_problems` (Luật XLVPHC Điều 79; form MQĐ05).

    Args:
        total: The fine to be paid in instalments.
        amounts: Amount of each instalment, in order.
        due_dates: Due date of each instalment, in order.
        effective_on: Day the sanction decision took effect.

    Returns:
        Vietnamese error messages; empty when the plan is valid.
    """
    return [
        p.message
        for p in instalment_plan_problems(total, amounts, due_dates, effective_on)
    ]


def default_instalments(
    total: int, effective_on: date, today: date
) -> list[tuple[int, date]]:
    """Suggest a plan for the MQĐ05 form, for the officer to adjust.

    Three instalments spread evenly over what is left of the 06 months of
    Luật XLVPHC Điều 79 (from the later of `today` and `effective_on`), the
    last on the last allowed day; the first 40% of the fine rounded up to a
    thousand đồng (MQĐ05 note 9), the rest in two near-equal parts. Two
    instalments when the fine is too small to split in three.

    Args:
        total: The fine still to pay.
        effective_on: Day the sanction decision took effect.
        today: Today, so that no suggested date is in the past.

    Returns:
        (amount, due date) per instalment; empty when the period is over
        or nothing is owed.
    """
    last = add_months(effective_on, 6)
    start = max(today, effective_on)
    span = (last - start).days
    if total <= 0 or span < 3:
        return []
    first = min(-(-total * 40 // 100_000) * 1000, total)
    rest = total - first
    second = rest // 2 // 1000 * 1000
    amounts = [first, second, rest - second]
    if rest <= 0:
        return []
    if second <= 0:
        amounts = [first, rest]
    count = len(amounts)
    dues = [start + timedelta(days=span * n // count) for n in range(1, count)]
    return list(zip(amounts, [*dues, last], strict=True))
