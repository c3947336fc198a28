"""User trial: the dashboard's "Tình hình thi hành" and the report's Biểu 3
gave two answers to one question. With four decisions of the period, one
postponed and then paid, one coerced and then paid, the dashboard (and the
case list behind its bars) said no decision was postponed or coerced — it
counted the stage the case is in now — while the report's rows 3.5 and 3.7
said one each: Decree 118/2021 Art. 35 k2 counts the decisions that were
postponed or had to be coerced, whatever became of them. Now both count
the decisions that had such a decision, under the same words.

And leadership, who may not open the case list, were offered links and
clickable bars that led to the refusal page."""

from datetime import timedelta

from tests.security.conftest import new_state, run_coroutine
from tests.services.conftest import PASSWORD, actor_for, make_user
from tests.services.test_procedure import (
    RELIEF,
    TODAY,
    d,
    decided_case,
    received_case,
    step,
)
from xlvphc.domain.calendar import add_months
from xlvphc.services import auth, case_queries, dashboard, enforcement
from xlvphc.services.access import Action, Role
from xlvphc.services.reports.queries import build_report
from xlvphc.state.dashboard import DashboardState


def _period() -> dict:
    """A custom period holding every case below (dated up to 60 days ago),
    whatever today's date is; violation and decision fall on the same day,
    so the dashboard (by violation date) and the report (by decision date)
    read the same cases."""
    start = TODAY - timedelta(days=60)
    return {"period": "custom", "date_from": f"{start:%d/%m/%Y}",
            "date_to": f"{TODAY:%d/%m/%Y}"}


def _four_decisions(people) -> dict:
    """One postponed then paid and closed, one coerced then paid and closed,
    two only decided."""
    officer = people["canbo.a"]
    make_user("chutich.dongbo", "UBND-22015", Role.AUTHORITY, "Chủ tịch UBND")
    lead = actor_for("chutich.dongbo")

    postponed = decided_case(officer, days_ago=5)
    until = add_months(TODAY - timedelta(days=4), 2)
    step(officer, postponed, "postpone", on=d(4), until=f"{until:%d/%m/%Y}",
         document="1/QĐ-HQĐPT", **RELIEF)
    step(officer, postponed, "payment", on=d(0), amount="3.500.000")
    step(officer, postponed, "close_executed", on=d(0))

    coerced = received_case(officer, 30)
    step(lead, coerced, "coerce", code="account", on=d(0), document="1/QĐ-CCXP")
    # Art. 78 k1: 20 days late × 0,05 % of 3.500.000, collected with it.
    step(officer, coerced, "coercion_done", on=d(0), amount="3.500.000",
         surcharge="35.000", note="Ngân hàng đã trích chuyển")
    step(officer, coerced, "close_executed", on=d(0))

    decided_case(officer, days_ago=3)
    decided_case(officer, days_ago=2)
    return {"postponed": postponed, "coerced": coerced}


def test_postponed_and_coerced_decisions_agree_on_dashboard_report_and_list(people):
    ids = _four_decisions(people)
    sup = people["giamsat"]
    view = _period()

    bars = {b["code"]: b for b in dashboard.summary(sup, view)["enforcement"]}
    report = build_report(sup, view)
    total = report.provincial_total.values
    assert total["3.1"] == 4
    columns = {c.code: c for t in report.tables for c in t.columns}
    for code, row in ((enforcement.POSTPONED, "3.5"), (enforcement.COERCING, "3.7")):
        # One figure, under one wording, on both screens.
        assert (bars[code]["count"], total[row]) == (1, 1), code
        assert bars[code]["label"] == columns[row].label, code
    assert bars[enforcement.EXECUTED]["count"] == total["3.4"] == 2

    # The list behind each bar lists exactly that decision.
    for code, case_id in ((enforcement.POSTPONED, ids["postponed"]),
                          (enforcement.COERCING, ids["coerced"])):
        listed = case_queries.list_cases(sup, {"enforcement": code,
                                               "v_from": view["date_from"],
                                               "v_to": view["date_to"]})
        assert [r["id"] for r in listed["rows"]] == [case_id], code


def test_labels_say_the_decision_had_it_not_that_it_is_in_that_stage():
    """"Hoãn thi hành" is also the name of the stage (Trạng thái) in the
    same list's filters: the bar's wording must not read as "đang hoãn"."""
    labels = enforcement.LABELS
    assert labels[enforcement.POSTPONED] == "Có quyết định hoãn thi hành"
    assert labels[enforcement.COERCING] == "Có quyết định cưỡng chế"
    for code in (enforcement.POSTPONED, enforcement.COERCING):
        assert enforcement.HINTS[code].startswith("Số quyết định")


def _token(username: str) -> str:
    return auth.login(username, PASSWORD).token


def _opened(username: str) -> DashboardState:
    _root, state = new_state(DashboardState, _token(username))
    run_coroutine(_drive(type(state).event_handlers["open"].fn(state)))
    return state


async def _drive(result):
    return await result if hasattr(result, "__await__") else result


def test_leadership_gets_no_case_list_links_and_a_click_does_nothing(people):
    _four_decisions(people)
    make_user("lanhdao.tinh", "SO-TU-PHAP", Role.VIEWER)
    leader = actor_for("lanhdao.tinh")
    assert not leader.can(Action.CASE_READ)  # what the list page requires

    r = dashboard.summary(leader, {})
    assert r["cases"] == 4 and r["can_list"] is False
    links = [r["list_link"]]
    links += [b["link"] for b in r["enforcement"]]
    links += [u["link"] for u in r["units"]] + [u["overdue_link"] for u in r["units"]]
    links += [f["link"] for f in r["fields"]] + [m["link"] for m in r["months"]]
    assert set(links) == {""}

    state = _opened("lanhdao.tinh")
    assert (state.cases, state.list_link) == (4, "")
    assert Action.CASE_READ not in state.permissions  # the page's check
    point = [{"pointIndex": 0}]
    for handler in ("click_unit", "click_field", "click_month", "click_status"):
        assert type(state).event_handlers[handler].fn(state, point) is None
    assert all(row["link"] == "" for row in state.unit_rows)

    # A supervisor, who reads the list, still follows the bars.
    state = _opened("giamsat")
    assert Action.CASE_READ in state.permissions
    assert state.list_link.startswith("/ho-so")
    assert type(state).event_handlers["click_status"].fn(state, point) is not None


def test_dashboard_page_offers_list_links_only_with_the_list_permission():
    from xlvphc.pages.dashboard import dashboard_page

    fn = getattr(dashboard_page, "__wrapped__", dashboard_page)
    text = str(fn().render())
    # The list page's own check (components/guard.allowed_only): the
    # session's permissions include "case.read".
    check = f'session_state.permissions_rx_state_.includes("{Action.CASE_READ}")'
    link = text.index('id:"xem-danh-sach-ky"')
    assert check in text[link - 400 : link]
    # The link, the hints of the four clickable charts, the unit table's
    # names and overdue figures (table and phone layout) hang on it too.
    assert text.count(check) >= 1 + 4 + 4
