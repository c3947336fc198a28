"""User trial on Nhật ký: an impossible «Từ ngày» (31/02/2026) was told at
its box, but the list under it went to «Có 0 sự kiện» as if nothing had
happened. The last results stay, marked as those of the previous filter,
until the boxes are valid again; the pager and the export keep using the
filters that gave them."""

from tests.services.test_trial_pages import _opened_on, _run, _token
from xlvphc.services import auth
from xlvphc.state.audit import AuditState


def _opened(token: str = ""):
    state = _opened_on(AuditState, token or _token("quantri"), "/nhat-ky", {})
    _run(state, "open")
    return state


def test_a_refused_date_keeps_the_last_results_and_their_filters(people):
    state = _opened()
    _run(state, "search", {"user": "quantri"})
    rows, total = list(state.rows), state.total
    assert total > 0 and rows

    _run(state, "search", {"user": "quantri", "date_from": "31/02/2026"})

    assert state.errors == {"date_from": "Ngày không hợp lệ (ngày/tháng/năm)."}
    assert (state.rows, state.total) == (rows, total)
    assert state.kept_previous is True
    assert state.filters["user"] == "quantri" and state.filters["date_from"] == ""

    # A reversed range too; then valid boxes give their own list again.
    _run(state, "search", {"date_from": "05/12/2026", "date_to": "01/12/2026"})
    assert "date_to" in state.errors and state.total == total
    _run(state, "search", {"user": "khong-co-ai"})
    assert (state.errors, state.kept_previous) == ({}, False)
    assert (state.rows, state.total) == ([], 0)


def test_failures_other_than_a_refused_box_show_nothing(people):
    token = _token("quantri")
    state = _opened(token)
    assert state.total > 0
    auth.logout(token)  # the session is gone

    _run(state, "search", {"date_from": "31/02/2026"})

    assert (state.rows, state.total, state.kept_previous) == ([], 0, False)
