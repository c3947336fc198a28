"""Statute of limitations for sanctioning (thời hiệu xử phạt).

Luật XLVPHC Điều 6 k1 as amended by Luật 88/2025/QH15 Điều 1 k1: 01 year by
default, 02 years for the fields listed in điểm a, the tax and independent
audit fields by their own laws; a case transferred by a criminal-procedure
body gets one more year (điểm c). NĐ 118/2021 Điều 8 k1: a finished violation
counts from when it ended, a continuing one from when it was detected.
"""

import re
from dataclasses import dataclass
from datetime import date

from xlvphc.domain.calendar import add_months
from xlvphc.domain.text import fold

# Luật 88/2025 Điều 1 k1 điểm a, as folded phrases. Each phrase must appear
# as whole words in the folded field name.
TWO_YEAR_FIELDS: tuple[str, ...] = (
    "ke toan",
    "hoa don",
    "phi, le phi",
    "le phi",
    "kinh doanh bao hiem",
    "quan ly gia",
    "chung khoan",
    "so huu tri tue",
    "xay dung",
    "thuy san",
    "lam nghiep",
    "tai nguyen nuoc",
    "dau khi",
    "khoang san",
    "bao ve moi truong",
    "nang luong nguyen tu",
    "phat trien nha",
    "nha va cong so",
    "dat dai",
    "de dieu",
    "bao chi",
    "xuat ban",
    "kinh doanh hang hoa",
    "hang cam",
    "hang gia",
    "lao dong ngoai nuoc",
    "khieu nai",
    "to cao",
    "kien nghi, phan anh",
)

# Same điểm a, second paragraph: limitation set by the tax and audit laws.
OWN_LAW_FIELDS: tuple[str, ...] = ("thue", "quan ly thue", "kiem toan doc lap")


def _has_phrase(folded: str, phrase: str) -> bool:
    """Tell whether `phrase` occurs in `folded` as whole words."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded) is not None


def limitation_years(field: str) -> int | None:
    """Return the limitation period, in years, for a field of state management.

    Luật XLVPHC Điều 6 k1 điểm a (Luật 88/2025). Catalogue names such as
    "Bảo vệ môi trường", "Đất đai" and "Xây dựng (trật tự xây dựng)" are
    matched by folded keywords.

    Args:
        field: The field ("lĩnh vực") as written in the catalogue.

    Returns:
        2 for the listed fields, 1 otherwise, None for tax and independent
        audit (their own laws decide, not judged here).
    """
    folded = fold(field)
    main = folded.split("(")[0].strip()
    if main in OWN_LAW_FIELDS or folded.startswith("thue"):
        return None
    if _has_phrase(folded, "kiem toan doc lap"):
        return None
    if any(_has_phrase(folded, phrase) for phrase in TWO_YEAR_FIELDS):
        return 2
    return 1


def limitation_start(
    detected_on: date, ended_on: date | None = None, continuing: bool = False
) -> date:
    """Return the day the limitation period starts from.

    NĐ 118/2021 Điều 8 k1 and Luật XLVPHC Điều 6 k1 điểm b: for a finished
    violation, the day it ended; for a continuing one, the day it was
    detected.

    Args:
        detected_on: The day the competent person detected the violation.
        ended_on: The day a finished violation ended (None if unknown).
        continuing: The violation was still going on when detected.

    Returns:
        The starting day.
    """
    if continuing or ended_on is None:
        return detected_on
    return ended_on


def limitation_expires(
    start: date, years: int, transferred_by_criminal_body: bool = False
) -> date:
    """Return the last day on which a sanction may still be decided.

    Luật XLVPHC Điều 6 k1 điểm a (period) and điểm c (one more year for a
    case transferred by a criminal-procedure body, Luật 88/2025). The period
    ends on the same day of the same month of the last year (Bộ luật Dân sự
    2015 Điều 148; 29/02 ends on 28/02).

    Args:
        start: The day returned by `limitation_start`.
        years: 1 or 2, from `limitation_years`.
        transferred_by_criminal_body: The case came from a criminal body.

    Returns:
        The last allowed day, inclusive.
    """
    total = years + (1 if transferred_by_criminal_body else 0)
    return add_months(start, 12 * total)


def is_time_barred(
    start: date,
    years: int,
    on: date,
    transferred_by_criminal_body: bool = False,
) -> bool:
    """Tell whether the limitation period has expired on a given day.

    Once expired no sanction decision may be issued (Luật XLVPHC Điều 65 k1
    điểm c); remedial measures can still be ordered (Điều 65 k2, MQĐ15).

    Args:
        start: The day returned by `limitation_start`.
        years: 1 or 2, from `limitation_years`.
        on: The day the decision would be signed.
        transferred_by_criminal_body: The case came from a criminal body.

    Returns:
        True when `on` is after the last allowed day.
    """
    return on > limitation_expires(start, years, transferred_by_criminal_body)


def limitation_message(
    start: date,
    years: int,
    on: date,
    transferred_by_criminal_body: bool = False,
) -> str | None:
    """Explain, in Vietnamese, why a decision would be time-barred.

    Args:
        start: The day returned by `limitation_start`.
        years: 1 or 2, from `limitation_years`.
        on: The day the decision would be signed.
        transferred_by_criminal_body: The case came from a criminal body.

    Returns:
        A message, or None when the decision is still in time.
    """
    last = limitation_expires(start, years, transferred_by_criminal_body)
    if on <= last:
        return None
    return (
        f"Đã hết thời hiệu xử phạt (hết ngày {last:%d/%m/%Y}, Điều 6 Luật Xử lý "
        "vi phạm hành chính): không được ra quyết định xử phạt, chỉ áp dụng "
        "biện pháp khắc phục hậu quả (khoản 2 Điều 65)"
    )


@dataclass(frozen=True)
class SanctionLimitation:
    """The sanctioning limitation of one case: where it starts, why, and its
    last day (all of Luật XLVPHC Điều 6 k1 and NĐ 118/2021 Điều 8 k1)."""

    start: date
    years: int
    end: date
    continuing: bool
    extended: bool  # one more year: received from a criminal-procedure body

    @property
    def basis(self) -> str:
        """How the period was counted, in Vietnamese, for the case page."""
        text = (
            f"từ ngày phát hiện {self.start:%d/%m/%Y} (vi phạm đang thực hiện, "
            "điểm b khoản 1 Điều 8 Nghị định 118/2021)"
            if self.continuing
            else f"từ ngày vi phạm {self.start:%d/%m/%Y} (vi phạm đã kết thúc, "
            "điểm a khoản 1 Điều 8 Nghị định 118/2021)"
        )
        text = f"{self.years:02d} năm {text}"
        if self.extended:
            text += "; thêm 01 năm vì hồ sơ do cơ quan tiến hành tố tụng chuyển đến"
        return text

    def refusal(self, on: date) -> str | None:
        """Why a sanction decision signed on `on` is refused (Luật XLVPHC
        Điều 65 k1 điểm c), or None while it is in time."""
        if on <= self.end:
            return None
        return (
            f"Đã hết thời hiệu xử phạt: {self.basis}, hết ngày "
            f"{self.end:%d/%m/%Y} (Điều 6 Luật Xử lý vi phạm hành chính). Không "
            "được ra quyết định xử phạt, chỉ áp dụng biện pháp khắc phục hậu quả "
            "(khoản 2 Điều 65)."
        )


def sanction_limitation(
    field: str,
    violated_on: date,
    detected_on: date | None = None,
    continuing: bool = False,
    transferred_by_criminal_body: bool = False,
) -> SanctionLimitation | None:
    """Return the sanctioning limitation of a case.

    Luật XLVPHC Điều 6 k1 (Luật 88/2025): 01 or 02 years by field (điểm a),
    one more year for a case a criminal-procedure body sent (điểm c); counted
    from the end of a finished violation or from the detection of a
    continuing one (Điều 6 k1 điểm b; NĐ 118/2021 Điều 8 k1: "đang thực hiện"
    is a violation still going on and still harming state management when
    the competent person detects it).

    Args:
        field: The field ("lĩnh vực") of the case.
        violated_on: The violation day; for a finished violation, its end.
        detected_on: The day the competent person detected it.
        continuing: The violation was still going on when detected.
        transferred_by_criminal_body: The case came from a criminal body.

    Returns:
        The limitation, or None for tax and independent audit (own laws). A
        continuing violation whose detection day is unknown counts from the
        violation day, the earliest possible start.
    """
    years = limitation_years(field)
    if years is None:
        return None
    counted = bool(continuing and detected_on)
    start = limitation_start(detected_on or violated_on, violated_on, counted)
    end = limitation_expires(start, years, transferred_by_criminal_body)
    return SanctionLimitation(
        start, years, end, counted, transferred_by_criminal_body
    )


def detection_problem(
    violated_on: date | None,
    detected_on: date | None,
    recorded_on: date | None,
    continuing: bool,
) -> str | None:
    """Check the detection day of a case against its other dates.

    NĐ 118/2021 Điều 8 k1: a continuing violation is counted from its
    detection, so its detection day is required; Luật XLVPHC Điều 58 k1
    (Luật 88/2025) and NĐ 118 Điều 12 k2: the record is made once the
    violation is detected, so detection cannot come after the record, and a
    violation cannot be detected before it began.

    Args:
        violated_on: The violation day (its start, for a continuing one).
        detected_on: The detection day as entered, or None.
        recorded_on: The day the violation record was made, or None.
        continuing: The officer marked the violation as continuing.

    Returns:
        A Vietnamese message for the detection field, or None when it fits.
    """
    if detected_on is None:
        if continuing:
            return (
                "Vi phạm đang thực hiện: vui lòng nhập ngày phát hiện, vì thời "
                "hiệu xử phạt tính từ ngày này (Điều 8 khoản 1 điểm b Nghị định "
                "118/2021)."
            )
        return None
    if violated_on and detected_on < violated_on:
        return "Ngày phát hiện không thể trước ngày vi phạm."
    if recorded_on and detected_on > recorded_on:
        return "Ngày phát hiện không thể sau ngày lập biên bản."
    return None
