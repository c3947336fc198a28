"""Dashboard aggregates and catalogue search."""

import pytest

from tests.services.conftest import case_form, decision_form
from xlvphc.services import cases, catalogue, dashboard
from xlvphc.services.errors import PermissionDenied


def test_dashboard_counts_cases_and_fines_by_unit_field_and_month(people):
    a, b, sup = people["canbo.a"], people["canbo.b"], people["giamsat"]
    first = cases.create_case(a, case_form())
    cases.create_case(a, case_form())
    cases.create_case(b, case_form())
    cases.issue_decision(a, first, decision_form(version=1))

    result = dashboard.summary(sup, {})
    assert result["cases"] == 3
    assert result["fines"] == 500_000
    assert result["by_unit"] == [
        ("Ủy ban nhân dân phường Tuy Hòa", 2, 500_000),
        ("Ủy ban nhân dân phường Bình Kiến", 1, 0),
    ]
    assert result["by_field"] == [("Trật tự, an toàn giao thông đường bộ", 3, 500_000)]
    assert [c for _, c, _ in result["by_month"]] in ([3], [2, 1], [1, 2])
    assert dashboard.summary(sup, {"field": "Đất đai"})["cases"] == 0
    later = {"date_from": "01/01/2999", "date_to": "31/12/2999"}
    assert dashboard.summary(sup, later)["cases"] == 0


def test_officers_do_not_see_the_provincial_dashboard(people):
    with pytest.raises(PermissionDenied):
        dashboard.summary(people["canbo.a"], {})


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("điểm h khoản 2 Điều 7", "Điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP"),
        ("7.2.h", "Điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP"),
        ("mu bao hiem", "Điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP"),
    ],
)
def test_catalogue_search_by_words_or_citation(people, query, expected):
    rows = catalogue.search(people["canbo.a"], query)
    assert expected in [r["citation"] for r in rows]


def test_catalogue_search_words_match_from_their_start(people):
    # "trách nhiệm" appears in several acts; "rach" must not find them.
    assert catalogue.search(people["canbo.a"], "trach nhiem")
    assert catalogue.search(people["canbo.a"], "rach nhiem") == []


def test_catalogue_search_ignores_empty_and_wildcards(people):
    assert catalogue.search(people["canbo.a"], "") == []
    assert catalogue.search(people["canbo.a"], "%%%") == []
    assert catalogue.search(people["canbo.a"], {"x": 1}) == []
