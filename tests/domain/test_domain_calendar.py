"""Working days with Vietnamese holidays (Bộ luật Lao động 2019 Điều 112)."""

from datetime import date

import pytest

from xlvphc.domain.calendar import (
    add_months,
    add_working_days,
    is_working_day,
    next_working_day_if_off,
    working_days_between,
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param(date(2026, 2, 13), True, id="friday-before-tet-2026"),
        pytest.param(date(2026, 2, 14), False, id="saturday"),
        pytest.param(date(2026, 2, 16), False, id="BLLD112-tet-2026-eve"),
        pytest.param(date(2026, 2, 17), False, id="BLLD112-tet-2026-day-1"),
        pytest.param(date(2026, 2, 20), False, id="BLLD112-tet-2026-day-4"),
        pytest.param(date(2026, 2, 23), True, id="first-working-day-after-tet"),
        pytest.param(date(2025, 9, 1), False, id="BLLD112-national-day-2025"),
        pytest.param(date(2025, 5, 2), False, id="swapped-day-off-2025"),
        pytest.param(date(2025, 4, 26), True, id="swapped-working-saturday-2025"),
    ],
)
def test_is_working_day(day, expected):
    assert is_working_day(day) is expected


def test_local_day_off():
    assert not is_working_day(date(2026, 3, 10), days_off={date(2026, 3, 10)})


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        pytest.param(date(2026, 2, 12), 2, date(2026, 2, 23), id="over-tet-2026"),
        pytest.param(date(2026, 2, 13), 1, date(2026, 2, 23), id="friday-over-tet"),
        pytest.param(date(2026, 3, 5), 2, date(2026, 3, 9), id="over-weekend"),
        pytest.param(date(2026, 3, 9), 2, date(2026, 3, 11), id="plain-week"),
        pytest.param(date(2025, 4, 25), 1, date(2025, 4, 26), id="swapped-saturday"),
        pytest.param(date(2026, 3, 6), 0, date(2026, 3, 6), id="zero-days"),
    ],
)
def test_add_working_days(start, n, expected):
    assert add_working_days(start, n) == expected


def test_add_working_days_rejects_negative():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 5), -1)


def test_working_days_between_over_tet():
    assert working_days_between(date(2026, 2, 12), date(2026, 2, 23)) == 2


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        pytest.param(date(2025, 1, 31), 1, date(2025, 2, 28), id="BLDS148-clamp"),
        pytest.param(date(2024, 1, 31), 1, date(2024, 2, 29), id="BLDS148-leap"),
        pytest.param(date(2024, 2, 29), 12, date(2025, 2, 28), id="BLDS148-29-feb"),
        pytest.param(date(2025, 11, 15), 2, date(2026, 1, 15), id="year-change"),
        pytest.param(date(2026, 3, 31), -1, date(2026, 2, 28), id="negative"),
    ],
)
def test_add_months(start, n, expected):
    assert add_months(start, n) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param(date(2026, 2, 14), date(2026, 2, 23), id="BLDS148k5-tet"),
        pytest.param(date(2026, 3, 9), date(2026, 3, 9), id="BLDS148k5-working"),
    ],
)
def test_next_working_day_if_off(day, expected):
    assert next_working_day_if_off(day) == expected
