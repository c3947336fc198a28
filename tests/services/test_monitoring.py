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
