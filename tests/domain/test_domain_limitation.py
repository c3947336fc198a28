"""Statute of limitations (Luật Điều 6 as amended by Luật 88/2025; NĐ 118 Điều 8)."""

from datetime import date

import pytest

from xlvphc.domain.limitation import (
    is_time_barred,
    limitation_expires,
    limitation_message,
    limitation_start,
    limitation_years,
)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        pytest.param("Bảo vệ môi trường", 2, id="Art6k1a-L88-environment"),
        pytest.param("Đất đai", 2, id="Art6k1a-L88-land"),
        pytest.param("dat dai", 2, id="Art6k1a-L88-land-unaccented"),
        pytest.param("Xây dựng (trật tự xây dựng)", 2, id="Art6k1a-L88-construction"),
        pytest.param("Kế toán", 2, id="Art6k1a-L88-accounting"),
        pytest.param(
            "Khiếu nại, tố cáo, kiến nghị, phản ánh", 2, id="Art6k1a-L88-complaints"
        ),
        pytest.param(
            "Trật tự, an toàn giao thông đường bộ", 1, id="Art6k1a-default-road"
        ),
        pytest.param(
            "An ninh, trật tự, an toàn xã hội", 1, id="Art6k1a-default-public-order"
        ),
        pytest.param(
            "Phòng cháy, chữa cháy và cứu nạn, cứu hộ", 1, id="Art6k1a-default-fire"
        ),
        pytest.param("Phòng, chống bạo lực gia đình", 1, id="Art6k1a-default-dv"),
        pytest.param("Công nghệ thông tin (mạng xã hội)", 1, id="Art6k1a-default-it"),
        pytest.param("Vệ sinh môi trường", 1, id="Art6k1a-sanitation-not-env"),
        pytest.param("Kiểm toán độc lập", None, id="Art6k1a-audit-own-law"),
        pytest.param("Thuế", None, id="Art6k1a-tax-own-law"),
    ],
)
def test_limitation_years(field, expected):
    assert limitation_years(field) == expected


@pytest.mark.parametrize(
    ("detected", "ended", "continuing", "expected"),
    [
        pytest.param(
            date(2026, 3, 10),
            date(2026, 2, 1),
            False,
            date(2026, 2, 1),
            id="ND118-8k1a-finished-from-end",
        ),
        pytest.param(
            date(2026, 3, 10),
            date(2026, 2, 1),
            True,
            date(2026, 3, 10),
            id="ND118-8k1b-continuing-from-detection",
        ),
        pytest.param(
            date(2026, 3, 10),
            None,
            False,
            date(2026, 3, 10),
            id="ND118-8k1-end-unknown",
        ),
    ],
)
def test_limitation_start(detected, ended, continuing, expected):
    assert limitation_start(detected, ended, continuing) == expected


@pytest.mark.parametrize(
    ("start", "years", "transferred", "expected"),
    [
        pytest.param(date(2025, 2, 1), 1, False, date(2026, 2, 1), id="Art6k1a-1-year"),
        pytest.param(date(2025, 2, 1), 2, False, date(2027, 2, 1), id="Art6k1a-2y"),
        pytest.param(
            date(2025, 2, 1), 1, True, date(2027, 2, 1), id="Art6k1c-L88-plus-1-year"
        ),
        pytest.param(date(2024, 2, 29), 1, False, date(2025, 2, 28), id="leap-day"),
    ],
)
def test_limitation_expires(start, years, transferred, expected):
    assert limitation_expires(start, years, transferred) == expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        pytest.param(date(2026, 2, 1), False, id="Art6-last-day-still-in-time"),
        pytest.param(date(2026, 2, 2), True, id="Art65k1c-day-after-barred"),
    ],
)
def test_is_time_barred(on, expected):
    assert is_time_barred(date(2025, 2, 1), 1, on) is expected


def test_limitation_message():
    assert limitation_message(date(2025, 2, 1), 1, date(2026, 2, 1)) is None
    message = limitation_message(date(2025, 2, 1), 1, date(2026, 2, 2))
    assert message is not None
    assert "Đã hết thời hiệu" in message and "01/02/2026" in message
