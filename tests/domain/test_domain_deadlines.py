"""Procedural deadlines (NĐ 118 Điều 12; Luật Điều 61, 66, 70, 73, 74, 76, 78, 79)."""

from datetime import date

import pytest

from xlvphc.domain.deadlines import (
    DecisionCase,
    RecordCase,
    check_instalments,
    compliance_deadline,
    days_late,
    decision_deadline,
    execution_limitation_after_changes,
    execution_limitation_end,
    explanation_applies,
    explanation_deadline,
    late_surcharge,
    licence_notice_deadline,
    record_deadline,
    send_decision_deadline,
)


@pytest.mark.parametrize(
    ("trigger", "case", "expected"),
    [
        pytest.param(
            date(2026, 3, 5), RecordCase.NORMAL, date(2026, 3, 9), id="ND118-12k2a-wd"
        ),
        pytest.param(
            date(2026, 2, 12), RecordCase.NORMAL, date(2026, 2, 23), id="ND118-12k2a"
        ),
        pytest.param(
            date(2026, 2, 12), RecordCase.COMPLEX, date(2026, 2, 26), id="ND118-12k2b"
        ),
        pytest.param(
            date(2026, 2, 12), RecordCase.TECHNICAL, date(2026, 2, 24), id="ND118-12k2c"
        ),
        pytest.param(
            date(2026, 3, 5), RecordCase.VESSEL, date(2026, 3, 9), id="ND118-12k2d"
        ),
    ],
)
def test_record_deadline(trigger, case, expected):
    assert record_deadline(trigger, case) == expected


@pytest.mark.parametrize(
    ("record", "oral", "expected"),
    [
        pytest.param(date(2026, 3, 5), True, date(2026, 3, 9), id="MBB01-oral-2wd"),
        pytest.param(date(2026, 3, 5), False, date(2026, 3, 12), id="MBB01-written"),
    ],
)
def test_explanation_deadline(record, oral, expected):
    assert explanation_deadline(record, oral) == expected


@pytest.mark.parametrize(
    ("frame_max", "is_org", "deprivation", "expected"),
    [
        pytest.param(15_000_000, False, False, True, id="Art61-indiv-at-15m"),
        pytest.param(14_999_999, False, False, False, id="Art61-indiv-below"),
        pytest.param(30_000_000, True, False, True, id="Art61-org-at-30m"),
        pytest.param(20_000_000, True, False, False, id="Art61-org-below"),
        pytest.param(1_000_000, False, True, True, id="Art61-deprivation"),
    ],
)
def test_explanation_applies(frame_max, is_org, deprivation, expected):
    assert explanation_applies(frame_max, is_org, deprivation) is expected


@pytest.mark.parametrize(
    ("record", "case", "expected"),
    [
        pytest.param(
            date(2026, 2, 10), DecisionCase.NORMAL, date(2026, 2, 26), id="Art66-7wd"
        ),
        pytest.param(
            date(2026, 2, 10),
            DecisionCase.TRANSFERRED,
            date(2026, 3, 3),
            id="Art66-10wd-transfer",
        ),
        pytest.param(
            date(2026, 2, 10),
            DecisionCase.EXPLANATION,
            date(2026, 3, 10),
            id="Art66-1-month",
        ),
        pytest.param(
            date(2026, 1, 31),
            DecisionCase.EXPLANATION,
            date(2026, 2, 28),
            id="Art66-1-month-clamped",
        ),
        pytest.param(
            date(2026, 2, 10), DecisionCase.EXTENDED, date(2026, 4, 10), id="Art66-2m"
        ),
    ],
)
def test_decision_deadline(record, case, expected):
    assert decision_deadline(record, case) == expected


@pytest.mark.parametrize(
    ("decided", "expected"),
    [
        pytest.param(date(2026, 2, 13), date(2026, 2, 25), id="Art70-L88-3wd-tet"),
        pytest.param(date(2026, 3, 5), date(2026, 3, 10), id="Art70-L88-3wd-weekend"),
    ],
)
def test_send_decision_deadline(decided, expected):
    assert send_decision_deadline(decided) == expected


def test_licence_notice_deadline_over_tet():
    # NĐ 118/2021 Điều 9 k5: 02 working days.
    assert licence_notice_deadline(date(2026, 2, 13)) == date(2026, 2, 24)


@pytest.mark.parametrize(
    ("received", "days", "expected"),
    [
        pytest.param(date(2026, 3, 5), 10, date(2026, 3, 15), id="Art73k1-10-days"),
        pytest.param(date(2026, 3, 5), 30, date(2026, 4, 4), id="Art73k1-longer"),
        pytest.param(date(2026, 3, 5), 5, date(2026, 3, 15), id="Art73k1-min-10"),
        pytest.param(date(2026, 2, 10), 10, date(2026, 2, 20), id="Art73k1-calendar"),
    ],
)
def test_compliance_deadline(received, days, expected):
    assert compliance_deadline(received, days) == expected


@pytest.mark.parametrize(
    ("deadline", "paid", "excluded", "expected"),
    [
        pytest.param(date(2026, 3, 15), date(2026, 3, 15), 0, 0, id="Art78-on-time"),
        pytest.param(date(2026, 3, 15), date(2026, 3, 10), 0, 0, id="Art78-early"),
        pytest.param(date(2026, 3, 15), date(2026, 3, 20), 0, 5, id="Art78-5-late"),
        pytest.param(
            date(2026, 3, 15), date(2026, 3, 20), 3, 2, id="ND118-20k4-excluded"
        ),
        pytest.param(
            date(2026, 3, 15), date(2026, 3, 20), 9, 0, id="ND118-20k4-all-excluded"
        ),
    ],
)
def test_days_late(deadline, paid, excluded, expected):
    assert days_late(deadline, paid, excluded) == expected


@pytest.mark.parametrize(
    ("amount", "days", "expected"),
    [
        pytest.param(1_500_000, 10, 7_500, id="Art78k1-0.05pct-10-days"),
        pytest.param(1_000_000, 1, 500, id="Art78k1-one-day"),
        pytest.param(1_000, 1, 1, id="Art78k1-half-dong-rounds-up"),
        pytest.param(333, 1, 0, id="Art78k1-rounds-down"),
        pytest.param(0, 5, 0, id="Art78k1-nothing-unpaid"),
        pytest.param(1_000_000, 0, 0, id="Art78k1-not-late"),
    ],
)
def test_late_surcharge(amount, days, expected):
    assert late_surcharge(amount, days) == expected


@pytest.mark.parametrize(
    ("decided", "expected"),
    [
        pytest.param(date(2026, 3, 5), date(2027, 3, 5), id="Art74-1-year"),
        pytest.param(date(2024, 2, 29), date(2025, 2, 28), id="Art74-leap-day"),
    ],
)
def test_execution_limitation_end(decided, expected):
    assert execution_limitation_end(decided) == expected


@pytest.mark.parametrize(
    ("decided", "changes", "expected"),
    [
        pytest.param(date(2026, 3, 5), [], date(2027, 3, 5), id="Art74-no-change"),
        pytest.param(
            date(2026, 3, 5),
            [date(2026, 8, 20)],
            date(2027, 8, 20),
            id="ND118-16k3a-one-amendment-1-year-from-it",
        ),
        pytest.param(
            date(2026, 3, 5),
            [date(2026, 4, 1), date(2026, 8, 20)],
            date(2028, 3, 5),
            id="ND118-16k3b-several-2-years-from-the-decision",
        ),
    ],
)
def test_execution_limitation_after_changes(decided, changes, expected):
    assert execution_limitation_after_changes(decided, changes) == expected


EFFECTIVE = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("total", "amounts", "dates", "fragment"),
    [
        pytest.param(
            10_000_000,
            [4_000_000, 3_000_000, 3_000_000],
            [date(2026, 3, 10), date(2026, 5, 10), date(2026, 9, 1)],
            None,
            id="Art79-MQD05-exactly-40pct-and-6-months",
        ),
        pytest.param(
            10_000_000,
            [3_999_999, 6_000_001],
            [date(2026, 3, 10), date(2026, 5, 10)],
            "40%",
            id="Art79-MQD05-first-below-40pct",
        ),
        pytest.param(
            1_000_001,
            [400_000, 600_001],
            [date(2026, 3, 10), date(2026, 5, 10)],
            "400.001 đồng",
            id="Art79-MQD05-40pct-rounded-up",
        ),
        pytest.param(
            1_000_001,
            [400_001, 600_000],
            [date(2026, 3, 10), date(2026, 5, 10)],
            None,
            id="Art79-MQD05-40pct-odd-total-ok",
        ),
        pytest.param(
            10_000_000,
            [4_000_000, 2_000_000, 2_000_000, 2_000_000],
            [date(2026, 3, 10), date(2026, 4, 10), date(2026, 5, 10), date(2026, 6, 1)],
            "03 lần",
            id="Art79-MQD05-four-instalments",
        ),
        pytest.param(
            10_000_000,
            [10_000_000],
            [date(2026, 3, 10)],
            "02 lần",
            id="MQD05-single-instalment",
        ),
        pytest.param(
            10_000_000,
            [4_000_000, 5_000_000],
            [date(2026, 3, 10), date(2026, 5, 10)],
            "phải bằng",
            id="Art79-sum-mismatch",
        ),
        pytest.param(
            10_000_000,
            [4_000_000, 6_000_000],
            [date(2026, 3, 10), date(2026, 9, 2)],
            "06 tháng",
            id="Art79-MQD05-over-6-months",
        ),
        pytest.param(
            10_000_000,
            [4_000_000, 6_000_000],
            [date(2026, 5, 10), date(2026, 3, 10)],
            "theo thứ tự",
            id="Art79-dates-out-of-order",
        ),
    ],
)
def test_check_instalments(total, amounts, dates, fragment):
    errors = check_instalments(total, amounts, dates, EFFECTIVE)
    if fragment is None:
        assert errors == []
    else:
        assert any(fragment in e for e in errors), errors


def test_check_instalments_mismatched_lists():
    assert check_instalments(1_000_000, [400_000], [], EFFECTIVE)
