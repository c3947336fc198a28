"""Additional sanctions and the reminder of minors, as the report counts them.

Sources: Luật XLVPHC Điều 21 k1 (sanction types: warning and fine are main
sanctions only; deprivation of a licence or practising certificate for a
term, suspension of activity for a term, confiscation and expulsion may be
main or additional), Điều 25–27 (each of them); Nghị định 118/2021/NĐ-CP
Điều 25 k2 and Điều 26 (a minor may be reminded instead of a warning), Điều
35 k2 c–d (the report counts licences deprived, suspensions and minors
reminded).
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Additional:
    key: str  # Decision column and form field
    label: str
    basis: str


ADDITIONAL = (
    Additional(
        "sanction_licence",
        "Tước quyền sử dụng giấy phép, chứng chỉ hành nghề có thời hạn",
        "Điều 21 k1 điểm c, Điều 25 Luật XLVPHC",
    ),
    Additional(
        "sanction_suspension",
        "Đình chỉ hoạt động có thời hạn",
        "Điều 21 k1 điểm c, Điều 25 Luật XLVPHC",
    ),
    Additional(
        "sanction_confiscation",
        "Tịch thu tang vật, phương tiện vi phạm hành chính",
        "Điều 21 k1 điểm d, Điều 26 Luật XLVPHC",
    ),
    Additional(
        "sanction_expulsion",
        "Trục xuất",
        "Điều 21 k1 điểm đ, Điều 27 Luật XLVPHC",
    ),
)
KEYS = tuple(a.key for a in ADDITIONAL)
LABELS = {a.key: a.label for a in ADDITIONAL}


def expulsion_refusal(is_org: bool, nationality: str) -> str | None:
    """Art. 27: expulsion forces a foreigner to leave Vietnam; it is never
    imposed on an organisation or a Vietnamese citizen."""
    if is_org:
        return "Không áp dụng trục xuất đối với tổ chức (Điều 27 Luật XLVPHC)."
    if (nationality or "Việt Nam").strip().lower() in ("việt nam", "vn"):
        return (
            "Trục xuất chỉ áp dụng đối với người nước ngoài (Điều 27 Luật "
            "XLVPHC)."
        )
    return None


def additional_text(chosen: list[str]) -> str:
    """The chosen additional sanctions as the decision prints them."""
    return "; ".join(LABELS[k] for k in KEYS if k in chosen)


# ------------------------------------------------------------------ minors

REMINDER_BASIS = "Điều 139 Luật XLVPHC; Điều 25 k2, Điều 26 Nghị định 118/2021"


def age_on(birth: date, day: date) -> int:
    """Full years of age on `day` (the age at the time of the violation,
    Law Art. 5)."""
    years = day.year - birth.year
    return years - ((day.month, day.day) < (birth.month, birth.day))


def reminder_refusal(
    birth: date | None, violated: date | None, warning_possible: bool
) -> str | None:
    """Why a minor may not be reminded instead of a warning (None: may).

    NĐ 118/2021 Art. 26 k2: (a) aged 14 to under 16; (b) aged 16 to under 18
    when the act is punishable by a warning. In both cases the minor must
    also admit the violation and sincerely repent (checked on the form)."""
    if birth is None or violated is None:
        return "Chưa có ngày sinh của người vi phạm hoặc ngày vi phạm"
    age = age_on(birth, violated)
    if age < 14 or age >= 18:
        return (
            f"Người vi phạm {age} tuổi khi vi phạm: nhắc nhở chỉ áp dụng đối với "
            "người từ đủ 14 tuổi đến dưới 18 tuổi"
        )
    if age >= 16 and not warning_possible:
        return (
            "Người từ đủ 16 tuổi đến dưới 18 tuổi chỉ được nhắc nhở khi hành vi "
            "bị phạt cảnh cáo (điểm b khoản 2 Điều 26 Nghị định 118/2021)"
        )
    return None


def warning_possible(act_text: str, fine_min: int | None) -> bool:
    """The act may be punished by a warning: the catalogue gives it no fine
    frame, or its wording says so ("có thể phạt cảnh cáo", "chỉ phạt cảnh
    cáo"), as the sector decrees write "phạt cảnh cáo hoặc phạt tiền"."""
    return fine_min is None or "cảnh cáo" in (act_text or "").lower()
