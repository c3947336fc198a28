"""Trial-run monitoring: per-unit progress counted from accounts, logins and
cases; supervisors only."""

from datetime import timedelta

import pytest
from sqlmodel import select

from tests.services.conftest import case_form, make_user
from xlvphc.domain.text import sort_key
from xlvphc.models import Case, Unit
from xlvphc.models.base import utcnow
from xlvphc.models.units import UnitKind
from xlvphc.services import cases, monitoring
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import PermissionDenied


def _row(result, code):
    with session_scope() as session:
        uid = session.exec(select(Unit.id).where(Unit.code == code)).one()
    return next(r for r in result["rows"] if r["unit_id"] == uid)


def test_progress_per_unit(people):
    a = people["canbo.a"]
    first = cases.create_case(a, case_form())
    cases.create_case(a, case_form())
    # One of the two cases was entered before this week.
    with session_scope() as session:
        old = session.get(Case, first)
        old.created_at = utcnow() - timedelta(days=8)
        session.add(old)
    make_user("moi.cap", "UBND-22045", Role.OFFICER)  # never logged in

    result = monitoring.unit_progress(people["giamsat"], {})
    tuy_hoa = _row(result, "UBND-22015")
    assert (
        tuy_hoa["accounts"],
        tuy_hoa["logged_in"],
        tuy_hoa["cases_total"],
        tuy_hoa["cases_week"],
    ) == (1, 1, 2, 1)
    assert tuy_hoa["changed_password"] == 1
    assert tuy_hoa["progress_code"] == "started" and tuy_hoa["last_activity"] != "—"
    binh_kien = _row(result, "UBND-22045")
    # canbo.b logged in (fixture) but entered nothing.
    assert (binh_kien["accounts"], binh_kien["logged_in"]) == (2, 1)
    assert binh_kien["progress_code"] == "no_case" and binh_kien["waiting"]
    police = _row(result, "CA-22015")
    assert police["progress_code"] == "no_account" and police["accounts"] == 0
    # Units that have not started come first.
    codes = [r["progress_code"] for r in result["rows"]]
    assert codes.index("started") > codes.index("no_case")
    assert result["summary"]["started"] == 1
    assert result["summary"]["cases_total"] == 2


def test_filters_waiting_units_and_groups(people):
    cases.create_case(people["canbo.a"], case_form())
    waiting = monitoring.unit_progress(people["giamsat"], {"only": "waiting"})
    assert all(r["waiting"] for r in waiting["rows"])
    police = monitoring.unit_progress(people["giamsat"], {"group": "vertical"})
    assert police["rows"] and all(
        r["kind"] in ("Công an xã, phường", "Sở, ban, ngành") for r in police["rows"]
    )
    assert not any(r["unit"].startswith("Ủy ban") for r in police["rows"])


def test_units_are_listed_in_vietnamese_order(people):
    """Trial: sorted by code point, "Đông Hòa" came after every "Ea …"."""
    names = [
        "Ủy ban nhân dân xã Ea Na",
        "Ủy ban nhân dân xã Đông Hòa",
        "Ủy ban nhân dân xã Dray Bhăng",
    ]
    with session_scope() as session:
        added = [
            Unit(code=f"TEST-{n}", name=name, kind=UnitKind.COMMUNE_COMMITTEE)
            for n, name in enumerate(names)
        ]
        session.add_all(added)
        session.flush()
        ids = {u.id for u in added}

    rows = monitoring.unit_progress(people["giamsat"], {})["rows"]
    listed = [r["unit"] for r in rows if r["unit_id"] in ids]
    assert listed == sorted(names, key=sort_key)
    assert listed.index("Ủy ban nhân dân xã Đông Hòa") < listed.index(
        "Ủy ban nhân dân xã Ea Na"
    )
    # Each stage on its own is in that order too.
    for stage in {r["progress_code"] for r in rows}:
        units = [r["unit"] for r in rows if r["progress_code"] == stage]
        assert units == sorted(units, key=sort_key)


@pytest.mark.parametrize("who", ["canbo.a", "quantri"])
def test_only_supervisors_monitor(people, who):
    with pytest.raises(PermissionDenied):
        monitoring.unit_progress(people[who], {})


def test_week_starts_on_monday():
    from datetime import datetime

    from xlvphc.models.base import VN_TZ

    start = monitoring.week_start(datetime(2026, 12, 4, 9, 0, tzinfo=VN_TZ))
    assert start.isoformat() == "2026-11-30T00:00:00+07:00"


def _sorted(people, sort=None, direction=None):
    filters = {"sort": sort, "dir": direction}
    return monitoring.unit_progress(people["giamsat"], filters)["rows"]


def test_sorting_orders_the_rows_by_the_chosen_column(people):
    a, b = people["canbo.a"], people["canbo.b"]
    for _ in range(3):
        cases.create_case(a, case_form())
    cases.create_case(b, case_form())

    ascending = _sorted(people, "cases_total", "asc")
    totals = [r["cases_total"] for r in ascending]
    assert totals == sorted(totals) and totals[-2:] == [1, 3]
    descending = _sorted(people, "cases_total", "desc")
    assert [r["cases_total"] for r in descending][:3] == [3, 1, 0]
    # Units alike in the column keep the default order: stage, then name.
    default = _sorted(people)
    zero = [r["unit_id"] for r in default if r["cases_total"] == 0]
    assert [r["unit_id"] for r in descending if r["cases_total"] == 0] == zero

    names = [r["unit"] for r in _sorted(people, "unit", "asc")]
    assert names == sorted(names, key=sort_key)
    assert [r["unit"] for r in _sorted(people, "unit", "desc")] == names[::-1]

    # The latest activity first; units never active last.
    recent = _sorted(people, "last_activity", "desc")
    assert {recent[0]["unit_id"], recent[1]["unit_id"]} == {
        _row({"rows": recent}, "UBND-22015")["unit_id"],
        _row({"rows": recent}, "UBND-22045")["unit_id"],
    }
    assert recent[-1]["last_activity"] == "—"
    # The summary does not depend on the order.
    summary = monitoring.unit_progress(
        people["giamsat"], {"sort": "unit", "dir": "desc"}
    )["summary"]
    assert summary == monitoring.unit_progress(people["giamsat"], {})["summary"]


@pytest.mark.parametrize(
    "sort", ["unit_id", "__class__", "progress_code; DROP TABLE unit", None, ["unit"]]
)
def test_an_unknown_sort_key_keeps_the_default_order(people, sort):
    cases.create_case(people["canbo.a"], case_form())
    default = [r["unit_id"] for r in _sorted(people)]
    assert [r["unit_id"] for r in _sorted(people, sort, "desc")] == default
    # An unknown direction sorts ascending.
    ascending = _sorted(people, "cases_total", "asc")
    assert _sorted(people, "cases_total", {"x": 1}) == ascending


def test_a_heading_sorts_the_page_and_a_second_click_reverses(people):
    from tests.services.test_trial_pages import _opened_on, _run, _token
    from xlvphc.state.monitoring import MonitoringState

    cases.create_case(people["canbo.a"], case_form())
    state = _opened_on(MonitoringState, _token("giamsat"), "/theo-doi", {})
    _run(state, "open")
    first_page = state.rows
    _run(state, "sort_by", "cases_total")
    assert (state.filters["sort"], state.filters["dir"]) == ("cases_total", "asc")
    assert state.rows[0]["cases_total"] == 0 and state.page == 1
    _run(state, "sort_by", "cases_total")
    assert state.filters["dir"] == "desc" and state.rows[0]["cases_total"] == 1
    # A new filter keeps the order chosen.
    _run(state, "apply", {"group": "", "only": ""})
    assert state.filters["sort"] == "cases_total"
    assert state.rows[0]["cases_total"] == 1
    # Anything else a browser sends changes nothing.
    for sent in ("unit_id", None, {"sort": "unit"}, 3):
        assert _run(state, "sort_by", sent) is None
        assert state.filters["sort"] == "cases_total"
    # The page's headings send the keys the service knows.
    from xlvphc.pages.monitoring import COLUMNS

    assert [key for _, key in COLUMNS] == list(monitoring.SORTS)
    assert first_page != state.rows
