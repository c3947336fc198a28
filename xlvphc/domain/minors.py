"""What the violator's age at the time of the violation allows: no sanction
under 14; from 14 to under 16 a sanction only for an intentional violation
and only a warning, never a fine; from 16 to under 18 a fine of at most half
the fine for an adult.

Sources: Luật Xử lý vi phạm hành chính 2012 (Luật 15/2012/QH13, in force
01/7/2013) as amended by Luật 67/2020/QH14 (in force 01/01/2022): Điều 5
khoản 1 điểm a (who is sanctioned: from 14 to under 16 only for intentional
violations, from 16 for every violation) and Điều 134 (principles for
minors: a warning from 14 to under 16; from 16 to under 18 a fine not above
half the adult's). Neither article's wording is among the project's legal
texts (../shared/legal holds only NĐ 118/2021, whose Điều 25–26 on minors,
the reminder instead of a warning, are applied in
services/procedure/minors.py), and Luật 88/2025/QH15, which is there, does
not amend them. The rules below therefore come from the brief of the
fresh-user review and say so (`verified=False`).

NĐ 118/2021 Điều 25 k1 (in ../shared/legal): when the exact age cannot be
determined, the most favourable sanction applies; without a date of birth
nothing is computed here and the signer decides.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from xlvphc.domain.sanctions import age_on

# TODO: check these rules against the 2020 wording of Điều 5 and Điều 134
# once it is among ../shared/legal, and mark them verified.
LAW_2012_IN_FORCE = date(2013, 7, 1)  # Luật 15/2012/QH13
LAW_67_2020_IN_FORCE = date(2022, 1, 1)  # Luật 67/2020/QH14 (domain.md §0)

ART5 = "điểm a khoản 1 Điều 5 Luật XLVPHC"
ART134 = "Điều 134 Luật XLVPHC"


class AgeBand(StrEnum):
    """The age bands the law treats differently."""

    UNDER_14 = "under_14"
    FROM_14 = "14_to_16"
    FROM_16 = "16_to_18"


@dataclass(frozen=True)
class Wording:
    """One wording of the two articles, over the period it applies to."""

    edition: str  # how the decision's notes name it, Vietnamese
    valid_from: date
    valid_to: date | None = None
    verified: bool = False

    def applies_on(self, on: date) -> bool:
        """Tell whether this wording is in force on a date."""
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


WORDINGS: tuple[Wording, ...] = (
    Wording("năm 2012", LAW_2012_IN_FORCE, date(2021, 12, 31)),
    Wording("sửa đổi, bổ sung năm 2020", LAW_67_2020_IN_FORCE),
)


@dataclass(frozen=True)
class MinorRule:
    """What may be decided on a violator who was a minor when violating.

    Attributes:
        band: The age band.
        age: Full years of age on the day of the violation.
        may_sanction: A sanction decision may be made at all.
        may_fine: A fine may be imposed (else only a warning).
        intent_required: Sanctioned only for an intentional violation.
        fine_divisor: The adult frame's bounds are divided by this.
        wording: The wording of the law applied.
    """

    band: AgeBand
    age: int
    may_sanction: bool
    may_fine: bool
    intent_required: bool
    fine_divisor: int
    wording: Wording

    @property
    def basis(self) -> str:
        """The articles, as shown to officers."""
        return f"{ART5}, {ART134} ({self.wording.edition})"

    def frame(self, low: int, high: int) -> tuple[int, int]:
        """The frame for this minor: Art. 134, at most half the adult's fine.

        Args:
            low: Minimum of the adult frame.
            high: Maximum of the adult frame.

        Returns:
            Both bounds divided by `fine_divisor` (whole đồng, rounded down).
        """
        return low // self.fine_divisor, high // self.fine_divisor


def minor_rule(birth: date | None, violated: date | None) -> MinorRule | None:
    """The rule for a violator by age on the day of the violation.

    Args:
        birth: Date of birth (None: unknown, nothing is computed).
        violated: Day of the violation (the age then counts, Art. 5).

    Returns:
        The rule for a person under 18 then; None for an adult, an unknown
        date, or a violation before the 2012 Law came into force.
    """
    if birth is None or violated is None:
        return None
    wording = next((w for w in WORDINGS if w.applies_on(violated)), None)
    if wording is None:
        return None
    age = age_on(birth, violated)
    if age >= 18:
        return None
    if age < 14:
        return MinorRule(AgeBand.UNDER_14, age, False, False, False, 1, wording)
    if age < 16:
        return MinorRule(AgeBand.FROM_14, age, True, False, True, 1, wording)
    return MinorRule(AgeBand.FROM_16, age, True, True, False, 2, wording)


def sanction_refusal(rule: MinorRule | None) -> str | None:
    """Why no sanction decision may be made (None: one may)."""
    if rule is None or rule.may_sanction:
        return None
    return (
        f"Người vi phạm {rule.age} tuổi khi vi phạm, chưa đủ 14 tuổi: không bị "
        f"xử phạt vi phạm hành chính nên không ra quyết định xử phạt ({ART5}). "
        "Kết thúc hồ sơ bằng bước «Kết thúc: không ra quyết định xử phạt»."
    )


def record_warning(rule: MinorRule | None) -> str:
    """What the officer is told when a violation by a person under 14 is
    recorded ("" otherwise). The record is kept, since the matter may be
    transferred or handled otherwise, but no sanction can follow (Art. 5)."""
    if rule is None or rule.may_sanction:
        return ""
    return (
        f"Người vi phạm {rule.age} tuổi khi vi phạm, chưa đủ 14 tuổi: không bị "
        f"xử phạt vi phạm hành chính ({ART5}), nên không ra quyết định xử phạt. "
        "Biên bản vẫn được lưu để chuyển hồ sơ hoặc xử lý theo quy định khác; "
        "kết thúc hồ sơ bằng bước «Kết thúc: không ra quyết định xử phạt»."
    )


def spot_refusal(rule: MinorRule | None) -> str | None:
    """`sanction_refusal` for a sanction on the spot (MQĐ01): nothing is
    saved there, so the way on is a violation record, not a closing step."""
    if rule is None or rule.may_sanction:
        return None
    return (
        f"Người vi phạm {rule.age} tuổi khi vi phạm, chưa đủ 14 tuổi: không bị "
        f"xử phạt vi phạm hành chính ({ART5}), nên không xử phạt tại chỗ. Nếu "
        "cần ghi nhận vụ việc, dùng «Lập biên bản»."
    )


def fine_refusal(rule: MinorRule | None) -> str | None:
    """Why no fine may be imposed on this violator (None: one may)."""
    if rule is None or rule.may_fine or not rule.may_sanction:
        return None
    return (
        f"Người từ đủ 14 tuổi đến dưới 16 tuổi ({rule.age} tuổi khi vi phạm) chỉ "
        f"bị phạt cảnh cáo, không bị phạt tiền ({ART134}); để mức phạt là 0."
    )


def intent_refusal(rule: MinorRule | None) -> str | None:
    """The message asking the signer to confirm intent (None: not needed)."""
    if rule is None or not rule.intent_required:
        return None
    return (
        f"Người vi phạm {rule.age} tuổi khi vi phạm: người từ đủ 14 tuổi đến "
        f"dưới 16 tuổi chỉ bị xử phạt khi vi phạm do cố ý ({ART5}). Xác định "
        "lỗi cố ý rồi đánh dấu ô «Vi phạm do cố ý»; nếu không cố ý thì không "
        "ra quyết định xử phạt."
    )


def decision_warning(rule: MinorRule | None) -> str:
    """What the decision form says about a minor ("" for an adult)."""
    if rule is None:
        return ""
    if rule.band is AgeBand.UNDER_14:
        return sanction_refusal(rule) or ""
    if rule.band is AgeBand.FROM_14:
        return (
            f"Người vi phạm là người chưa thành niên ({rule.age} tuổi khi vi "
            f"phạm): chỉ xử phạt khi vi phạm do cố ý và chỉ phạt cảnh cáo, không "
            f"phạt tiền ({rule.basis}). Trước khi phạt cảnh cáo, xem xét nhắc "
            "nhở (Điều 25 k2, Điều 26 Nghị định 118/2021)."
        )
    return (
        f"Người vi phạm là người chưa thành niên ({rule.age} tuổi khi vi phạm): "
        f"mức phạt tiền không quá 1/2 mức phạt đối với người thành niên "
        f"({rule.basis}); khung phạt dưới đây đã giảm một nửa."
    )


def decision_note(rule: MinorRule | None) -> str:
    """The line the timeline records about a minor ("" for an adult)."""
    if rule is None or not rule.may_sanction:
        return ""
    if rule.band is AgeBand.FROM_14:
        return (
            f"người vi phạm {rule.age} tuổi khi vi phạm: người ký xác nhận vi "
            f"phạm do cố ý, chỉ phạt cảnh cáo ({rule.basis})"
        )
    return (
        f"người vi phạm {rule.age} tuổi khi vi phạm: mức phạt tiền không quá "
        f"1/2 mức phạt đối với người thành niên ({rule.basis})"
    )
