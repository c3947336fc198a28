"""Postponement and instalments: who may ask and for how long (Luật XLVPHC
Điều 76, 79; forms MQĐ03, MQĐ05). One row per worked example, each naming
its article; boundaries exactly at the floor and at the 03-month period."""

from datetime import date

import pytest

from xlvphc.domain.deadlines import (
    default_instalments,
    instalment_plan_problems,
)
from xlvphc.domain.relief import (
    INSTALMENT_FLOORS,
    POSTPONEMENT_FLOORS,
    POSTPONEMENT_PERIODS,
    Verdict,
    instalment_amount_check,
    postponement_amount_check,
    postponement_limit,
    postponement_problem,
    postponement_too_long,
)

IN_2026 = date(2026, 3, 5)
IN_2020 = date(2020, 6, 1)


@pytest.mark.parametrize(
    ("fine", "is_org", "on", "verdict"),
    [
        pytest.param(
            50_000_000, False, IN_2026, Verdict.MET, id="Art79k1-L67-indiv-at"
        ),
        pytest.param(
            49_999_999, False, IN_2026, Verdict.BELOW, id="Art79k1-L67-indiv-below"
        ),
        pytest.param(500_000_000, True, IN_2026, Verdict.MET, id="Art79k1-L67-org-at"),
        pytest.param(
            499_999_999, True, IN_2026, Verdict.BELOW, id="Art79k1-L67-org-below"
        ),
        pytest.param(
            200_000_000, True, IN_2026, Verdict.BELOW, id="Art79k1-L67-org-2012-floor"
        ),
        pytest.param(
            20_000_000, False, IN_2020, Verdict.MET, id="Art79k1-2012-indiv-at"
        ),
        pytest.param(
            19_999_999, False, IN_2020, Verdict.BELOW, id="Art79k1-2012-indiv-below"
        ),
        pytest.param(
            20_000_000,
            False,
            date(2021, 12, 31),
            Verdict.MET,
            id="Art79k1-2012-last-day",
        ),
        pytest.param(
            20_000_000,
            False,
            date(2022, 1, 1),
            Verdict.BELOW,
            id="Art79k1-L67-first-day",
        ),
        pytest.param(
            90_000_000,
            False,
            date(2013, 6, 30),
            Verdict.UNKNOWN,
            id="Art79-before-2013",
        ),
    ],
)
def test_instalment_amount_check(fine, is_org, on, verdict):
    check = instalment_amount_check(fine, is_org, on)
    assert check.verdict is verdict
    assert check.needs_confirmation is (verdict is not Verdict.MET)
    if verdict is Verdict.BELOW:
        assert "Điều 79" in check.message and "thấp hơn" in check.message
    if verdict is Verdict.MET:
        assert check.message == ""


@pytest.mark.parametrize(
    ("fine", "is_org", "on", "verdict"),
    [
        pytest.param(2_000_000, False, IN_2026, Verdict.MET, id="Art76k1-indiv-at-2m"),
        pytest.param(
            1_999_999, False, IN_2026, Verdict.BELOW, id="Art76k1-indiv-below"
        ),
        pytest.param(100_000_000, True, IN_2026, Verdict.MET, id="Art76k1-org-at-100m"),
        pytest.param(99_999_999, True, IN_2026, Verdict.BELOW, id="Art76k1-org-below"),
        pytest.param(
            5_000_000, False, IN_2020, Verdict.UNKNOWN, id="Art76k1-2012-amount-unknown"
        ),
    ],
)
def test_postponement_amount_check(fine, is_org, on, verdict):
    check = postponement_amount_check(fine, is_org, on)
    assert check.verdict is verdict
    if verdict is Verdict.BELOW:
        assert "Điều 76" in check.message
    if verdict is Verdict.UNKNOWN:
        assert check.rule is None and "chưa có quy định" in check.message


def test_every_rule_carries_dates_citation_and_is_marked_unverified():
    """The 2020 wording of Art. 76 and 79 is not in ../shared/legal."""
    for rule in INSTALMENT_FLOORS + POSTPONEMENT_FLOORS + POSTPONEMENT_PERIODS:
        assert "Điều 7" in rule.basis and rule.source
        assert rule.valid_from and rule.verified is False
    # The instalment wordings follow one another without a gap or overlap.
    first, second = INSTALMENT_FLOORS
    assert (second.valid_from - first.valid_to).days == 1


@pytest.mark.parametrize(
    ("decided", "until", "fragment", "too_long"),
    [
        pytest.param(
            date(2026, 3, 5), date(2026, 6, 5), None, False, id="Art76-exactly-3-months"
        ),
        pytest.param(
            date(2026, 3, 5),
            date(2026, 6, 6),
            "03 tháng",
            True,
            id="Art76-a-day-over",
        ),
        pytest.param(
            date(2025, 11, 30),
            date(2026, 2, 28),
            None,
            False,
            id="Art76-3-months-end-of-february",
        ),
        pytest.param(
            date(2026, 3, 5),
            date(2026, 3, 5),
            "phải sau",
            False,
            id="MQD03-empty-period",
        ),
        pytest.param(
            date(2026, 3, 5),
            date(2026, 3, 1),
            "phải sau",
            False,
            id="MQD03-end-before-start",
        ),
    ],
)
def test_postponement_problem(decided, until, fragment, too_long):
    message = postponement_problem(decided, until)
    if fragment is None:
        assert message is None
    else:
        assert message is not None and fragment in message
    # Only a period beyond 03 months may be overridden after a manual check.
    assert postponement_too_long(decided, until) is too_long


def test_postponement_limit_names_the_2012_wording():
    last, rule = postponement_limit(date(2026, 3, 5))
    assert last == date(2026, 6, 5) and rule.months == 3
    assert "2012" in rule.basis
    assert postponement_limit(date(2013, 6, 30)) is None


EFFECTIVE = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("amounts", "dates", "where"),
    [
        pytest.param(
            [4_000_000, 3_000_000, 3_000_000],
            [date(2026, 3, 10), date(2026, 5, 10), date(2026, 9, 1)],
            [],
            id="Art79-MQD05-exactly-40pct-and-6-months",
        ),
        pytest.param(
            [3_999_999, 6_000_001],
            [date(2026, 3, 10), date(2026, 5, 10)],
            [("amount", 1)],
            id="Art79-MQD05-first-below-40pct-at-lan-1",
        ),
        pytest.param(
            [4_000_000, 5_000_000],
            [date(2026, 3, 10), date(2026, 5, 10)],
            [("amount", 2)],
            id="Art79-sum-at-the-last-amount",
        ),
        pytest.param(
            [4_000_000, 3_000_000, 3_000_000],
            [date(2026, 3, 10), date(2026, 9, 2), date(2026, 9, 3)],
            [("due", 2)],
            id="Art79-MQD05-over-6-months-at-the-first-late-date",
        ),
        pytest.param(
            [4_000_000, 6_000_000],
            [date(2026, 5, 10), date(2026, 3, 10)],
            [("due", 2)],
            id="Art79-out-of-order-at-the-earlier-date",
        ),
        pytest.param(
            [4_000_000, 6_000_000],
            [date(2026, 2, 28), date(2026, 3, 10)],
            [("due", 1)],
            id="Art79-before-the-decision-took-effect",
        ),
        pytest.param(
            [10_000_000],
            [date(2026, 3, 10)],
            [("amount", 2)],
            id="MQD05-single-instalment-asks-for-lan-2",
        ),
    ],
)
def test_instalment_plan_problems_are_placed(amounts, dates, where):
    problems = instalment_plan_problems(10_000_000, amounts, dates, EFFECTIVE)
    assert [(p.part, p.position) for p in problems] == where


@pytest.mark.parametrize(
    ("total", "today", "expected"),
    [
        pytest.param(
            3_500_000,
            EFFECTIVE,
            [
                (1_400_000, date(2026, 5, 1)),
                (1_050_000, date(2026, 7, 1)),
                (1_050_000, date(2026, 9, 1)),
            ],
            id="Art79-MQD05-40-30-30-over-6-months",
        ),
        pytest.param(
            1_000_001,
            EFFECTIVE,
            [
                (401_000, date(2026, 5, 1)),
                (299_000, date(2026, 7, 1)),
                (300_001, date(2026, 9, 1)),
            ],
            id="Art79-first-rounded-up-to-a-thousand",
        ),
        pytest.param(
            1_500,
            EFFECTIVE,
            [(1_000, date(2026, 6, 1)), (500, date(2026, 9, 1))],
            id="too-small-for-three",
        ),
        pytest.param(
            3_500_000,
            date(2026, 8, 1),
            [
                (1_400_000, date(2026, 8, 11)),
                (1_050_000, date(2026, 8, 21)),
                (1_050_000, date(2026, 9, 1)),
            ],
            id="Art79-what-is-left-of-the-period",
        ),
        pytest.param(3_500_000, date(2026, 8, 31), [], id="Art79-period-over"),
        pytest.param(0, EFFECTIVE, [], id="nothing-owed"),
    ],
)
def test_default_instalments(total, today, expected):
    plan = default_instalments(total, EFFECTIVE, today)
    assert plan == expected
    if plan:
        amounts, dues = [a for a, _ in plan], [d for _, d in plan]
        assert instalment_plan_problems(total, amounts, dues, EFFECTIVE) == []
