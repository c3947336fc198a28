"""Báo cáo's Đơn vị box follows its Nhóm đơn vị box, as on Thống kê
(tests/services/test_dashboard_unit_group.py): only the group's units are
offered, a unit outside the group is dropped with a note, and the report
service does the same with whatever pair a browser sends, never reaching
past the actor's units."""

import io

import pytest
from openpyxl import load_workbook

from tests.services.conftest import actor_for, make_user
from tests.services.test_reports_data import load_cases
from tests.services.test_trial_pages import _opened_on, _rendered, _run, _token
from xlvphc.pages.reports import reports_page
from xlvphc.services.access import Role
from xlvphc.services.errors import NotFound, PermissionDenied
from xlvphc.services.reports.export import export_report
from xlvphc.services.reports.queries import build_report
from xlvphc.services.reports.scope import GROUPS
from xlvphc.state.reports import ReportState

YEAR_2026 = {"period": "year", "year": "2026"}
COMMITTEE = "Ủy ban nhân dân phường Tuy Hòa"
POLICE = "Công an phường Tuy Hòa"


def _rows(report) -> dict[str, dict]:
    """Each unit's figures, by name, from both blocks."""
    return {r.name: r.values for r in report.provincial + report.vertical}


def test_a_unit_outside_its_group_is_dropped_with_a_note(people):
    ids = load_cases()
    sup = people["giamsat"]
    group_only = build_report(sup, {**YEAR_2026, "group": "police"})
    assert group_only.unit_note == "" and list(_rows(group_only)) == [POLICE]

    report = build_report(
        sup, {**YEAR_2026, "group": "police", "unit": str(ids["A"])}
    )

    # The group's figures, not zeros, and the page and the file say why.
    assert _rows(report) == _rows(group_only)
    assert COMMITTEE in report.unit_note and GROUPS["police"] in report.unit_note
    assert "số liệu tính cho cả nhóm" in report.unit_note
    assert report.notes[0] == report.unit_note
    assert report.notes[1:] == group_only.notes


def test_a_unit_inside_its_group_still_narrows_the_report(people):
    ids = load_cases()
    report = build_report(
        people["giamsat"], {**YEAR_2026, "group": "ubnd", "unit": str(ids["A"])}
    )
    assert report.unit_note == "" and list(_rows(report)) == [COMMITTEE]
    assert not any("không thuộc nhóm" in n for n in report.notes)
    # Headed by the unit, not its group (user trial: a one-unit report read
    # «… – UBND xã, phường», as if the whole group's).
    assert report.scope_label == COMMITTEE


def test_a_group_or_field_report_is_headed_by_them(people):
    load_cases()
    report = build_report(
        people["giamsat"], {**YEAR_2026, "group": "ubnd", "field": "Đất đai"}
    )
    assert report.scope_label == f"{GROUPS['ubnd']}; lĩnh vực Đất đai"


def test_the_exported_file_is_the_groups_and_says_so(people):
    ids = load_cases()
    name, body, _mime = export_report(
        people["giamsat"],
        {**YEAR_2026, "group": "police", "unit": str(ids["A"])},
        "xlsx",
    )
    book = load_workbook(io.BytesIO(body))
    notes = [c for row in book["Ghi chú"].iter_rows(values_only=True) for c in row]
    assert any(COMMITTEE in str(n) and "đã bỏ chọn đơn vị" in str(n) for n in notes)
    cells = {
        str(cell)
        for sheet in book.worksheets[:-1]
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell
    }
    assert POLICE in cells and COMMITTEE not in cells
    assert name.endswith(".xlsx")


def test_a_crafted_pair_reaches_nothing_outside_the_actors_units(people):
    """A commune committee's leader: the police of the same commune are not
    theirs. A pair of their own unit and «Công an» drops the unit and
    counts the group within their units (none), never the police's cases;
    another unit, in or out of the group, is refused as before."""
    ids = load_cases()
    make_user("lanhdao.a", "UBND-22015", Role.AUTHORITY)
    leader = actor_for("lanhdao.a")

    report = build_report(
        leader, {**YEAR_2026, "group": "police", "unit": str(ids["A"])}
    )
    assert COMMITTEE in report.unit_note
    assert report.provincial == [] and report.vertical == []
    assert all(v == 0 for v in report.provincial_total.values.values())
    assert all(v == 0 for v in report.vertical_total.values.values())

    for group in ("police", "ubnd"):
        for unit in (ids["P"], ids["B"]):
            with pytest.raises(PermissionDenied):
                build_report(leader, {**YEAR_2026, "group": group, "unit": str(unit)})
    with pytest.raises(NotFound):
        build_report(
            people["giamsat"], {**YEAR_2026, "group": "police", "unit": "999999"}
        )


def test_the_unit_box_follows_the_group_and_names_this_pages_button(people):
    state = _opened_on(ReportState, _token("giamsat"), "/bao-cao", {})
    _run(state, "open")
    ids = {u["name"]: u["id"] for u in state.units}
    assert state.units_shown == state.units and state.group_choice == ""

    _run(state, "choose_unit", ids[COMMITTEE])
    _run(state, "choose_group", "police")
    shown = {u["id"] for u in state.units_shown}
    assert ids[POLICE] in shown and ids[COMMITTEE] not in shown
    assert state.unit_choice == "" and COMMITTEE in state.unit_note
    assert "bấm Lập báo cáo để xem cả nhóm" in state.unit_note

    # A unit the box does not offer, or anything else, is no choice.
    for sent in (ids[COMMITTEE], "<script>", None, ["1"]):
        _run(state, "choose_unit", sent)
        assert state.unit_choice == ""
    _run(state, "choose_group", {"x": 1})
    assert state.group_choice == "" and state.units_shown == state.units


def test_a_stale_pair_sent_to_show_gives_the_groups_report(people):
    ids = load_cases()
    state = _opened_on(ReportState, _token("giamsat"), "/bao-cao", {})
    _run(state, "open")

    _run(state, "show", {**YEAR_2026, "group": "police", "unit": str(ids["A"])})

    assert state.tables and state.errors == {}
    units = {row.cells[0] for row in state.tables[0].rows if row.kind == "unit"}
    assert units == {POLICE}
    # The boxes and the filters the export uses drop the unit too.
    assert state.filters["unit"] == "" and state.filters["group"] == "police"
    assert state.unit_choice == "" and COMMITTEE in state.unit_note
    assert "số liệu tính cho cả nhóm" in state.unit_note
    assert state.notes[0] == state.unit_note
    assert {u["id"] for u in state.units_shown} >= {str(ids["P"])}

    # A pair that fits: the unit's report, no note.
    _run(state, "show", {**YEAR_2026, "group": "ubnd", "unit": str(ids["A"])})
    units = {row.cells[0] for row in state.tables[0].rows if row.kind == "unit"}
    assert units == {COMMITTEE} and state.unit_note == ""
    assert state.unit_choice == str(ids["A"]) and state.filters["unit"] == str(ids["A"])


def test_opening_the_page_again_offers_every_unit(people):
    """The form is drawn afresh (no group, no unit): the boxes' state
    follows it, not the choices of the last visit."""
    ids = load_cases()
    state = _opened_on(ReportState, _token("giamsat"), "/bao-cao", {})
    _run(state, "open")
    _run(state, "show", {**YEAR_2026, "group": "ubnd", "unit": str(ids["A"])})
    assert state.group_choice == "ubnd"
    _run(state, "open")
    assert (state.group_choice, state.unit_choice, state.unit_note) == ("", "", "")
    assert state.units_shown == state.units


def test_the_report_page_wires_the_boxes_to_its_state():
    shown = _rendered(getattr(reports_page, "__wrapped__", reports_page)())
    assert "report_state.choose_group" in shown
    assert "report_state.choose_unit" in shown
    assert "units_shown_rx_state_" in shown and 'id:"ghi-chu-unit"' in shown
