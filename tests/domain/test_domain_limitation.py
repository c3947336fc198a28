"""Statute of limitations (Luật Điều 6 as amended by Luật 88/2025; NĐ 118 Điều 8)."""

from datetime import date

import pytest

from xlvphc.domain.limitation import (
    detection_problem,
    is_time_barred,
    limitation_expires,
    limitation_message,
    limitation_start,
    limitation_years,
    sanction_limitation,
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


TRAFFIC = "Trật tự, an toàn giao thông đường bộ"
LAND = "Đất đai"


@pytest.mark.parametrize(
    ("field", "violated", "detected", "continuing", "back", "start", "end"),
    [
        pytest.param(
            TRAFFIC,
            date(2025, 3, 1),
            date(2025, 3, 1),
            False,
            False,
            date(2025, 3, 1),
            date(2026, 3, 1),
            id="Art6k1a-finished-1-year-from-the-act",
        ),
        pytest.param(
            LAND,
            date(2020, 6, 1),
            date(2025, 9, 15),
            True,
            False,
            date(2025, 9, 15),
            date(2027, 9, 15),
            id="Art6k1b-ND118-8k1b-continuing-land-2-years-from-detection",
        ),
        pytest.param(
            LAND,
            date(2020, 6, 1),
            date(2025, 9, 15),
            False,
            False,
            date(2020, 6, 1),
            date(2022, 6, 1),
            id="ND118-8k1a-same-dates-finished-counts-from-its-end",
        ),
        pytest.param(
            TRAFFIC,
            date(2024, 1, 10),
            date(2025, 2, 3),
            True,
            True,
            date(2025, 2, 3),
            date(2027, 2, 3),
            id="Art6k1c-L88-continuing-received-back-plus-1-year",
        ),
        pytest.param(
            TRAFFIC,
            date(2024, 1, 10),
            None,
            True,
            False,
            date(2024, 1, 10),
            date(2025, 1, 10),
            id="ND118-8k1b-detection-unknown-earliest-start",
        ),
        pytest.param(
            TRAFFIC,
            date(2023, 2, 28),
            date(2024, 2, 29),
            True,
            False,
            date(2024, 2, 29),
            date(2025, 2, 28),
            id="Art6-continuing-detected-on-leap-day",
        ),
    ],
)
def test_sanction_limitation(field, violated, detected, continuing, back, start, end):
    found = sanction_limitation(field, violated, detected, continuing, back)
    assert (found.start, found.end) == (start, end)
    assert found.continuing is (continuing and detected is not None)


def test_sanction_limitation_for_tax_is_left_to_its_own_law():
    """Art. 6 k1 điểm a, second paragraph (Luật 88/2025)."""
    assert sanction_limitation("Thuế", date(2025, 1, 1), None, True) is None


@pytest.mark.parametrize(
    ("on", "continuing", "refused", "fragment"),
    [
        pytest.param(
            date(2026, 9, 15), True, False, "", id="Art6k1b-continuing-last-day"
        ),
        pytest.param(
            date(2026, 9, 16),
            True,
            True,
            "từ ngày phát hiện 15/09/2025",
            id="Art65k1c-continuing-day-after",
        ),
        pytest.param(
            date(2025, 9, 16),
            False,
            True,
            "vi phạm đã kết thúc",
            id="Art65k1c-finished-barred-a-year-after-its-end",
        ),
    ],
)
def test_sanction_limitation_refusal(on, continuing, refused, fragment):
    """Luật XLVPHC Điều 65 k1 điểm c: no decision once the period ended; the
    message says from which day the period ran."""
    found = sanction_limitation(
        TRAFFIC, date(2024, 9, 15), date(2025, 9, 15), continuing
    )
    message = found.refusal(on)
    assert (message is not None) is refused
    if refused:
        assert fragment in message and "khoản 2 Điều 65" in message


@pytest.mark.parametrize(
    ("violated", "detected", "recorded", "continuing", "fragment"),
    [
        pytest.param(
            date(2025, 1, 1), None, date(2025, 3, 2), True, "vui lòng nhập",
            id="ND118-8k1b-continuing-needs-detection-day",
        ),
        pytest.param(
            date(2025, 1, 1), None, date(2025, 3, 2), False, None,
            id="ND118-8k1a-finished-detection-optional",
        ),
        pytest.param(
            date(2025, 3, 1), date(2025, 2, 1), date(2025, 3, 2), True,
            "trước ngày vi phạm", id="ND118-8k1-detected-before-it-began",
        ),
        pytest.param(
            date(2025, 1, 1), date(2025, 3, 5), date(2025, 3, 2), True,
            "sau ngày lập biên bản", id="Art58k1-L88-detected-after-the-record",
        ),
        pytest.param(
            date(2025, 1, 1), date(2025, 3, 2), date(2025, 3, 2), True, None,
            id="Art58k1-recorded-the-day-detected",
        ),
    ],
)
def test_detection_problem(violated, detected, recorded, continuing, fragment):
    message = detection_problem(violated, detected, recorded, continuing)
    if fragment is None:
        assert message is None
    else:
        assert message is not None and fragment in message
