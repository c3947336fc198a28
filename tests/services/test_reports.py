"""Report figures against values worked out by hand on the fixed data set of
test_reports_data.py: every column, both blocks, the scope rules."""

import pytest

from tests.services.conftest import actor_for, make_user
from tests.services.test_reports_data import load_cases
from xlvphc.services.access import Role
from xlvphc.services.errors import PermissionDenied, ValidationFailed
from xlvphc.services.reports.export import export_report
from xlvphc.services.reports.queries import build_report

YEAR_2026 = {"period": "year", "year": "2026"}

# Worked out from test_reports_data.CASES for the year 2026.
EXPECTED_A = {
    "1.1": 6,
    "1.2": 4,
    "1.3": 3,
    "1.4": 1,
    "2.1": 1,
    "2.2": 3,
    "2.3": 1,
    "2.4": 1,
    "3.1": 4,
    "3.2": 0,
    "3.3": 1,
    "3.4": 3,
    "3.5": 2,
    "3.6": 1,
    "3.7": 0,
    "3.8": 0,
    "3.9": 0,
    "4.1": 7_000_000,
    "4.2": 2_000_000,
    "4.3": 1_000_000,
    "5.1": 1,
    "5.2": 1,
    "5.3": 1,
}
EXPECTED_B = {
    "1.1": 3,
    "1.2": 3,
    "1.3": 2,
    "1.4": 1,
    "2.1": 0,
    "2.2": 3,
    "2.3": 1,
    "2.4": 0,
    "3.1": 3,
    "3.2": 1,
    "3.3": 0,
    "3.4": 0,
    "3.5": 0,
    "3.6": 0,
    "3.7": 1,
    "3.8": 1,
    "3.9": 0,
    "4.1": 11_000_000,
    "4.2": 100_000,
    "4.3": 0,
    "5.1": 0,
    "5.2": 0,
    "5.3": 1,
}
EXPECTED_P = {
    "1.1": 1,
    "1.2": 1,
    "1.3": 1,
    "1.4": 0,
    "2.1": 0,
    "2.2": 1,
    "2.3": 0,
    "2.4": 0,
    "3.1": 1,
    "3.2": 0,
    "3.3": 0,
    "3.4": 1,
    "3.5": 0,
    "3.6": 0,
    "3.7": 0,
    "3.8": 0,
    "3.9": 0,
    "4.1": 300_000,
    "4.2": 300_000,
    "4.3": 0,
    "5.1": 0,
    "5.2": 0,
    "5.3": 0,
}


@pytest.fixture
def data(people):
    ids = load_cases()
    return ids


def _by_unit(rows):
    return {row.unit_id: row.values for row in rows}


def test_every_column_matches_the_hand_count(people, data):
    report = build_report(people["giamsat"], YEAR_2026)
    assert report.period == "Năm 2026"
    assert _by_unit(report.provincial) == {data["A"]: EXPECTED_A, data["B"]: EXPECTED_B}
    assert _by_unit(report.vertical) == {data["P"]: EXPECTED_P}


def test_police_are_kept_out_of_the_provincial_total(people, data):
    report = build_report(people["giamsat"], YEAR_2026)
    assert report.provincial_total.values == {
        k: EXPECTED_A[k] + EXPECTED_B[k] for k in EXPECTED_A
    }
    assert report.vertical_total.values == EXPECTED_P
    assert report.provincial_total.values["4.1"] == 18_000_000


def test_every_column_has_a_data_source(people, data):
    """Licences deprived, suspensions (the ticked additional sanctions) and
    minors reminded are counted now; no column is left "Chưa có dữ liệu"."""
    report = build_report(people["giamsat"], YEAR_2026)
    empty = {c.code for t in report.tables for c in t.columns if c.expr is None}
    assert empty == set()
    assert not any("chưa có dữ liệu" in note for note in report.notes)


def test_sanctions_and_reminders_count_by_their_own_date(people, data):
    # 2027: case 8 loses a licence; nothing is reminded.
    report = build_report(people["giamsat"], {"period": "year", "year": "2027"})
    values = _by_unit(report.provincial)[data["A"]]
    assert (values["3.2"], values["3.3"], values["5.3"]) == (1, 0, 0)
    # January 2026: Bình Kiến reminds the minor of case 14 (detected in 2025).
    january = build_report(
        people["giamsat"], {"period": "month", "year": "2026", "month": "1"}
    )
    values = _by_unit(january.provincial)[data["B"]]
    assert (values["1.1"], values["5.3"]) == (0, 1)


def test_period_boundaries(people, data):
    # March 2026: cases 2 and 3 detected and decided; case 2 postponed.
    report = build_report(
        people["giamsat"], {"period": "month", "year": "2026", "month": "3"}
    )
    values = _by_unit(report.provincial)[data["A"]]
    assert (values["1.1"], values["1.2"], values["3.5"], values["4.1"]) == (
        2,
        2,
        1,
        4_000_000,
    )
    assert report.vertical == []
    # Quarter I: case 4 decided in January counts, its 2025 detection does not.
    q1 = build_report(
        people["giamsat"], {"period": "quarter", "year": "2026", "quarter": "1"}
    )
    values = _by_unit(q1.provincial)[data["A"]]
    assert (values["1.1"], values["1.2"], values["4.2"]) == (3, 4, 2_000_000)


def test_steps_count_by_their_own_date(people, data):
    # June 2026: nothing of case 6 happens but its return from the
    # prosecution bodies; it is counted, and nothing else of Tuy Hòa is.
    report = build_report(
        people["giamsat"], {"period": "month", "year": "2026", "month": "6"}
    )
    values = _by_unit(report.provincial)[data["A"]]
    assert values["5.2"] == 1
    assert sum(values.values()) == 1


def test_field_and_group_filters(people, data):
    land = build_report(people["giamsat"], {**YEAR_2026, "field": "Đất đai"})
    assert _by_unit(land.provincial)[data["A"]]["1.1"] == 2
    assert _by_unit(land.provincial)[data["B"]]["4.1"] == 10_000_000
    vertical = build_report(people["giamsat"], {**YEAR_2026, "group": "vertical"})
    assert vertical.provincial == [] and len(vertical.vertical) == 1


def test_unit_leader_sees_only_their_unit(people, data):
    make_user("lanhdao.a", "UBND-22015", Role.AUTHORITY)
    leader = actor_for("lanhdao.a")
    report = build_report(leader, YEAR_2026)
    assert _by_unit(report.provincial) == {data["A"]: EXPECTED_A}
    assert report.vertical == []
    with pytest.raises(PermissionDenied):
        build_report(leader, {**YEAR_2026, "unit": str(data["B"])})


def test_one_unit_of_the_province(people, data):
    report = build_report(people["giamsat"], {**YEAR_2026, "unit": str(data["B"])})
    assert _by_unit(report.provincial) == {data["B"]: EXPECTED_B}


@pytest.mark.parametrize("who", ["canbo.a", "quantri"])
def test_roles_without_reports_are_refused(people, data, who):
    with pytest.raises(PermissionDenied):
        build_report(people[who], YEAR_2026)


@pytest.mark.parametrize(
    "filters",
    [
        {"period": "custom", "date_from": "31/02/2026"},
        {"period": "custom", "date_from": "01/06/2026", "date_to": "01/01/2026"},
    ],
)
def test_bad_custom_dates_are_refused(people, filters):
    with pytest.raises(ValidationFailed):
        build_report(people["giamsat"], filters)


@pytest.mark.parametrize(
    ("filters", "missing"),
    [
        ({"period": "custom"}, {"date_from", "date_to"}),
        ({"period": "custom", "date_from": " ", "date_to": ""},
         {"date_from", "date_to"}),
        ({"period": "custom", "date_from": "01/01/2026"}, {"date_to"}),
        ({"period": "custom", "date_to": "31/12/2026"}, {"date_from"}),
        ({"date_to": "31/12/2026"}, {"date_from"}),
    ],
)
def test_a_custom_range_needs_both_dates(people, filters, missing):
    """Trial: empty boxes gave an all-time report headed "Từ ngày … đến
    ngày …"; each empty box is now refused at itself."""
    with pytest.raises(ValidationFailed) as refused:
        build_report(people["giamsat"], filters)
    assert set(refused.value.errors) == missing
    for name in missing:
        assert refused.value.errors[name].startswith("Nhập ngày")
    with pytest.raises(ValidationFailed):
        export_report(people["giamsat"], filters, "pdf")


def test_a_full_custom_range_names_its_dates(people, data):
    report = build_report(
        people["giamsat"],
        {"period": "custom", "date_from": "01/03/2026", "date_to": "31/03/2026"},
    )
    assert report.period == "Từ ngày 01/03/2026 đến ngày 31/03/2026"
    values = _by_unit(report.provincial)[data["A"]]
    assert (values["1.1"], values["1.2"]) == (2, 2)  # as March in the test above


@pytest.mark.parametrize(
    "filters", [None, [], "x", {"unit": "abc"}, {"group": "'; drop"}]
)
def test_malformed_filters_do_not_widen_or_crash(people, data, filters):
    report = build_report(people["giamsat"], filters)
    assert data["A"] in _by_unit(report.provincial)


@pytest.mark.parametrize(
    ("filters", "box"),
    [
        ({"period": "month", "month": "13"}, "month"),
        ({"period": "month", "month": ""}, "month"),
        ({"period": "month"}, "month"),
        ({"period": "quarter", "quarter": ""}, "quarter"),
        ({"period": "quarter", "quarter": "5"}, "quarter"),
    ],
)
def test_a_month_or_quarter_left_at_dash_is_refused_at_its_box(
    people, filters, box
):
    """Trial: Kỳ = Tháng with Tháng at «—» silently reported this month."""
    with pytest.raises(ValidationFailed) as refused:
        build_report(people["giamsat"], {**filters, "year": "2026"})
    assert set(refused.value.errors) == {box}
    assert refused.value.errors[box].startswith("Chọn ")


def test_a_chosen_month_and_quarter_name_their_period(people):
    month = build_report(
        people["giamsat"], {"period": "month", "month": "3", "year": "2026"}
    )
    quarter = build_report(
        people["giamsat"], {"period": "quarter", "quarter": "2", "year": "2026"}
    )
    assert (month.period, quarter.period) == ("Tháng 3/2026", "Quý II/2026")


def test_six_month_periods_split_the_year(people, data):
    """Half-year reports: each half counts its own cases, and the two add
    up to the year (NĐ 118 Art. 35 asks a yearly one)."""
    first = build_report(people["giamsat"], {"period": "half1", "year": "2026"})
    second = build_report(people["giamsat"], {"period": "half2", "year": "2026"})
    year = build_report(people["giamsat"], YEAR_2026)
    assert first.period == "6 tháng đầu năm 2026"
    assert second.period == "6 tháng cuối năm 2026"
    halves = [_by_unit(r.provincial)[data["A"]]["1.1"] for r in (first, second)]
    assert sum(halves) == _by_unit(year.provincial)[data["A"]]["1.1"]
    assert all(halves)  # the data set has cases in both halves
    with pytest.raises(ValidationFailed) as refused:
        build_report(people["giamsat"], {"period": "half1", "year": "abc"})
    assert "year" in refused.value.errors


def test_unknown_unit_is_refused(people):
    with pytest.raises(PermissionDenied):
        build_report(people["giamsat"], {"unit": "999999"})


@pytest.mark.parametrize("year", ["abc", "99999", "1999", "20 26"])
@pytest.mark.parametrize("period", ["year", "month", "quarter"])
def test_an_invalid_year_is_refused_at_its_field(people, period, year):
    """Tester: "abc" or "99999" gave this year's report without a word."""
    with pytest.raises(ValidationFailed) as refused:
        build_report(people["giamsat"], {"period": period, "year": year})
    assert "Năm không hợp lệ" in refused.value.errors["year"]


def test_an_empty_year_is_the_current_one(people):
    report = build_report(people["giamsat"], {"period": "year", "year": ""})
    assert report.period.startswith("Năm 20")
