"""Thống kê for a narrow scope, empty tables and the unit chart on a phone:

- the Nhóm đơn vị box offers only the groups with a unit the user may see
  (a commune's leader was offered «Sở, ban, ngành»: an empty Đơn vị box and
  zeros), and a group sent anyway still counts the user's own units only;
- «Hành vi vi phạm thường gặp» and «Bảng số liệu theo đơn vị» say that
  there is nothing instead of showing bare headings;
- the unit chart's names take at most about 40 % of a phone's chart (two
  short lines), the tooltip keeps the whole name; so do the overdue
  chart's.
"""

import pytest

from tests.services.conftest import actor_for, case_form, make_user
from tests.services.test_phone_lists import _escaped, _page_text
from tests.services.test_reports_data import load_cases
from tests.services.test_trial_pages import _opened_on, _run, _token
from xlvphc.services import cases, dashboard
from xlvphc.services.access import Role
from xlvphc.services.errors import PermissionDenied
from xlvphc.services.reports.scope import GROUPS
from xlvphc.state.dashboard import (
    UNIT_LABEL_LINES,
    UNIT_LABEL_WIDTH,
    DashboardState,
    _summary_and_figures,
    bar_by_unit,
    bar_simple,
    unit_label,
)
from xlvphc.state.reports import ReportState

YEAR_2026 = {"period": "year", "year": "2026"}


def _offered(actor) -> list[str]:
    return [g["id"] for g in dashboard.filter_choices(actor)["group_choices"]]


@pytest.mark.parametrize(
    ("unit", "groups"),
    [
        ("UBND-22015", ["ubnd"]),
        ("CA-22015", ["police", "vertical"]),
        ("SO-TU-PHAP", ["department"]),
    ],
)
def test_a_narrow_scope_is_offered_its_own_groups_only(people, unit, groups):
    make_user("lanhdao", unit, Role.AUTHORITY)
    leader = actor_for("lanhdao")

    choices = dashboard.filter_choices(leader)

    assert [g["id"] for g in choices["group_choices"]] == groups
    assert [g["name"] for g in choices["group_choices"]] == [
        GROUPS[g] for g in groups
    ]
    # Each offered group has a unit in the Đơn vị box.
    offered = {u["id"] for u in choices["units"]}
    for group in groups:
        assert set(choices["groups"][group]) & offered


def test_the_province_is_offered_every_group_in_order(people):
    assert _offered(people["giamsat"]) == list(GROUPS)


def test_a_group_sent_outside_the_scope_counts_nothing_of_others(people):
    ids = load_cases()
    make_user("lanhdao.a", "UBND-22015", Role.AUTHORITY)
    leader = actor_for("lanhdao.a")
    sup = people["giamsat"]
    # The police of Tuy Hòa and the committee of Bình Kiến have cases.
    assert dashboard.summary(sup, {**YEAR_2026, "group": "police"})["cases"] == 1
    assert "police" not in _offered(leader)

    for group in ("police", "vertical", "department"):
        r = dashboard.summary(leader, {**YEAR_2026, "group": group})
        assert (r["cases"], r["fines"], r["decided"]) == (0, 0, 0)
        assert r["units"] == [] and r["top_acts"] == [] and r["fields"] == []
        assert all(s["count"] == 0 for s in r["enforcement"])

    # Their own group still counts their own unit only.
    r = dashboard.summary(leader, {**YEAR_2026, "group": "ubnd"})
    assert [u["id"] for u in r["units"]] == [ids["A"]]
    # And another unit is refused, group or not.
    with pytest.raises(PermissionDenied):
        dashboard.summary(leader, {**YEAR_2026, "group": "police", "unit": ids["P"]})


def test_the_group_box_shows_the_services_list(people):
    load_cases()
    make_user("lanhdao.a", "UBND-22015", Role.AUTHORITY)
    state = _opened_on(DashboardState, _token("lanhdao.a"), "/thong-ke", {})

    _run(state, "open")

    assert state.group_choices == [{"id": "ubnd", "name": GROUPS["ubnd"]}]
    # A crafted apply with a group not offered shows zeros, not others' data.
    _run(state, "apply", {**YEAR_2026, "group": "police"})
    assert state.cases == 0 and state.unit_rows == [] and state.top_acts == []
    assert state.units_shown == []


def test_the_page_draws_the_offered_groups():
    text = _page_text("dashboard", "dashboard_page")
    assert "group_choices" in text
    # The fixed list of every group is not drawn on the dashboard.
    assert _escaped(GROUPS["department"]) not in text


def test_empty_tables_say_so_instead_of_bare_headings(people):
    from xlvphc.pages.dashboard import NO_TOP_ACTS, NO_UNIT_ROWS

    text = _page_text("dashboard", "dashboard_page")
    for said in (NO_TOP_ACTS, NO_UNIT_ROWS):
        assert said.startswith("Chưa có ")
        assert _escaped(said) in text
    # Said only when the list is empty; the tables stand otherwise.
    assert "top_acts_rx_state_.length > 0)" in text
    assert "unit_rows_rx_state_.length > 0)" in text

    cases.create_case(people["canbo.a"], case_form())
    state = _opened_on(DashboardState, _token("giamsat"), "/thong-ke", {})
    _run(state, "open")
    _run(state, "apply", {"period": "year", "year": "2001"})
    assert state.cases == 0 and state.top_acts == [] and state.unit_rows == []
    _run(state, "apply", {"period": ""})
    assert state.cases == 1
    assert len(state.top_acts) == 1 and len(state.unit_rows) == 1


LONG_NAMES = [
    "Ủy ban nhân dân phường Buôn Ma Thuột",
    "Công an phường Buôn Ma Thuột",
    "Sở Văn hóa, Thể thao và Du lịch tỉnh Đắk Lắk",
    "Ban Quản lý Khu nông nghiệp ứng dụng công nghệ cao Phú Yên",
    "Ủy ban nhân dân xã Ea Kar",
]


def test_unit_names_are_short_on_the_chart_and_whole_in_the_tooltip():
    units = [
        {"name": n, "cases": 10 - i, "fines": 1_000_000}
        for i, n in enumerate(LONG_NAMES)
    ]
    fig = bar_by_unit(units).to_plotly_json()
    layout, bar = fig["layout"], fig["data"][0]
    names = list(reversed(LONG_NAMES))

    # The bars (and so the tooltip's %{y}) carry the whole names.
    assert list(bar["y"]) == names and "%{y}" in bar["hovertemplate"]
    axis = layout["yaxis"]
    assert axis["tickmode"] == "array" and list(axis["tickvals"]) == names
    for text in axis["ticktext"]:
        lines = text.split("<br>")
        assert len(lines) <= UNIT_LABEL_LINES
        assert all(len(line) <= UNIT_LABEL_WIDTH for line in lines)
    # Rows are tall enough for two lines.
    assert layout["height"] >= 36 * len(names)
    assert axis["automargin"] is True


def test_unit_labels_read_well():
    assert unit_label("Ủy ban nhân dân xã Ea Kar") == "UBND xã Ea Kar"
    # A place's name is kept whole on its line.
    assert unit_label("Công an phường Buôn Ma Thuột") == (
        "Công an phường<br>Buôn Ma Thuột"
    )
    assert unit_label("Sở Tư pháp tỉnh Đắk Lắk") == "Sở Tư pháp tỉnh<br>Đắk Lắk"
    # What does not fit in two lines ends with «…».
    long = unit_label(LONG_NAMES[3])
    assert long.endswith("…") and long.count("<br>") == 1
    assert unit_label("X" * 40) == "X" * (UNIT_LABEL_WIDTH - 1) + "…"
    # Short names stay on one line, at one row's height.
    fig = bar_by_unit([{"name": "Xã Hòa Mỹ", "cases": 2, "fines": 0}])
    assert fig.to_plotly_json()["layout"]["yaxis"]["ticktext"] == ["Xã Hòa Mỹ"]


def test_the_report_page_offers_the_same_groups(people):
    load_cases()
    make_user("lanhdao.b", "UBND-22015", Role.AUTHORITY)
    state = _opened_on(ReportState, _token("lanhdao.b"), "/bao-cao", {})

    _run(state, "open")

    assert state.group_choices == [{"id": "ubnd", "name": GROUPS["ubnd"]}]
    text = _page_text("reports", "reports_page")
    assert "group_choices" in text
    assert _escaped(GROUPS["department"]) not in text


def test_the_overdue_chart_prints_unit_names_short_too():
    """«Quyết định quá hạn chấp hành theo đơn vị» printed whole names, the
    bars a sliver on a phone: short labels as on the unit chart, the whole
    name on the bar and so in its tooltip."""
    counts = list(range(len(LONG_NAMES), 0, -1))
    fig = bar_simple(LONG_NAMES, counts, "#000", horizontal=True, unit_names=True)
    layout, bar = fig.to_plotly_json()["layout"], fig.to_plotly_json()["data"][0]
    names = list(reversed(LONG_NAMES))  # drawn bottom-up, the most on top

    assert list(bar["y"]) == names and list(bar["x"]) == counts[::-1]
    assert "%{y}" in bar["hovertemplate"]
    axis = layout["yaxis"]
    assert axis["tickmode"] == "array" and list(axis["tickvals"]) == names
    assert list(axis["ticktext"]) == [unit_label(n) for n in names]
    assert "Ủy ban nhân dân" not in "".join(axis["ticktext"])
    assert layout["height"] >= 36 * len(names)
    assert axis["ticks"] == "outside"  # the gap off the bars is kept
    # A short name stays on one line, at one row's height.
    short = bar_simple(["Xã Hòa Mỹ"], [1], "#000", horizontal=True, unit_names=True)
    assert short.to_plotly_json()["layout"]["yaxis"]["ticktext"] == ["Xã Hòa Mỹ"]
    assert short.to_plotly_json()["layout"]["height"] == 260


def test_the_dashboard_builds_its_overdue_chart_with_unit_labels(monkeypatch):
    units = [
        {"name": n, "cases": 5, "fines": 0, "collected": 0, "overdue": o,
         "link": "", "overdue_link": f"/ho-so?u={i}"}
        for i, (n, o) in enumerate(zip(LONG_NAMES, [1, 0, 3, 2, 0], strict=True))
    ]
    summary = {
        "units": units,
        "months": [],
        "fields": [],
        "enforcement": [],
        "individuals": 0,
        "organisations": 0,
    }
    monkeypatch.setattr(dashboard, "summary", lambda actor, filters: summary)

    r = _summary_and_figures(None, {})

    overdue = r["figures"]["overdue"]
    shown = [LONG_NAMES[2], LONG_NAMES[3], LONG_NAMES[0]]  # most first
    assert overdue["data"][0]["y"] == shown[::-1]
    assert overdue["layout"]["yaxis"]["ticktext"] == [
        unit_label(n) for n in shown[::-1]
    ]
    # The unit chart still does the same.
    assert r["figures"]["unit"]["layout"]["yaxis"]["ticktext"] == [
        unit_label(n) for n in reversed(LONG_NAMES)
    ]
