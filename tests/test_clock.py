"""tests/clock.py: a run that starts late in Vietnam stays on one day."""

from datetime import UTC, date, datetime, timedelta

from tests.clock import run_start
from xlvphc.models.base import VN_TZ


def test_a_daytime_run_keeps_the_real_clock():
    assert run_start(datetime(2026, 12, 5, 3, 0, tzinfo=UTC)) is None  # 10:00


def test_just_before_late_evening_keeps_the_real_clock():
    assert run_start(datetime(2026, 12, 5, 21, 59, 59, tzinfo=VN_TZ)) is None


def test_a_late_run_starts_at_22_00_of_the_same_vietnamese_day():
    start = run_start(datetime(2026, 12, 5, 16, 40, tzinfo=UTC))  # 23:40 in VN

    assert start == datetime(2026, 12, 5, 22, 0, tzinfo=VN_TZ)
    assert (start + timedelta(hours=1, minutes=59)).date() == date(2026, 12, 5)


def test_the_vietnamese_date_counts_not_the_utc_one():
    # 23:30 on 4 December in UTC is already 06:30 on 5 December in Vietnam.
    assert run_start(datetime(2026, 12, 4, 23, 30, tzinfo=UTC)) is None
    # 15:30 UTC is 22:30 in Vietnam, on the same date.
    start = run_start(datetime(2026, 12, 4, 15, 30, tzinfo=UTC))
    assert start == datetime(2026, 12, 4, 22, 0, tzinfo=VN_TZ)
