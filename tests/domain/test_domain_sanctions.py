"""Additional sanctions (Luật XLVPHC Điều 21, 27) and the reminder of minors
instead of a warning (NĐ 118/2021 Điều 25 k2, Điều 26 k2)."""

from datetime import date

import pytest

from xlvphc.domain.sanctions import (
    additional_text,
    age_on,
    expulsion_refusal,
    reminder_refusal,
    warning_possible,
)

VIOLATED = date(2026, 6, 15)


@pytest.mark.parametrize(
    ("birth", "expected"),
    [
        (date(2010, 6, 15), 16),  # birthday that day: full years
        (date(2010, 6, 16), 15),
        (date(2012, 6, 16), 13),
        (date(2008, 6, 15), 18),
    ],
)
def test_age_counts_full_years_on_the_day(birth, expected):
    assert age_on(birth, VIOLATED) == expected


@pytest.mark.parametrize(
    ("birth", "warning", "allowed"),
    [
        pytest.param(date(2012, 6, 15), False, True, id="Art26-k2a-14-years"),
        pytest.param(date(2011, 1, 1), False, True, id="Art26-k2a-15-no-warning-act"),
        pytest.param(date(2010, 6, 15), True, True, id="Art26-k2b-16-warning-act"),
        pytest.param(date(2010, 6, 15), False, False, id="Art26-k2b-16-fine-only-act"),
        pytest.param(date(2008, 6, 16), True, True, id="Art26-k2b-day-before-18"),
        pytest.param(date(2008, 6, 15), True, False, id="Art26-18-is-adult"),
        pytest.param(date(2012, 6, 16), True, False, id="Art26-under-14"),
        pytest.param(None, True, False, id="no-birth-date"),
    ],
)
def test_reminder_only_for_minors_under_the_conditions(birth, warning, allowed):
    refusal = reminder_refusal(birth, VIOLATED, warning)
    assert (refusal is None) == allowed


def test_refusal_says_the_age_and_the_rule():
    refusal = reminder_refusal(date(2010, 6, 15), VIOLATED, False)
    assert "16 tuổi" in refusal and "Điều 26" in refusal
    assert "20 tuổi" in reminder_refusal(date(2006, 1, 1), VIOLATED, True)


@pytest.mark.parametrize(
    ("act", "fine_min", "expected"),
    [
        ("Gây mất trật tự công cộng (có thể phạt cảnh cáo)", 500_000, True),
        ("Người từ đủ 14 đến dưới 16 tuổi điều khiển xe mô tô (chỉ phạt cảnh cáo)",
         None, True),
        ("Không đội mũ bảo hiểm", 400_000, False),
        ("", None, True),
    ],
)
def test_acts_punishable_by_a_warning(act, fine_min, expected):
    assert warning_possible(act, fine_min) is expected


@pytest.mark.parametrize(
    ("is_org", "nationality", "allowed"),
    [
        pytest.param(False, "Lào", True, id="Art27-foreigner"),
        pytest.param(False, "Việt Nam", False, id="Art27-citizen"),
        pytest.param(False, "", False, id="Art27-no-nationality-means-citizen"),
        pytest.param(True, "Hàn Quốc", False, id="Art27-organisation"),
    ],
)
def test_expulsion_only_for_a_foreigner(is_org, nationality, allowed):
    assert (expulsion_refusal(is_org, nationality) is None) == allowed


def test_chosen_sanctions_are_printed_in_the_law_order():
    assert additional_text(["sanction_confiscation", "sanction_licence"]) == (
        "Tước quyền sử dụng giấy phép, chứng chỉ hành nghề có thời hạn; "
        "Tịch thu tang vật, phương tiện vi phạm hành chính"
    )
    assert additional_text([]) == ""
