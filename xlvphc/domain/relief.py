"""Who may pay a fine later or in parts: postponement of a fine (hoãn thi
hành quyết định phạt tiền, Luật XLVPHC Điều 76) and payment in instalments
(nộp tiền phạt nhiều lần, Điều 79).

Neither article's current wording (Luật 67/2020/QH14, in force 01/01/2022) is
among the project's legal texts (../shared/legal); Luật 88/2025 changes only
a phrase of Điều 76 k1 điểm b. The figures below therefore come from
secondary sources or from the 2012 wording (domain.md §1.7) and every rule
says so (`verified=False`). The services never let an unverified figure
refuse an officer for good: when a plan or a postponement falls outside the
table, the signer must confirm that the conditions were checked by hand, and
the timeline records that confirmation.

Both reliefs also need particular, sudden economic hardship and an
application certified by the commune People's Committee or the workplace
(forms MQĐ03 and MQĐ05: "Xét Đơn đề nghị … được … xác nhận"); that is a
fact the officer records, not something computed here.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from xlvphc.domain.calendar import add_months
from xlvphc.domain.money import format_vnd

# TODO: check the figures against the 2020 wording of Điều 76 and 79 once it
# is among ../shared/legal, mark those rules verified and refuse outright
# (without the signer's override) a fine under a verified floor.
LAW_2012_IN_FORCE = date(2013, 7, 1)  # Luật 15/2012/QH13
LAW_67_2020_IN_FORCE = date(2022, 1, 1)  # Luật 67/2020/QH14 (domain.md §0)


@dataclass(frozen=True)
class FineFloor:
    """The smallest fine for which a relief may be granted, over a period.

    Attributes:
        individual: Minimum fine for an individual, in đồng.
        organisation: Minimum fine for an organisation, in đồng.
        basis: The article, in Vietnamese, as shown to officers.
        source: Where the figure comes from (a source key of domain.md).
        valid_from: First day the wording applies.
        valid_to: Last day it applies (None: still in force).
        verified: The wording is among the project's legal texts.
    """

    individual: int
    organisation: int
    basis: str
    source: str
    valid_from: date
    valid_to: date | None = None
    verified: bool = False

    def applies_on(self, on: date) -> bool:
        """Tell whether this wording is in force on a date."""
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def floor(self, is_org: bool) -> int:
        """The minimum for this kind of violator."""
        return self.organisation if is_org else self.individual


@dataclass(frozen=True)
class PeriodLimit:
    """The longest postponement, in months from the postponement decision."""

    months: int
    basis: str
    source: str
    valid_from: date
    valid_to: date | None = None
    verified: bool = False

    def applies_on(self, on: date) -> bool:
        """Tell whether this wording is in force on a date."""
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


_ART79 = "khoản 1 Điều 79 Luật Xử lý vi phạm hành chính"
_ART76 = "Điều 76 Luật Xử lý vi phạm hành chính"

# Điều 79 k1: a fine of at least this much, plus hardship and an application.
INSTALMENT_FLOORS: tuple[FineFloor, ...] = (
    FineFloor(
        20_000_000,
        200_000_000,
        f"{_ART79} năm 2012",
        "PLO79 (2012 wording, secondary)",
        LAW_2012_IN_FORCE,
        date(2021, 12, 31),
    ),
    FineFloor(
        50_000_000,
        500_000_000,
        f"{_ART79} (sửa đổi, bổ sung năm 2020)",
        "issue 3 brief; the 2020 wording is not in ../shared/legal",
        LAW_67_2020_IN_FORCE,
    ),
)

# Điều 76 k1 as amended in 2020. The 2012 amount is not in the material, so
# a postponement decided before 2022 has no floor here (confirmation needed).
POSTPONEMENT_FLOORS: tuple[FineFloor, ...] = (
    FineFloor(
        2_000_000,
        100_000_000,
        f"khoản 1 {_ART76} (sửa đổi, bổ sung năm 2020)",
        "LAWNET76 (secondary)",
        LAW_67_2020_IN_FORCE,
    ),
)

# Điều 76: at most 03 months from the postponement decision in the 2012
# wording (THUVIEN76). Whether Luật 67/2020 kept it is unknown here (form
# MQĐ03 records a from/to period without a maximum), so the 2012 period is
# still applied, and a longer one needs the signer's confirmation.
POSTPONEMENT_PERIODS: tuple[PeriodLimit, ...] = (
    PeriodLimit(
        3,
        f"{_ART76} năm 2012",
        "THUVIEN76 (2012 wording, secondary); 2020 wording not checked",
        LAW_2012_IN_FORCE,
    ),
)


class Verdict(StrEnum):
    """How a fine compares with the floor in force."""

    MET = "met"  # at or above the floor
    BELOW = "below"  # under the floor
    UNKNOWN = "unknown"  # no wording known for that day


@dataclass(frozen=True)
class AmountCheck:
    """The outcome of comparing a fine with a relief's floor.

    Attributes:
        verdict: MET, BELOW or UNKNOWN.
        rule: The wording applied, if one is known for the day.
        message: Vietnamese explanation for a refusal or the timeline
            ("" when the fine meets the floor).
    """

    verdict: Verdict
    rule: FineFloor | None
    message: str

    @property
    def needs_confirmation(self) -> bool:
        """The officer must confirm a manual check before going on."""
        return self.verdict is not Verdict.MET


def _rule_on(rules: tuple, on: date):
    return next((r for r in rules if r.applies_on(on)), None)


def _amount_check(
    rules: tuple[FineFloor, ...], what: str, fine: int, is_org: bool, on: date
) -> AmountCheck:
    rule = _rule_on(rules, on)
    who = "tổ chức" if is_org else "cá nhân"
    if rule is None:
        return AmountCheck(
            Verdict.UNKNOWN,
            None,
            f"Hệ thống chưa có quy định về mức phạt tối thiểu để {what} áp "
            f"dụng ngày {on:%d/%m/%Y}",
        )
    if fine >= rule.floor(is_org):
        return AmountCheck(Verdict.MET, rule, "")
    return AmountCheck(
        Verdict.BELOW,
        rule,
        f"Mức phạt {format_vnd(fine)} thấp hơn mức {format_vnd(rule.floor(is_org))}"
        f" đối với {who} để được {what} ({rule.basis})",
    )


def instalment_amount_check(fine: int, is_org: bool, on: date) -> AmountCheck:
    """Compare a fine with the minimum for paying in instalments.

    Luật XLVPHC Điều 79 k1: 20.000.000 đồng (individual) / 200.000.000 đồng
    (organisation) in the 2012 wording; 50.000.000 / 500.000.000 đồng from
    01/01/2022 as amended by Luật 67/2020/QH14 (not verified here).

    Args:
        fine: The total fine of the sanction decision.
        is_org: The violator is an organisation.
        on: Day of the instalment decision (the wording in force then).

    Returns:
        MET at or above the floor (the boundary itself is allowed: "từ …
        trở lên"), else BELOW or UNKNOWN with the reason.
    """
    return _amount_check(INSTALMENT_FLOORS, "nộp tiền phạt nhiều lần", fine, is_org, on)


def postponement_amount_check(fine: int, is_org: bool, on: date) -> AmountCheck:
    """Compare a fine with the minimum for postponing its payment.

    Luật XLVPHC Điều 76 k1 as amended by Luật 67/2020/QH14 (LAWNET76,
    secondary): 2.000.000 đồng for an individual, 100.000.000 đồng for an
    organisation, from 01/01/2022. No figure is known before that day.

    Args:
        fine: The total fine of the sanction decision.
        is_org: The violator is an organisation.
        on: Day of the postponement decision.

    Returns:
        MET at or above the floor, else BELOW or UNKNOWN with the reason.
    """
    return _amount_check(
        POSTPONEMENT_FLOORS, "hoãn thi hành quyết định phạt tiền", fine, is_org, on
    )


def postponement_limit(decided_on: date) -> tuple[date, PeriodLimit] | None:
    """The last day a postponement decided on `decided_on` may run to.

    Luật XLVPHC Điều 76 (2012 wording, THUVIEN76): at most 03 months from
    the postponement decision; see POSTPONEMENT_PERIODS on why it is still
    applied but only as a prompt to check.

    Args:
        decided_on: Day of the postponement decision.

    Returns:
        (last day, rule), or None when no period is known for that day.
    """
    rule = _rule_on(POSTPONEMENT_PERIODS, decided_on)
    if rule is None:
        return None
    return add_months(decided_on, rule.months), rule


def postponement_problem(decided_on: date, until: date) -> str | None:
    """Check the period of a postponement decision (form MQĐ03 Điều 1 k2).

    Args:
        decided_on: Day the postponement was decided.
        until: Last day of the postponement, as entered.

    Returns:
        A Vietnamese message for the "until" field, or None when it fits.
        An end on or before the decision is always wrong; an end beyond the
        period of `postponement_limit` is a problem the signer may override
        after checking (see the module docstring).
    """
    if until <= decided_on:
        return "Ngày hết hoãn phải sau ngày quyết định hoãn."
    found = postponement_limit(decided_on)
    if found and until > found[0]:
        last, rule = found
        return (
            f"Thời gian hoãn quá {rule.months:02d} tháng kể từ ngày quyết định "
            f"hoãn (đến hết ngày {last:%d/%m/%Y}, {rule.basis})."
        )
    return None


def postponement_too_long(decided_on: date, until: date) -> bool:
    """The end lies beyond the known period (a problem the signer may
    override), as opposed to an impossible end."""
    found = postponement_limit(decided_on)
    return bool(found) and until > found[0] and until > decided_on
