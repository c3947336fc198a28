"""Sorting a list shown as cards (user trial: a phone hides the headings):
the «Sắp xếp theo» select and its reverse button send the headings' own
handler, so a browser can sort only by a column the service allows."""

import pytest

from tests.security.conftest import at_page, new_state, run_coroutine
from tests.services.conftest import PASSWORD, case_form
from xlvphc.services import auth, case_queries, cases, monitoring
from xlvphc.state.cases import CaseListState


def _run(state, handler: str, *args):
    fn = type(state).event_handlers[handler].fn
    return run_coroutine(_await(fn(state, *args)))


async def _await(result):
    return await result if hasattr(result, "__await__") else result


def _page_text(module: str, page: str) -> str:
    import importlib

    fn = getattr(importlib.import_module(f"xlvphc.pages.{module}"), page)
    return str(getattr(fn, "__wrapped__", fn)().render())


def _names(state) -> list[str]:
    return [row["violator_name"] for row in state.rows]


def test_the_case_list_sorts_by_a_chosen_column_and_refuses_others(people):
    officer = people["canbo.a"]
    for name in ("Bùi Văn Cường", "An Thị Lan", "Đỗ Minh Khoa"):
        cases.create_case(officer, case_form(name=name))
    root, state = new_state(CaseListState, auth.login("canbo.a", PASSWORD).token)
    at_page(root, "/ho-so")
    _run(state, "open")
    newest_first = _names(state)

    # A column chosen sorts ascending, the reverse button (the same key
    # again) descending, and the list starts again at its first page.
    _run(state, "sort_by", "violator_name")
    assert (state.filters["sort"], state.filters["dir"]) == ("violator_name", "asc")
    ascending = _names(state)
    assert sorted(ascending) == sorted(newest_first) and ascending != newest_first
    assert state.page == 1
    _run(state, "sort_by", "violator_name")
    assert state.filters["dir"] == "desc" and _names(state) == ascending[::-1]

    # Anything else a browser sends changes nothing.
    for sent in ("password_hash", "violator_name; drop", "", None, 3, ["status"]):
        assert _run(state, "sort_by", sent) is None
        assert (state.filters["sort"], state.filters["dir"]) == (
            "violator_name",
            "desc",
        )
        assert _names(state) == ascending[::-1]


@pytest.mark.parametrize(
    ("module", "page", "columns", "allowed", "tablet"),
    [
        ("cases", "case_list_page", "HEADERS", case_queries.SORTS, True),
        ("monitoring", "monitoring_page", "COLUMNS", monitoring.SORTS, False),
    ],
)
def test_the_picker_offers_the_headings_columns(module, page, columns, allowed, tablet):
    import importlib

    page_module = importlib.import_module(f"xlvphc.pages.{module}")
    keys = [key for _, key in getattr(page_module, columns)]
    text = _page_text(module, page)
    # One picker, with every heading's column and the headings' handler.
    assert text.count('id:"chon-sap-xep"') == 1
    for key in keys:
        assert key in allowed and f'value:"{key}"' in text
    start = text.index("xl-sort-bar")
    picker = text[start : text.index('id:"sap-xep-', start)]  # to the headings
    assert picker.count(".sort_by") == 2  # the select and the reverse button
    # The case list is cards on an upright tablet too, the monitoring list
    # only on a phone (assets/styles.css).
    assert ("xl-sort-bar xl-sort-tablet" in text) is tablet
