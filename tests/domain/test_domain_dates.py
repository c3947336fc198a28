"""Dates as printed on forms (NĐ 118/2021 Phụ lục; NĐ 30/2020 Phụ lục I)."""

from datetime import date, datetime, time

import pytest

from xlvphc.domain.dates import (
    date_in_words,
    fmt_date,
    fmt_datetime,
    parse_date,
    parse_time,
)


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
        # Digits alone, as typed on a phone's number pad (no "/" there).
        pytest.param("05032026", date(2026, 3, 5), id="ddmmyyyy"),
        pytest.param(" 29022024 ", date(2024, 2, 29), id="ddmmyyyy-leap-day"),
        pytest.param("31022026", None, id="ddmmyyyy-no-31-feb"),
        pytest.param("05132026", None, id="ddmmyyyy-month-13"),
        pytest.param("5032026", None, id="seven-digits"),
        pytest.param("050326", None, id="six-digits-two-digit-year"),
        pytest.param("20260305", None, id="yyyymmdd-not-read-as-ddmmyyyy"),
        pytest.param("hôm qua", None, id="garbage"),
        pytest.param("", None, id="empty"),
        pytest.param(None, None, id="none"),
        pytest.param(date(2026, 3, 5), date(2026, 3, 5), id="date-passthrough"),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("14:30", time(14, 30), id="hh:mm"),
        pytest.param("9:05", time(9, 5), id="h:mm"),
        pytest.param("14h30", time(14, 30), id="h-separator"),
        pytest.param("14g30", time(14, 30), id="giờ-separator"),
        pytest.param(" 14 : 30 ", time(14, 30), id="spaces"),
        # Digits alone, as typed on a phone's number pad (no ":" there).
        pytest.param("1430", time(14, 30), id="hhmm"),
        pytest.param("0905", time(9, 5), id="hhmm-leading-zero"),
        pytest.param("930", time(9, 30), id="hmm"),
        pytest.param("0000", time(0, 0), id="midnight"),
        pytest.param("2359", time(23, 59), id="last-minute"),
        pytest.param("2400", None, id="hour-24"),
        pytest.param("1460", None, id="minute-60"),
        pytest.param("14:3", None, id="one-digit-minute"),
        pytest.param("14", None, id="hour-only"),
        pytest.param("14305", None, id="five-digits"),
        pytest.param("14.30", None, id="dot"),
        pytest.param("chiều", None, id="garbage"),
        pytest.param("", None, id="empty"),
        pytest.param(None, None, id="none"),
    ],
)
def test_parse_time(text, expected):
    assert parse_time(text) == expected
