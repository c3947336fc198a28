"""Statute of limitations for sanctioning (thời hiệu xử phạt).

Luật XLVPHC Điều 6 k1 as amended by Luật 88/2025/QH15 Điều 1 k1: 01 year by
default, 02 years for the fields listed in điểm a, the tax and independent
audit fields by their own laws; a case transferred by a criminal-procedure
body gets one more year (điểm c). NĐ 118/2021 Điều 8 k1: a finished violation
counts from when it ended, a continuing one from when it was detected.
"""

import re
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
