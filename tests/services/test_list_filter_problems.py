"""A filter typed wrong above the case list is not silently dropped: the box
gets a message, the rest of the filters still apply (issue 6, user trial)."""

import pytest

from tests.services.conftest import case_form
from xlvphc.services import case_queries, cases, list_filters


@pytest.mark.parametrize(("filters", "expected"), [
    ({"v_from": "32/13/2026"}, {"v_from": list_filters.BAD_DATE}),
    ({"r_to": "hôm qua"}, {"r_to": list_filters.BAD_DATE}),
    ({"d_from": "10/12/2026", "d_to": "01/12/2026"},
     {"d_to": list_filters.DATE_ORDER}),
    ({"amount_min": "năm trăm"}, {"amount_min": list_filters.BAD_AMOUNT}),
    ({"amount_max": "99.999.999.999.999.999"},
     {"amount_max": list_filters.BAD_AMOUNT}),
    ({"amount_min": "2.000.000", "amount_max": "500.000"},
     {"amount_max": list_filters.AMOUNT_ORDER}),
    ({"article": "0"}, {"article": list_filters.BAD_ARTICLE}),
    ({"article": "Điều 7"}, {"article": list_filters.BAD_ARTICLE}),
])
def test_each_unreadable_filter_is_named(filters, expected):
    assert list_filters.problems(filters) == expected


@pytest.mark.parametrize("filters", [
    {},
    {"v_from": "01/12/2026", "v_to": "01/12/2026", "amount_min": "500.000",
     "amount_max": "500.000", "article": "7", "q": "32/13/2026"},
    {"d_from": "2026-12-01"},
    None,
    ["not", "a", "dict"],
])
def test_readable_or_absent_filters_raise_nothing(filters):
    assert list_filters.problems(filters) == {}


def test_any_browser_payload_gets_messages_not_an_error():
    found = list_filters.problems({"v_from": 5, "amount_min": {"x": 1},
                                   "article": ["7"], "unknown": "x"})
    assert set(found) <= {"v_from", "amount_min", "article"}
    assert all(isinstance(text, str) and text for text in found.values())


def test_the_list_says_which_filter_it_left_out(people):
    officer = people["canbo.a"]
    cases.create_case(officer, case_form())

    plain = case_queries.list_cases(officer, {})
    bad = case_queries.list_cases(officer, {"v_from": "32/13/2026"})

    assert plain["problems"] == {}
    assert bad["problems"] == {"v_from": list_filters.BAD_DATE}
    # The unreadable date was left out, not turned into "nothing matches".
    assert [r["id"] for r in bad["rows"]] == [r["id"] for r in plain["rows"]]
    assert bad["total"] == plain["total"] == 1


@pytest.mark.parametrize("contradiction", [
    {"d_from": "10/10/2026", "d_to": "01/10/2026"},
    {"v_from": "10/10/2026", "v_to": "01/10/2026"},
    {"r_from": "10/10/2026", "r_to": "01/10/2026"},
    {"amount_min": "10.000.000", "amount_max": "500.000"},
])
def test_a_range_ending_before_it_starts_is_left_out_not_empty(people, contradiction):
    """The page says the filter was not applied: then it must not have been
    (user trial: the list showed 0 cases under that message)."""
    officer = people["canbo.a"]
    cases.create_case(officer, case_form())

    shown = case_queries.list_cases(officer, contradiction)

    assert shown["total"] == 1
    assert len(shown["problems"]) == 1
