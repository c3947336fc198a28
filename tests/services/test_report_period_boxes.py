"""The period boxes of the report and statistics pages (user trial): Kỳ =
Tháng with Tháng at «—» reported the current month without a word, and
Tháng, Quý, Từ ngày, Đến ngày stood beside every Kỳ as if they counted."""

import pytest

from tests.services.test_trial_pages import _opened_on, _rendered, _run, _token
from xlvphc.pages.dashboard import dashboard_page
from xlvphc.pages.reports import reports_page
from xlvphc.state.dashboard import DashboardState
from xlvphc.state.reports import ReportState


def test_the_chosen_period_is_kept_and_checked(people):
    state = _opened_on(ReportState, _token("giamsat"), "/bao-cao", {})
    _run(state, "open")
    assert state.period_choice == "year"
    _run(state, "choose_period", "month")
    assert state.period_choice == "month"
    _run(state, "choose_period", "half2")
    assert state.period_choice == "half2"
    _run(state, "choose_period", "<script>")
    assert state.period_choice == "year"


def test_a_month_left_at_dash_is_refused_at_its_box(people):
    state = _opened_on(ReportState, _token("giamsat"), "/bao-cao", {})
    _run(state, "open")
    _run(state, "show", {"period": "year", "year": "2026"})
    assert state.tables  # a report stood on the page
    _run(state, "show", {"period": "month", "year": "2026", "month": ""})
    assert state.errors == {"month": "Chọn tháng của kỳ báo cáo."}
    assert state.tables == [] and state.period == ""
    _run(state, "show", {"period": "month", "year": "2026", "month": "3"})
    assert state.errors == {} and state.period.startswith("Tháng 3/2026")


def _page(page_fn) -> str:
    return _rendered(getattr(page_fn, "__wrapped__", page_fn)())


@pytest.mark.parametrize(
    "page_fn, state",
    [(reports_page, "report_state"), (dashboard_page, "dashboard_state")],
)
def test_only_the_boxes_of_the_chosen_period_show(page_fn, state):
    """Báo cáo, and Thống kê too (user trial: every box stood there whatever
    the Kỳ), through the one filter_form and its state's own choice."""
    shown = _page(page_fn)
    # Each box is drawn under the condition of its period, the condition
    # directly before the box's own select or input.
    for period, box in (("month", "month"), ("quarter", "quarter"),
                        ("custom", "date_from"), ("custom", "date_to")):
        test = (
            f'{state}.period_choice_rx_state_?.valueOf?.() === "{period}"'
            "?.valueOf?.())', 'true_value'"
        )
        assert test in shown, period
        start = shown.index(test)
        assert f'id:"{box}"' in shown[start:start + 4000], box
    assert 'period_choice_rx_state_?.valueOf?.() === "half1"' not in shown
    # … and the Kỳ box tells the page's own state its choice.
    assert f"{state}.choose_period" in shown
    # The Tháng and Quý boxes show their refusals under themselves.
    assert 'errors_rx_state_' in shown


def test_the_statistics_page_keeps_its_period_choice(people):
    state = _opened_on(DashboardState, _token("giamsat"), "/thong-ke", {})
    _run(state, "choose_period", "quarter")
    assert state.period_choice == "quarter"
    # Opened again, the page draws its Kỳ box with «Năm»: the boxes follow.
    _run(state, "open")
    assert state.period_choice == "year"
    _run(state, "choose_period", "custom")
    assert state.period_choice == "custom"
    for sent in ("<script>", None, ["month"], 7):
        _run(state, "choose_period", sent)
        assert state.period_choice == "year"


def test_reopened_statistics_keep_their_filters_and_period_boxes(people):
    """Back after a click on a bar lands on the same figures; the form then
    shows their filters (pages/dashboard.filter_form `kept`) and the boxes
    of their period, not «Năm» above figures of a quarter."""
    state = _opened_on(DashboardState, _token("giamsat"), "/thong-ke", {})
    _run(state, "apply", {"period": "quarter", "quarter": "1", "year": "2025"})
    label = state.label
    assert state.filters["period"] == "quarter" and "2025" in label

    _run(state, "open")

    assert state.filters["period"] == "quarter" and state.label == label
    assert state.period_choice == "quarter"


def test_the_statistics_form_shows_the_kept_filters():
    shown = _page(dashboard_page)
    for box in ("period", "month", "quarter", "field"):
        assert f'key:("{box}-"' in shown, box
    # The Nhóm đơn vị box is drawn again when its options (the groups in
    # the user's scope) arrive, to show the group kept.
    assert 'key:((("group-"+' in shown
    assert "dashboard_state.group_choices_rx_state_.length)" in shown
    # The Đơn vị box shows the unit kept (DashboardState.unit_choice, set
    # from the kept filters) and is redrawn when the group changes.
    assert 'key:((("unit-"+' in shown
    assert "dashboard_state.unit_choice_rx_state_)+\"-\")" in shown
