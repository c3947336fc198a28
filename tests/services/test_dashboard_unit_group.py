"""User trial on Thống kê: Nhóm đơn vị «Công an (tỉnh, xã, phường)» with the
unit «Ủy ban nhân dân xã Ea Kar» gave zeros everywhere and no hint, and the
Đơn vị box offered the same units whatever the group. Now the box offers
the group's units, a unit outside the group is dropped with a note, and
the service does the same with whatever pair a browser sends."""

from tests.services.test_reports_data import load_cases
from tests.services.test_trial_pages import _opened_on, _run, _token
from xlvphc.services import dashboard
from xlvphc.services.reports.scope import GROUPS
from xlvphc.state.dashboard import DashboardState

YEAR_2026 = {"period": "year", "year": "2026"}
COMMITTEE = "Ủy ban nhân dân phường Tuy Hòa"
POLICE = "Công an phường Tuy Hòa"


def _ids_by_name(choices: dict) -> dict[str, str]:
    return {u["name"]: u["id"] for u in choices["units"]}


def test_each_group_lists_its_own_units_among_those_offered(people):
    choices = dashboard.filter_choices(people["giamsat"])
    ids = _ids_by_name(choices)
    offered = set(ids.values())
    groups = choices["groups"]

    assert set(groups) == set(GROUPS)
    for members in groups.values():
        assert set(members) <= offered
    assert ids[COMMITTEE] in groups["ubnd"]
    assert ids[COMMITTEE] not in groups["police"]
    assert ids[POLICE] in groups["police"]
    assert ids[POLICE] not in groups["ubnd"]
    # The groups are narrower than "every unit".
    assert 0 < len(groups["police"]) < len(offered)


def test_a_unit_outside_its_group_is_dropped_with_a_note(people):
    ids = load_cases()
    sup = people["giamsat"]
    group_only = dashboard.summary(sup, {**YEAR_2026, "group": "police"})
    assert group_only["cases"] == 1 and group_only["note"] == ""

    unpaired = {**YEAR_2026, "group": "police", "unit": str(ids["A"])}
    r = dashboard.summary(sup, unpaired)

    # The group's figures, not zeros, and the page is told why.
    assert r["cases"] == group_only["cases"]
    assert [u["name"] for u in r["units"]] == [POLICE]
    assert COMMITTEE in r["note"] and GROUPS["police"] in r["note"]
    assert "unit=" not in r["list_link"]


def test_a_unit_inside_its_group_still_narrows_the_figures(people):
    ids = load_cases()
    sup = people["giamsat"]
    r = dashboard.summary(sup, {**YEAR_2026, "group": "ubnd", "unit": str(ids["A"])})
    assert r["note"] == ""
    assert [u["name"] for u in r["units"]] == [COMMITTEE]
    assert r["cases"] == 6


def test_the_unit_box_follows_the_group_and_drops_a_stale_choice(people):
    state = _opened_on(DashboardState, _token("giamsat"), "/thong-ke", {})
    _run(state, "open")
    ids = {u["name"]: u["id"] for u in state.units}
    assert state.units_shown == state.units

    _run(state, "choose_unit", ids[COMMITTEE])
    assert state.unit_choice == ids[COMMITTEE]
    _run(state, "choose_group", "police")
    shown = {u["id"] for u in state.units_shown}
    assert ids[POLICE] in shown and ids[COMMITTEE] not in shown
    assert len(shown) < len(state.units)
    assert state.unit_choice == "" and COMMITTEE in state.unit_note

    # Back to every unit: all are offered again, the note goes with the
    # next choice.
    _run(state, "choose_group", "")
    assert state.units_shown == state.units and state.unit_note == ""
    # A unit the box does not offer, or anything else, is no choice.
    _run(state, "choose_group", "ubnd")
    for sent in (ids[POLICE], "<script>", None, ["1"]):
        _run(state, "choose_unit", sent)
        assert state.unit_choice == ""
    _run(state, "choose_group", {"x": 1})
    assert state.group_choice == "" and state.units_shown == state.units


def test_a_stale_pair_sent_to_apply_shows_the_groups_figures(people):
    ids = load_cases()
    state = _opened_on(DashboardState, _token("giamsat"), "/thong-ke", {})
    _run(state, "open")

    _run(state, "apply", {**YEAR_2026, "group": "police", "unit": str(ids["A"])})

    assert state.cases == 1
    assert state.filters["unit"] == "" and state.filters["group"] == "police"
    assert state.unit_choice == "" and COMMITTEE in state.unit_note
    shown = {u["id"] for u in state.units_shown}
    assert str(ids["P"]) in shown and str(ids["A"]) not in shown

    _run(state, "apply", {**YEAR_2026, "group": "ubnd", "unit": str(ids["A"])})
    assert (state.cases, state.unit_note) == (6, "")
    assert state.unit_choice == str(ids["A"])
