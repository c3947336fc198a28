"""Procedural deadlines from detection to execution of a sanction.

Each function returns a plain date, amount or message; the calendar rules
are in `xlvphc.domain.calendar`.
"""

from collections.abc import Sequence
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


# Luật XLVPHC Điều 76: a postponement lasts at most 03 months from the
# postponement decision (2012 text, THUVIEN76 in domain.md §1.7).
# TODO: confirm the period in the 2020 wording of Điều 76 (Luật 67/2020). That
# wording is not among the project's legal texts: Luật 88/2025 Điều 1 k28
# điểm e only renames the medical facility in Điều 76 k1 điểm b, and form
# MQĐ03 ("sửa đổi, bổ sung năm 2020") records a from/to period without a
# maximum. Until then the 2012 maximum is applied.
POSTPONEMENT_MONTHS = 3


def postponement_eligible(fine: int, is_org: bool) -> bool:
    """Tell whether a fine is large enough to ask for postponement.

    Luật XLVPHC Điều 76 k1 as amended by Luật 67/2020 (LAWNET76, secondary;
    the 2020 text is not among the project's legal texts): a fine of at
    least 2.000.000 đồng for an individual or 100.000.000 đồng for an
    organisation; hardship must also be certified (form MQĐ03: "được …
    xác nhận"), which is not judged here.

    Args:
        fine: The total fine in the decision.
        is_org: The violator is an organisation.

    Returns:
        True when the amount condition is met.
    """
    return fine >= (100_000_000 if is_org else 2_000_000)


def postponement_problem(decided_on: date, until: date) -> str | None:
    """Check the period of a postponement decision (form MQĐ03, Điều 1 k2).

    Luật XLVPHC Điều 76: the postponement runs from its decision for at most
    `POSTPONEMENT_MONTHS` months (see the TODO there on the source).

    Args:
        decided_on: Day the postponement was decided.
        until: Last day of the postponement, as entered.

    Returns:
        A Vietnamese message for the "until" field, or None when it fits.
    """
    last = add_months(decided_on, POSTPONEMENT_MONTHS)
    if until <= decided_on:
        return "Ngày hết hoãn phải sau ngày quyết định hoãn."
    if until > last:
        return (
            f"Thời gian hoãn không quá {POSTPONEMENT_MONTHS:02d} tháng (đến ngày "
            f"{last:%d/%m/%Y}, Điều 76 Luật Xử lý vi phạm hành chính)."
        )
    return None


# TODO: the minimum fine for paying in instalments (Luật XLVPHC Điều 79 k1)
# is known only in its 2012 wording (20.000.000 đồng for an individual,
# 200.000.000 đồng for an organisation; PLO79 in domain.md §1.7), which Luật
# 67/2020 rewrote; the 2020 wording is not among the project's legal texts
# and form MQĐ05 states no amount. Refusing on the 2012 figure could refuse
# a lawful plan, so the amount is left to the officer until the text is
# obtained; the plan itself (MQĐ05 notes 8-10) is checked here.
def check_instalments(
    total: int, amounts: list[int], due_dates: list[date], effective_on: date
) -> list[str]:
    """Validate an instalment plan (nộp tiền phạt nhiều lần).

    Luật XLVPHC Điều 79 and form MQĐ05 notes (8)-(10): at most 06 months
    from the day the sanction decision takes effect, at most 03 instalments,
    the first at least 40% of the total. Who may pay in instalments (a
    minimum fine and certified hardship, Điều 79 k1) is not checked: see the
    TODO above `check_instalments`.

    Args:
        total: The fine to be paid in instalments.
        amounts: Amount of each instalment, in order.
        due_dates: Due date of each instalment, in order.
        effective_on: Day the sanction decision took effect.

    Returns:
        Vietnamese error messages; empty when the plan is valid.
    """
    errors: list[str] = []
    if not amounts or len(amounts) != len(due_dates):
        return ["Mỗi lần nộp phải có số tiền và hạn nộp"]
    if len(amounts) < 2:
        errors.append("Nộp tiền phạt nhiều lần phải có ít nhất 02 lần (mẫu MQĐ05)")
    if len(amounts) > 3:
        errors.append("Nộp tiền phạt nhiều lần không được quá 03 lần (Điều 79)")
    if any(a <= 0 for a in amounts):
        errors.append("Số tiền mỗi lần nộp phải lớn hơn 0")
    if sum(amounts) != total:
        errors.append(
            f"Tổng các lần nộp ({format_vnd(sum(amounts))}) phải bằng số tiền "
            f"phạt ({format_vnd(total)})"
        )
    # 40% checked in integers: amounts[0] / total >= 40 / 100.
    if amounts[0] * 100 < total * 40:
        errors.append(
            "Số tiền nộp lần thứ nhất phải tối thiểu bằng 40% tổng số tiền phạt "
            f"({format_vnd(-(-total * 40 // 100))}) (Điều 79)"
        )
    last_day = add_months(effective_on, 6)
    if max(due_dates) > last_day:
        errors.append(
            "Thời hạn nộp tiền phạt nhiều lần không được quá 06 tháng kể từ ngày "
            f"quyết định xử phạt có hiệu lực (chậm nhất ngày {last_day:%d/%m/%Y})"
        )
    if any(d < effective_on for d in due_dates) or due_dates != sorted(due_dates):
        errors.append(
            "Hạn nộp các lần phải theo thứ tự và không trước ngày quyết định "
            "có hiệu lực"
        )
    return errors
