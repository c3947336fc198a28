"""Fine frames (Luật Điều 23, 24, 56) and circumstances (NĐ 118 Điều 9, NĐ 68)."""

from datetime import date

import pytest

from xlvphc.domain.fines import (
    check_fine,
    check_fine_advice,
    default_fine,
    fine_with_circumstances,
    no_record_ceiling,
    org_frame,
)


@pytest.mark.parametrize(
    ("fmin", "fmax", "is_org", "expected"),
    [
        pytest.param(400_000, 600_000, False, (400_000, 600_000), id="Art24-indiv"),
        pytest.param(400_000, 600_000, True, (800_000, 1_200_000), id="Art24-org-x2"),
    ],
)
def test_org_frame(fmin, fmax, is_org, expected):
    assert org_frame(fmin, fmax, is_org) == expected


@pytest.mark.parametrize(
    ("fmin", "fmax", "expected"),
    [
        pytest.param(400_000, 600_000, 500_000, id="Art23k4-average"),
        pytest.param(4_000_000, 6_000_000, 5_000_000, id="Art23k4-average-millions"),
        pytest.param(100_000, 250_001, 175_000, id="Art23k4-floor-odd-sum"),
    ],
)
def test_default_fine(fmin, fmax, expected):
    assert default_fine(fmin, fmax) == expected


# Frame 400.000-600.000 đồng (e.g. NĐ 168/2024 Điều 6 k1 điểm đ), average 500.000.
@pytest.mark.parametrize(
    ("mitigating", "aggravating", "low", "high", "strict", "suggested"),
    [
        pytest.param(0, 0, 500_000, 500_000, False, 500_000, id="ND118-Art9-avg"),
        pytest.param(1, 0, 400_000, 500_000, True, 450_000, id="ND68-Art9-one-mitig"),
        pytest.param(2, 0, 400_000, 400_000, False, 400_000, id="ND68-Art9-two-mitig"),
        pytest.param(3, 0, 400_000, 400_000, False, 400_000, id="ND68-Art9-3-mitig"),
        pytest.param(0, 1, 500_000, 600_000, True, 550_000, id="ND68-Art9-one-aggr"),
        pytest.param(0, 2, 600_000, 600_000, False, 600_000, id="ND68-Art9-two-aggr"),
        pytest.param(1, 1, 500_000, 500_000, False, 500_000, id="ND118-Art9-offset"),
        pytest.param(2, 1, 400_000, 500_000, True, 450_000, id="ND118-Art9-net-mitig"),
        pytest.param(1, 3, 600_000, 600_000, False, 600_000, id="ND118-Art9-net-2"),
    ],
)
def test_fine_with_circumstances(mitigating, aggravating, low, high, strict, suggested):
    advice = fine_with_circumstances(400_000, 600_000, mitigating, aggravating)
    assert (advice.low, advice.high, advice.strict) == (low, high, strict)
    assert advice.suggested == suggested
    assert advice.allows(suggested)


@pytest.mark.parametrize(
    ("amount", "allowed"),
    [
        pytest.param(400_000, False, id="ND68-Art9-minimum-excluded"),
        pytest.param(400_001, True, id="ND68-Art9-just-above-minimum"),
        pytest.param(499_999, True, id="ND68-Art9-just-below-average"),
        pytest.param(500_000, False, id="ND68-Art9-average-excluded"),
    ],
)
def test_one_mitigating_factor_is_strictly_between(amount, allowed):
    advice = fine_with_circumstances(400_000, 600_000, 1, 0)
    assert advice.allows(amount) is allowed
    assert (check_fine_advice(amount, advice) is None) is allowed


def test_fixed_amount_frame():
    advice = fine_with_circumstances(1_000_000, 1_000_000, 1, 0)
    assert (advice.low, advice.high, advice.suggested) == (1_000_000,) * 3


@pytest.mark.parametrize(
    ("fine", "expected"),
    [
        pytest.param(600_000, None, id="Art23k4-exactly-at-maximum"),
        pytest.param(400_000, None, id="Art23k4-exactly-at-minimum"),
        pytest.param(
            399_999,
            "Mức phạt phải trong khung từ 400.000 đồng đến 600.000 đồng.",
            id="Art23k4-below-minimum",
        ),
        pytest.param(
            600_001,
            "Mức phạt phải trong khung từ 400.000 đồng đến 600.000 đồng.",
            id="Art23k4-above-maximum",
        ),
    ],
)
def test_check_fine(fine, expected):
    assert check_fine(fine, 400_000, 600_000) == expected


def test_check_fine_advice_message_cites_article():
    advice = fine_with_circumstances(400_000, 600_000, 0, 2)
    message = check_fine_advice(500_000, advice)
    assert message is not None
    assert "600.000 đồng" in message and "Điều 9" in message


@pytest.mark.parametrize(
    ("on", "is_org", "expected"),
    [
        pytest.param(date(2025, 6, 30), False, 250_000, id="Art56-before-L88-indiv"),
        pytest.param(date(2025, 6, 30), True, 500_000, id="Art56-before-L88-org"),
        pytest.param(date(2025, 7, 1), False, 500_000, id="Art56-L88-indiv"),
        pytest.param(date(2025, 7, 1), True, 1_000_000, id="Art56-L88-org"),
    ],
)
def test_no_record_ceiling(on, is_org, expected):
    assert no_record_ceiling(on, is_org) == expected
