"""Dashboard figures on the fixed data set (test_reports_data.py), the links a
click on a bar follows, and the unit leaders' scope."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.services.conftest import actor_for, case_form, make_user
from tests.services.test_reports_data import load_cases
from xlvphc.models import ActSummary
from xlvphc.models.summary import PROVINCE
from xlvphc.services import case_queries, cases, dashboard
from xlvphc.services.access import Role
from xlvphc.services.db import session_scope
from xlvphc.services.errors import PermissionDenied
from xlvphc.state.dashboard import pick_link

YEAR_2026 = {"period": "year", "year": "2026"}


def _query(link: str) -> dict:
    parts = urlsplit(link)
    assert parts.path == "/ho-so"
    return {k: v[0] for k, v in parse_qs(parts.query).items()}


def test_totals_and_enforcement_status(people):
    load_cases()
    r = dashboard.summary(people["giamsat"], YEAR_2026)
    # Cases 1, 2, 3, 5, 6, 13 (A), 9, 10, 11 (B), 12 (P): detected in 2026.
    assert (r["cases"], r["decided"], r["individuals"], r["organisations"]) == (
        10,
        7,
        8,
        2,
    )
    assert (r["fines"], r["collected"]) == (16_300_000, 1_400_000)
    status = {s["code"]: s["count"] for s in r["enforcement"]}
    # Postponed: case 2 (postponed now) and case 1 (postponed, then paid and
    # closed), as the report's row 3.5 counts them; coerced: case 9.
    # Overdue: case 2 too, its postponement ended 3 days ago unpaid (Art. 76).
    assert status == {
        "executed": 3,
        "in_progress": 1,
        "postponed": 2,
        "reduced": 0,
        "coercing": 1,
        "complained": 1,
        "overdue": 3,
    }
    by_unit = {u["name"]: (u["cases"], u["overdue"]) for u in r["units"]}
    assert by_unit == {
        "Ủy ban nhân dân phường Tuy Hòa": (6, 1),
        "Ủy ban nhân dân phường Bình Kiến": (3, 2),
        "Công an phường Tuy Hòa": (1, 0),
    }
    months = {m["month"]: m["cases"] for m in r["months"]}
    assert months == {
        "2026-02": 1,
        "2026-03": 2,
        "2026-04": 1,
        "2026-05": 1,
        "2026-06": 2,
        "2026-07": 1,
        "2026-08": 1,
        "2026-09": 1,
    }


def test_bar_links_carry_the_filters_of_the_bar(people):
    ids = load_cases()
    r = dashboard.summary(people["giamsat"], {**YEAR_2026, "field": "Đất đai"})
    assert r["cases"] == 3  # cases 2, 6 and 9
    unit = next(u for u in r["units"] if u["id"] == ids["B"])
    assert _query(unit["link"]) == {
        "unit": str(ids["B"]),
        "field": "Đất đai",
        "v_from": "01/01/2026",
        "v_to": "31/12/2026",
    }
    assert _query(unit["overdue_link"])["enforcement"] == "overdue"
    month = next(m for m in r["months"] if m["month"] == "2026-03")
    assert _query(month["link"])["v_from"] == "01/03/2026"
    assert _query(month["link"])["v_to"] == "31/03/2026"
    # Every status bar opens the list of its own cases.
    for bar in r["enforcement"]:
        assert _query(bar["link"]) == {
            "field": "Đất đai",
            "v_from": "01/01/2026",
            "v_to": "31/12/2026",
            "enforcement": bar["code"],
        }
    r = dashboard.summary(people["giamsat"], {**YEAR_2026, "group": "ubnd"})
    assert _query(r["list_link"])["group"] == "ubnd"


def test_each_status_bar_lists_exactly_the_cases_it_counts(people):
    """The list behind a bar, followed as a supervisor, has as many cases as
    the bar: for each status, and with group, field and period filters."""
    load_cases()
    sup = people["giamsat"]
    views = [
        YEAR_2026,
        {},
        {**YEAR_2026, "field": "Đất đai"},
        {**YEAR_2026, "group": "ubnd"},
        {"period": "custom", "date_from": "15/03/2026", "date_to": "10/06/2026"},
    ]
    for view in views:
        r = dashboard.summary(sup, view)
        links = [(b["count"], b["link"]) for b in r["enforcement"]]
        links += [(u["cases"], u["link"]) for u in r["units"]]
        links += [(u["overdue"], u["overdue_link"]) for u in r["units"]]
        links += [(f["cases"], f["link"]) for f in r["fields"]]
        links += [(m["cases"], m["link"]) for m in r["months"]]
        links.append((r["cases"], r["list_link"]))
        for count, link in links:
            listed = case_queries.list_cases(sup, _query(link))
            assert (listed["total"], link) == (count, link)


def test_group_filter_keeps_the_police_apart(people):
    load_cases()
    r = dashboard.summary(people["giamsat"], {**YEAR_2026, "group": "vertical"})
    assert [u["name"] for u in r["units"]] == ["Công an phường Tuy Hòa"]
    r = dashboard.summary(people["giamsat"], {**YEAR_2026, "group": "police"})
    assert [u["name"] for u in r["units"]] == ["Công an phường Tuy Hòa"]
    r = dashboard.summary(people["giamsat"], {**YEAR_2026, "group": "ubnd"})
    assert r["cases"] == 9


def test_unit_leader_sees_their_scope_only(people):
    ids = load_cases()
    make_user("lanhdao.a", "UBND-22015", Role.AUTHORITY)
    leader = actor_for("lanhdao.a")
    r = dashboard.summary(leader, YEAR_2026)
    assert r["cases"] == 6
    assert [u["id"] for u in r["units"]] == [ids["A"]]
    choices = dashboard.filter_choices(leader)
    assert [u["id"] for u in choices["units"]] == [str(ids["A"])]
    with pytest.raises(PermissionDenied):
        dashboard.summary(leader, {"unit": str(ids["B"])})


def test_top_acts_count_cases(people):
    a = people["canbo.a"]
    cases.create_case(a, case_form())
    cases.create_case(a, case_form())
    top = dashboard.summary(people["giamsat"], {})["top_acts"]
    assert top[0]["cases"] == 2
    assert top[0]["citation"] == "Điểm h khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP"


def test_the_database_breaks_ties_between_acts_as_python_does(people):
    """Without live edges the database picks the top acts; ties go by
    article, clause, point and decree in code-point order ("đ" after "m",
    as Python sorts), whatever the database's collation, so the top ten are
    the same as when the edges make the service rank them itself."""
    sup = people["giamsat"]
    dashboard.summary(sup, {})  # installs the triggers (and empties the sums)
    points = ["m", "đ", "l", "e", "d", "a", "b", "c", "g", "h", "i", "k"]
    keys = [("168/2024/NĐ-CP", 7, 2, p) for p in points]
    keys += [("100/2019/NĐ-CP", 7, 2, "đ"), ("123/2021/NĐ-CP", 7, 2, "d")]
    with session_scope() as session:
        for decree, article, clause, point in keys:
            session.add(
                ActSummary(
                    unit_id=PROVINCE,
                    period=2025,
                    field="F",
                    decree=decree,
                    article=article,
                    clause=clause,
                    point=point,
                    cases=3,
                )
            )
    expected = sorted(keys, key=lambda k: (k[1], k[2], k[3], k[0]))
    expected = [dashboard._citation(*k) for k in expected[: dashboard.TOP_ACTS]]
    ranked_by_sql = {"period": "year", "year": "2025"}
    with_edges = {
        "period": "custom",
        "date_from": "15/12/2024",
        "date_to": "31/12/2025",
    }
    for view in (ranked_by_sql, with_edges):
        top = dashboard.summary(sup, view)["top_acts"]
        assert [a["citation"] for a in top] == expected
        assert {a["cases"] for a in top} == {3}


@pytest.mark.parametrize("who", ["canbo.a", "quantri"])
def test_roles_without_dashboard_are_refused(people, who):
    with pytest.raises(PermissionDenied):
        dashboard.summary(people[who], {})
    with pytest.raises(PermissionDenied):
        dashboard.filter_choices(people[who])


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ([{"pointIndex": 0}], "/ho-so?unit=1"),
        ([{"pointNumber": 1}], ""),  # a bar that opens nothing
        ([{"pointIndex": 2}], ""),
        ([{"pointIndex": -1}], ""),
        ([{"pointIndex": True}], ""),
        ([{"pointIndex": "0"}], ""),
        ([{"pointIndex": 0.0}], ""),
        ("javascript:alert(1)", ""),
        ([], ""),
        (None, ""),
        (["/evil"], ""),
    ],
)
def test_a_click_only_picks_a_link_the_service_made(points, expected):
    assert pick_link(["/ho-so?unit=1", ""], points) == expected
