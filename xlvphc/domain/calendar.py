"""Working days and month arithmetic for legal deadlines.

Many deadlines in the Law and in Nghị định 118/2021/NĐ-CP run in "ngày làm
việc" (working days): Monday to Friday, minus public holidays (Bộ luật Lao
động 2019 Điều 112, including Tết Nguyên đán), plus the Saturdays the
Government swaps in as working days. `holidays.VN` carries both the holidays
and those swapped Saturdays (`weekend_workdays`).
"""

import calendar as _std_calendar
from collections.abc import Collection
from datetime import date, timedelta
from functools import lru_cache

import holidays

_SATURDAY = 5


@lru_cache(maxsize=64)
def _vn_holidays(year: int) -> holidays.HolidayBase:
    """Vietnamese public holidays of one year (cached; the data is static)."""
    return holidays.VN(years=year)


def is_working_day(d: date, days_off: Collection[date] = ()) -> bool:
    """Tell whether a state body works on a date.

    Args:
        d: The date.
        days_off: Extra days off decided locally (e.g. by the provincial
            People's Committee) that the holiday table does not know.

    Returns:
        False for weekends (unless swapped to a working Saturday), public
        holidays, Tết and `days_off`; True otherwise.
    """
    if d in days_off:
        return False
    table = _vn_holidays(d.year)
    if d.weekday() >= _SATURDAY:
        return d in table.weekend_workdays
    return d not in table


def add_working_days(start: date, n: int, days_off: Collection[date] = ()) -> date:
    """Return the n-th working day after `start`.

    A deadline "trong thời hạn 02 ngày làm việc, kể từ ..." starts counting
    on the day after the triggering event (Bộ luật Dân sự 2015 Điều 147: the
    first day of a period is not counted), so `start` itself never counts.

    Args:
        start: The day of the triggering event (detection, record, decision).
        n: Number of working days; 0 returns `start`.
        days_off: Extra local days off, see `is_working_day`.

    Returns:
        The last day of the period.

    Raises:
        ValueError: If `n` is negative.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    current = start
    remaining = n
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current, days_off):
            remaining -= 1
    return current


def working_days_between(
    start: date, end: date, days_off: Collection[date] = ()
) -> int:
    """Count working days after `start` up to and including `end`.

    Args:
        start: The day of the triggering event (not counted).
        end: The last day to count.
        days_off: Extra local days off, see `is_working_day`.

    Returns:
        The number of working days in (start, end]; 0 if `end <= start`.
    """
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current, days_off):
            count += 1
    return count


def add_months(d: date, n: int) -> date:
    """Add calendar months, keeping the day or clamping to the month's end.

    A period in months ends on the same day of the last month; when that
    month is shorter, it ends on its last day (Bộ luật Dân sự 2015 Điều 148),
    so 31/01 + 1 month is 28/02 (or 29/02).

    Args:
        d: The start date.
        n: Number of months (may be negative).

    Returns:
        The shifted date.
    """
    months = d.year * 12 + (d.month - 1) + n
    year, month = divmod(months, 12)
    month += 1
    last = _std_calendar.monthrange(year, month)[1]
    return date(year, month, min(d.day, last))


def next_working_day_if_off(d: date, days_off: Collection[date] = ()) -> date:
    """Move a deadline that falls on a day off to the next working day.

    Bộ luật Dân sự 2015 Điều 148 k5: when the last day of a period is a
    weekend or holiday, the period ends at the end of the next working day.

    Args:
        d: A deadline computed in calendar days or months.
        days_off: Extra local days off, see `is_working_day`.

    Returns:
        `d` itself if it is a working day, else the next working day.
    """
    while not is_working_day(d, days_off):
        d += timedelta(days=1)
    return d
