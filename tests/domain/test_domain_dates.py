"""Dates as printed on forms (NĐ 118/2021 Phụ lục; NĐ 30/2020 Phụ lục I)."""

from datetime import date, datetime

import pytest

from xlvphc.domain.dates import date_in_words, fmt_date, fmt_datetime, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(date(2026, 3, 5), "05/03/2026", id="MQD02-numeric-date"),
        pytest.param(datetime(2026, 12, 31, 8, 0), "31/12/2026", id="datetime"),
        pytest.param(None, "", id="none"),
    ],
)
def test_fmt_date(value, expected):
    assert fmt_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(
            datetime(2026, 3, 5, 14, 30),
            "14 giờ 30 phút, ngày 05/03/2026",
            id="MQD02-receipt-time",
        ),
        pytest.param(
            datetime(2026, 3, 5, 8, 5), "08 giờ 05 phút, ngày 05/03/2026", id="padded"
        ),
        pytest.param(None, "", id="none"),
    ],
)
def test_fmt_datetime(value, expected):
    assert fmt_datetime(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(
            date(2026, 3, 5), "ngày 05 tháng 3 năm 2026", id="ND30-day-padded"
        ),
        pytest.param(
            date(2026, 2, 5), "ngày 05 tháng 02 năm 2026", id="ND30-month-2-padded"
        ),
        pytest.param(
            date(2026, 1, 15), "ngày 15 tháng 01 năm 2026", id="ND30-month-1-padded"
        ),
        pytest.param(
            date(2026, 12, 25), "ngày 25 tháng 12 năm 2026", id="ND30-no-padding"
        ),
        pytest.param(None, "", id="none"),
    ],
)
def test_date_in_words(value, expected):
    assert date_in_words(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("05/03/2026", date(2026, 3, 5), id="dd/mm/yyyy"),
        pytest.param("5/3/2026", date(2026, 3, 5), id="d/m/yyyy"),
        pytest.param("2026-03-05", date(2026, 3, 5), id="iso"),
        pytest.param("05-03-2026", date(2026, 3, 5), id="dd-mm-yyyy"),
        pytest.param(" 05/03/2026 ", date(2026, 3, 5), id="spaces"),
        pytest.param("29/02/2024", date(2024, 2, 29), id="leap-day"),
        pytest.param("31/02/2026", None, id="no-31-feb"),
        pytest.param("29/02/2026", None, id="no-29-feb-common-year"),
        pytest.param("05/13/2026", None, id="month-13"),
        pytest.param("05/03/26", None, id="two-digit-year"),
        pytest.param("hôm qua", None, id="garbage"),
        pytest.param("", None, id="empty"),
        pytest.param(None, None, id="none"),
        pytest.param(date(2026, 3, 5), date(2026, 3, 5), id="date-passthrough"),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected
