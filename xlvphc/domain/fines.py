"""Fine frames and the concrete fine for one act.

Sources: Luật XLVPHC Điều 23 k4 (the fine is the average of the frame),
Điều 24 k2 and Điều 52 k1 as amended by Luật 88/2025/QH15 (organisation = 2 ×
individual), Nghị định 118/2021/NĐ-CP Điều 9 k1 as rewritten by Nghị định
68/2025/NĐ-CP (mitigating and aggravating factors), Điều 56 as amended by Luật
88/2025/QH15 (sanction without a record).
"""

from dataclasses import dataclass
from datetime import date

from xlvphc.domain.money import format_vnd

# Luật 88/2025/QH15 Điều 2 k1: in force from 01/7/2025.
LAW_88_IN_FORCE = date(2025, 7, 1)
FINE_RULE = "Điều 9 Nghị định 118/2021/NĐ-CP, sửa đổi bởi Nghị định 68/2025/NĐ-CP"


@dataclass(frozen=True)
class FineAdvice:
    """The fine allowed for one act, given its circumstances.

    Attributes:
        low: Lower bound of the allowed amount.
        high: Upper bound of the allowed amount.
        strict: True when `low` and `high` themselves are excluded (one net
            factor: "cao hơn ... và thấp hơn ...").
        suggested: A value inside the allowed range to pre-fill the form.
        net: Aggravating minus mitigating factors after offsetting.
        basis: Vietnamese description of the rule applied (see FINE_RULE).
    """

    low: int
    high: int
    strict: bool
    suggested: int
    net: int
    basis: str

    def allows(self, amount: int) -> bool:
        """Tell whether `amount` respects this advice."""
        if self.strict:
            return self.low < amount < self.high
        return self.low <= amount <= self.high


def org_frame(fmin: int, fmax: int, is_org: bool) -> tuple[int, int]:
    """Return the fine frame for the violator.

    Sector decrees state frames for an individual; for an organisation the
    fine is twice that (Luật XLVPHC Điều 24 k2).

    Args:
        fmin: Minimum of the frame for an individual.
        fmax: Maximum of the frame for an individual.
        is_org: The violator is an organisation.

    Returns:
        (minimum, maximum) for this violator.
    """
    factor = 2 if is_org else 1
    return fmin * factor, fmax * factor


def default_fine(fmin: int, fmax: int) -> int:
    """Return the fine when there is no net mitigating or aggravating factor.

    Luật XLVPHC Điều 23 k4 and NĐ 118/2021 Điều 9 k1: the concrete fine is
    the average ("mức trung bình") of the frame.

    Args:
        fmin: Minimum of the frame.
        fmax: Maximum of the frame.

    Returns:
        (fmin + fmax) // 2.
    """
    return (fmin + fmax) // 2


def count_circumstances(text: str) -> int:
    """Circumstances are entered one per line (Luật Điều 9, 10); blank lines
    do not count. The decision form's suggestion and the service's check
    must count them the same way."""
    return len([line for line in text.splitlines() if line.strip()])


def fine_with_circumstances(
    fmin: int, fmax: int, mitigating: int, aggravating: int
) -> FineAdvice:
    """Work out the allowed fine from mitigating and aggravating factors.

    NĐ 118/2021 Điều 9 k1 as rewritten by NĐ 68/2025: factors offset one for
    one; with no net factor the fine is the average; one net mitigating
    factor: above the minimum and below the average; two or more: the
    minimum; one net aggravating factor: above the average and below the
    maximum; two or more: the maximum. A sector decree may set its own rule.

    Args:
        fmin: Minimum of the frame (already doubled for an organisation).
        fmax: Maximum of the frame (already doubled for an organisation).
        mitigating: Number of mitigating factors (Luật Điều 9).
        aggravating: Number of aggravating factors (Luật Điều 10).

    Returns:
        The allowed range, a suggested value and the basis.
    """
    avg = default_fine(fmin, fmax)
    net = max(aggravating, 0) - max(mitigating, 0)

    # A fixed amount (fmin == fmax) leaves nothing to weigh.
    if fmin == fmax:
        return FineAdvice(fmin, fmin, False, fmin, net, "Mức phạt cố định")
    if net == 0:
        return FineAdvice(avg, avg, False, avg, 0, "Mức trung bình của khung")
    if net <= -2:
        return FineAdvice(fmin, fmin, False, fmin, net, "Mức tối thiểu của khung")
    if net >= 2:
        return FineAdvice(fmax, fmax, False, fmax, net, "Mức tối đa của khung")

    # One net factor: strictly between the average and the bound.
    if net == -1:
        basis = "Cao hơn mức tối thiểu và thấp hơn mức trung bình của khung"
        return FineAdvice(fmin, avg, True, (fmin + avg) // 2, net, basis)
    basis = "Cao hơn mức trung bình và thấp hơn mức tối đa của khung"
    return FineAdvice(avg, fmax, True, (avg + fmax) // 2, net, basis)


def check_fine(fine: int, fmin: int, fmax: int) -> str | None:
    """Check that a fine lies inside its frame.

    Luật XLVPHC Điều 23 k4: the fine may move towards, but never beyond,
    the minimum or maximum of the frame.

    Args:
        fine: The amount entered.
        fmin: Minimum of the frame (already doubled for an organisation).
        fmax: Maximum of the frame (already doubled for an organisation).

    Returns:
        A Vietnamese error message, or None when the fine is in the frame.
    """
    if fmin <= fine <= fmax:
        return None
    return f"Mức phạt phải trong khung từ {format_vnd(fmin)} đến {format_vnd(fmax)}."


def check_fine_advice(fine: int, advice: FineAdvice) -> str | None:
    """Check a fine against the circumstances rule.

    Args:
        fine: The amount entered.
        advice: The result of `fine_with_circumstances`.

    Returns:
        A Vietnamese error message, or None when the fine is allowed.
    """
    if advice.allows(fine):
        return None
    if advice.low == advice.high:
        return (
            f"Mức phạt phải là {format_vnd(advice.low)} "
            f"({advice.basis.lower()}, {FINE_RULE})."
        )
    return (
        f"Mức phạt phải cao hơn {format_vnd(advice.low)} và thấp hơn "
        f"{format_vnd(advice.high)} ({FINE_RULE})."
    )


def no_record_ceiling(on: date, is_org: bool) -> int:
    """Return the largest fine that may be imposed without a record.

    Luật XLVPHC Điều 56 k1 điểm a as amended by Luật 88/2025/QH15 (from
    01/7/2025): 500.000 đồng for an individual, 1.000.000 đồng for an
    organisation. Before that: 250.000 / 500.000 đồng.

    Args:
        on: The date of the sanction decision.
        is_org: The violator is an organisation.

    Returns:
        The ceiling in đồng.
    """
    individual = 500_000 if on >= LAW_88_IN_FORCE else 250_000
    return individual * 2 if is_org else individual
