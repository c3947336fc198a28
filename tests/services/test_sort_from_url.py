"""User trial on a phone: /ho-so?sort=xyz&dir=desc listed the cases in the
default order, while the «Sắp xếp theo» picker read «Số biên bản» with
«↓ Giảm dần». The list states now hold only the sort their service reads
(state/list_sort.py): the picker shows «Mặc định» and no reverse button."""

import pytest

from tests.services.conftest import case_form
from tests.services.test_trial_pages import _opened_on, _run, _token
from xlvphc.services import case_queries, cases, monitoring
from xlvphc.state.cases import CaseListState
from xlvphc.state.list_sort import normal_sort
from xlvphc.state.monitoring import MonitoringState


def _case_list(query: dict) -> CaseListState:
    state = _opened_on(CaseListState, _token("canbo.a"), "/ho-so", query)
    _run(state, "open")
    return state


@pytest.mark.parametrize(
    "sort", ["xyz", "password_hash", "created; drop", "SORTS", "Record_Number"]
)
def test_an_unknown_column_in_the_address_is_the_default_order(people, sort):
    for name in ("Bùi Văn Cường", "An Thị Lan"):
        cases.create_case(people["canbo.a"], case_form(name=name))
    default = _case_list({})

    state = _case_list({"sort": sort, "dir": "desc", "q": "Văn"})
    # Nothing for the picker or the headings to show as chosen; the other
    # filters are kept.
    assert "sort" not in state.filters and "dir" not in state.filters
    assert state.filters["q"] == "Văn"
    assert [r["id"] for r in _case_list({"sort": sort}).rows] == [
        r["id"] for r in default.rows
    ]


def test_a_known_column_keeps_a_direction_the_service_reads(people):
    for name in ("Bùi Văn Cường", "An Thị Lan"):
        cases.create_case(people["canbo.a"], case_form(name=name))
    ascending = _case_list({"sort": "violator_name", "dir": "asc"})
    assert ascending.filters["dir"] == "asc"
    names = [r["violator_name"] for r in ascending.rows]

    # The service sorts a known column descending unless told "asc": the
    # state says so, and the picker's button reads «↓ Giảm dần» truly.
    for direction in ("xyz", "DESC", ""):
        state = _case_list({"sort": "violator_name", "dir": direction})
        assert (state.filters["sort"], state.filters["dir"]) == (
            "violator_name",
            "desc",
        )
        assert [r["violator_name"] for r in state.rows] == names[::-1]

    # A search keeps the order the state holds, normalised as well.
    _run(state, "search", {"q": "Thị"})
    assert (state.filters["sort"], state.filters["dir"]) == ("violator_name", "desc")


def test_the_monitoring_list_holds_only_a_column_it_sorts_by(people):
    state = _opened_on(MonitoringState, _token("giamsat"), "/theo-doi", {})
    _run(state, "open")
    default = [r["unit_id"] for r in state.rows]

    state.filters = {"sort": "xyz", "dir": "desc"}
    _run(state, "apply", {"group": "", "only": ""})
    assert "sort" not in state.filters and "dir" not in state.filters
    assert [r["unit_id"] for r in state.rows] == default

    # The service sorts a known column ascending unless told "desc".
    state.filters = {"sort": "cases_total", "dir": "xyz"}
    _run(state, "apply", {"group": "", "only": ""})
    assert (state.filters["sort"], state.filters["dir"]) == ("cases_total", "asc")


def test_the_rule_follows_each_allow_list():
    for allowed, default_dir in (
        (case_queries.SORTS, "desc"),
        (monitoring.SORTS, "asc"),
    ):
        for key in allowed:
            assert normal_sort({"sort": key}, allowed, default_dir) == {
                "sort": key,
                "dir": default_dir,
            }
        assert normal_sort({"sort": "", "dir": "asc", "q": "a"}, allowed, "asc") == {
            "q": "a"
        }
