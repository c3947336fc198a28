"""The violator's age at the time of the violation (Luật XLVPHC Điều 5 k1
điểm a, Điều 134; their wording is not in ../shared/legal, domain/minors.py):
a table of birthdays and violation days, each row naming the article."""

from datetime import date

import pytest

from xlvphc.domain.minors import (
    AgeBand,
    decision_note,
    decision_warning,
    fine_refusal,
    intent_refusal,
    minor_rule,
    sanction_refusal,
)

# (birth, violated, band or None for an adult, may fine, intent needed, divisor)
ROWS = [
    pytest.param(
        date(2020, 1, 1),
        date(2026, 12, 1),
        AgeBand.UNDER_14,
        False,
        False,
        1,
        id="Art5k1a-six-year-old-never-sanctioned",
    ),
    pytest.param(
        date(2012, 12, 2),
        date(2026, 12, 1),
        AgeBand.UNDER_14,
        False,
        False,
        1,
        id="Art5k1a-day-before-14th-birthday",
    ),
    pytest.param(
        date(2012, 12, 1),
        date(2026, 12, 1),
        AgeBand.FROM_14,
        False,
        True,
        1,
        id="Art5k1a-Art134-14th-birthday-warning-only-if-intentional",
    ),
    pytest.param(
        date(2010, 12, 2),
        date(2026, 12, 1),
        AgeBand.FROM_14,
        False,
        True,
        1,
        id="Art134-day-before-16th-birthday",
    ),
    pytest.param(
        date(2010, 12, 1),
        date(2026, 12, 1),
        AgeBand.FROM_16,
        True,
        False,
        2,
        id="Art134-16th-birthday-half-fine",
    ),
    pytest.param(
        date(2008, 12, 2),
        date(2026, 12, 1),
        AgeBand.FROM_16,
        True,
        False,
        2,
        id="Art134-day-before-18th-birthday",
    ),
    pytest.param(
        date(2008, 12, 1),
        date(2026, 12, 1),
        None,
        True,
        False,
        1,
        id="Art5-adult-on-18th-birthday",
    ),
    pytest.param(
        date(2008, 2, 29),
        date(2026, 2, 28),
        AgeBand.FROM_16,
        True,
        False,
        2,
        id="Art134-leap-day-birthday-not-yet-18-on-28-February",
    ),
]


@pytest.mark.parametrize(
    ("birth", "violated", "band", "may_fine", "intent", "divisor"), ROWS
)
def test_age_band_on_the_day_of_the_violation(
    birth, violated, band, may_fine, intent, divisor
):
    rule = minor_rule(birth, violated)
    if band is None:
        assert rule is None
        assert decision_warning(rule) == "" and decision_note(rule) == ""
        return
    assert rule.band is band
    assert (rule.may_sanction, rule.may_fine, rule.intent_required) == (
        band is not AgeBand.UNDER_14,
        may_fine,
        intent,
    )
    assert rule.fine_divisor == divisor
    assert "Điều 5" in rule.basis and "Điều 134" in rule.basis
    assert not rule.wording.verified  # the articles are not in shared/legal
    assert decision_warning(rule)


def test_under_14_refuses_any_decision_and_points_to_closing():
    """Art. 5 k1 a: the case ends without a decision."""
    rule = minor_rule(date(2020, 1, 1), date(2026, 12, 1))
    refusal = sanction_refusal(rule)
    assert "6 tuổi" in refusal and "chưa đủ 14 tuổi" in refusal
    assert "Kết thúc: không ra quyết định xử phạt" in refusal
    assert fine_refusal(rule) is None and decision_note(rule) == ""


def test_14_to_16_refuses_a_fine_and_asks_for_intent():
    """Art. 134: a warning only; Art. 5 k1 a: only intentional violations."""
    rule = minor_rule(date(2011, 6, 1), date(2026, 12, 1))
    assert sanction_refusal(rule) is None
    assert "không bị phạt tiền" in fine_refusal(rule)
    assert "cố ý" in intent_refusal(rule)
    assert "cố ý" in decision_note(rule)


@pytest.mark.parametrize(
    ("low", "high", "halved"),
    [
        pytest.param(2_000_000, 5_000_000, (1_000_000, 2_500_000), id="Art134-half"),
        pytest.param(
            400_000, 600_000, (200_000, 300_000), id="Art134-half-small-frame"
        ),
        pytest.param(
            150_001, 150_001, (75_000, 75_000), id="Art134-odd-amount-rounds-down"
        ),
    ],
)
def test_16_to_18_frame_is_half_the_adult_frame(low, high, halved):
    rule = minor_rule(date(2009, 6, 1), date(2026, 12, 1))
    assert rule.frame(low, high) == halved
    assert fine_refusal(rule) is None and intent_refusal(rule) is None
    assert "1/2" in decision_note(rule)


@pytest.mark.parametrize(
    ("birth", "violated", "edition"),
    [
        pytest.param(
            date(2005, 1, 1),
            date(2021, 12, 31),
            "năm 2012",
            id="Law2012-wording-until-2021",
        ),
        pytest.param(
            date(2006, 1, 1),
            date(2022, 1, 1),
            "sửa đổi, bổ sung năm 2020",
            id="Law67-2020-wording-from-2022",
        ),
    ],
)
def test_the_wording_follows_the_day_of_the_violation(birth, violated, edition):
    assert minor_rule(birth, violated).wording.edition == edition


def test_unknown_birth_or_day_or_before_the_2012_law_computes_nothing():
    """NĐ 118/2021 Art. 25 k1: without an exact age the signer decides."""
    assert minor_rule(None, date(2026, 12, 1)) is None
    assert minor_rule(date(2015, 1, 1), None) is None
    assert minor_rule(date(2000, 1, 1), date(2013, 6, 30)) is None
