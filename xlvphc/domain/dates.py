"""Dates and times as written in sanction records and decisions, and as typed.

The forms of Nghị định 118/2021/NĐ-CP write the place-and-date line as
"ngày … tháng … năm …" and delivery times as "… giờ … phút, ngày …/…/…".
Nghị định 30/2020/NĐ-CP (on administrative documents), Phụ lục I, requires
a leading zero for days below 10 and for months 1 and 2 in that line.
"""

import re
from datetime import date, datetime, time

_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# Digits alone, "05122026" and "1430": the number pad of many phones has no
# "/" or ":" (user trial), so a date or time box accepts them without.
_DMY_DIGITS = re.compile(r"(\d{2})(\d{2})(\d{4})")
_HM = re.compile(r"(\d{1,2})[:hg]?(\d{2})")


def fmt_date(d: date | None) -> str:
    """Write a date as "05/03/2026" (dd/mm/yyyy), the numeric form in forms.

    Args:
        d: A date or datetime, or None.

    Returns:
        The date, or "" for None.
    """
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def fmt_datetime(dt: datetime | None) -> str:
    """Write a moment as "14 giờ 30 phút, ngày 05/03/2026".

    The delivery notes on the back of forms MQĐ01-MQĐ05 read
    "vào hồi .... giờ .... phút, ngày ……/……/………".

    Args:
        dt: A datetime, or None.

    Returns:
        The moment in words and figures, or "" for None.
    """
    if dt is None:
        return ""
    return f"{dt.hour:02d} giờ {dt.minute:02d} phút, ngày {fmt_date(dt)}"


def date_in_words(d: date | None) -> str:
    """Write a date as in the heading line: "ngày 05 tháng 3 năm 2026".

    Nghị định 30/2020/NĐ-CP, Phụ lục I: days below 10 and months 1 and 2
    take a leading zero ("ngày 05 tháng 02 năm 2026"), so that the date
    cannot be altered by adding a digit.

    Args:
        d: A date or datetime, or None.

    Returns:
        The date in words, or "" for None.
    """
    if d is None:
        return ""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def parse_date(text: object) -> date | None:
    """Read a date typed by a user.

    Accepts "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy", "dd.mm.yyyy", ISO
    "yyyy-mm-dd" and eight digits "ddmmyyyy" (typed on a phone's number
    pad). Impossible dates such as 31/02 are rejected.

    Args:
        text: The typed value; a date (not datetime) is returned unchanged.

    Returns:
        The date, or None when the text is not a valid date.
    """
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    if not isinstance(text, str):
        return None
    value = text.strip()
    if match := _YMD.fullmatch(value):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DMY.fullmatch(value) or _DMY_DIGITS.fullmatch(value):
        day, month, year = (int(g) for g in match.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_time(text: object) -> time | None:
    """Read a time of day typed by a user.

    Accepts "14:30", "9:30", "14h30", "14g30" (giờ) and digits alone:
    "1430", "930" (h then mm, typed on a phone's number pad). Spaces are
    ignored. Hours above 23 and minutes above 59 are rejected.

    Args:
        text: The typed value.

    Returns:
        The time, or None when the text is not a valid time.
    """
    if not isinstance(text, str):
        return None
    match = _HM.fullmatch(re.sub(r"\s", "", text))
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return time(int(match[1]), int(match[2]))
