"""The faster reads of the 1 M benchmark (bench/RESULTS.md section 0) give
the answers of the plain queries they replaced: the case list's field
choices from the summary table, the dashboard's hinted not-yet-due count on
SQLite, and deep pages of a sorted search read in the column's order."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func
from sqlmodel import select

from tests.services import test_export_search, test_search
from tests.services.conftest import case_form
from xlvphc.domain.text import sort_key
from xlvphc.models import Case
from xlvphc.models.base import local_now
from xlvphc.services import (
    case_queries,
    cases,
    enforcement,
    recycle_bin,
    search_index,
)
from xlvphc.services.access import Action, visible_units
from xlvphc.services.db import get_engine, session_scope
from xlvphc.services.procedure import todo

varied = test_search.varied  # 240 cases over three units (fixture)
_simple = test_search._simple


def _fields_by_scan(actor) -> list[str]:
    """The query filter_choices ran before: every live case in scope."""
    units = visible_units(actor, Action.CASE_READ)
    with session_scope() as session:
        stmt = select(Case.field).where(Case.deleted_at.is_(None)).distinct()
        if units is not None:
            stmt = stmt.where(Case.unit_id.in_(units))
        # In the list's Vietnamese order ("Đất đai" among the D).
        return sorted((f for f in session.exec(stmt).all() if f), key=sort_key)


def _fields(actor) -> list[str]:
    return [f["id"] for f in case_queries.filter_choices(actor)["fields"]]


def _set_field(case_id: int, field: str) -> None:
    with session_scope() as session:
        case = session.get(Case, case_id)
        case.field = field
        session.add(case)


def test_field_choices_equal_the_live_cases_in_scope(people):
    a, b, sup = people["canbo.a"], people["canbo.b"], people["giamsat"]
    only_a = cases.create_case(a, case_form())
    cases.create_case(a, case_form())
    cases.create_case(b, case_form())
    _set_field(only_a, "Đất đai")
    actors = (a, b, sup)

    def same() -> list[list[str]]:
        got = [_fields(x) for x in actors]
        assert got == [_fields_by_scan(x) for x in actors]
        return got

    assert "Đất đai" in same()[0]
    assert "Đất đai" not in _fields(b)

    # Binned: its field goes (no other live case has it); restored: back.
    recycle_bin.delete_case(a, only_a, "Nhập trùng hồ sơ")
    assert "Đất đai" not in same()[0] and "Đất đai" not in _fields(sup)
    recycle_bin.restore_case(a, only_a)
    assert "Đất đai" in same()[2]

    # Moved to another field: the old one goes, the new one comes.
    _set_field(only_a, "Môi trường")
    got = same()
    assert "Đất đai" not in got[0] and "Môi trường" in got[0]


def _not_yet_due_rows(sqlite_plan: bool, today: date) -> list[tuple]:
    c = Case.__table__.c
    condition = enforcement.not_yet_due(today, c, sqlite_plan=sqlite_plan)
    with session_scope() as session:
        return session.exec(
            select(c.unit_id, func.count())
            .where(c.deleted_at.is_(None), condition)
            .group_by(c.unit_id)
            .order_by(c.unit_id)
        ).all()


def test_sqlite_hints_select_the_same_decisions(people):
    """The unary plus and likelihood() steer SQLite's planner only."""
    if get_engine().dialect.name != "sqlite":
        pytest.skip("the hints are written for SQLite only")
    a = people["canbo.a"]
    today = local_now().date()
    made = [cases.create_case(a, case_form()) for _ in range(8)]
    shapes = [
        # (status, compliance due in days, decided, closed)
        ("decided", 3, True, False),
        ("decided", 0, True, False),
        ("executing", -2, True, False),
        ("coercing", 9, True, False),
        ("closed", 5, True, True),
        ("postponed", 5, True, False),
        ("decided", None, True, False),
        ("recorded", 4, False, False),
    ]
    with session_scope() as session:
        for case_id, (status, due, decided, closed) in zip(made, shapes, strict=True):
            case = session.get(Case, case_id)
            case.status = status
            case.compliance_due = None if due is None else today + timedelta(due)
            # No plan, no measure: the deadline that makes it late is the
            # compliance deadline (deadlines.refresh_deadlines).
            case.late_after = case.compliance_due
            case.decided_on = today - timedelta(10) if decided else None
            case.closed_on = today if closed else None
            # An unpaid fine: a decision owing nothing is never late
            # (enforcement.owes).
            case.fine_total = 1_000_000
            session.add(case)
    plain = _not_yet_due_rows(False, today)
    # Decided in 3 and 0 days, coercing, postponed (late past its end).
    assert plain == [(a.unit_id, 4)]
    assert _not_yet_due_rows(True, today) == plain


def test_deep_sorted_pages_walk_a_prefix_of_the_order(varied, monkeypatch):
    """A page the sample cannot bound (8 matches sampled, 20 or more
    wanted) is read from the first cases in the column's order when the
    estimate says they hold it; every page equals the plain query's, and
    the prefix walk did serve some of them."""
    test_export_search._tight(monkeypatch)
    monkeypatch.setattr(search_index, "SORT_WALK_MAX", 120)
    monkeypatch.setattr(search_index, "driver_postings", lambda *_: 10**6)
    served = []
    real = search_index.in_order_ids

    def spy(*args, **kwargs):
        ids = real(*args, **kwargs)
        served.append(ids is not None)
        return ids

    monkeypatch.setattr(search_index, "in_order_ids", spy)
    sup = varied["giamsat"]
    wrong = []
    for key in ("fine_total", "violator_name", "status", "unit_name"):
        for direction in ("asc", "desc"):
            for query in ("nguyen", "van", "n", "066"):
                filters = {"q": query, "sort": key, "dir": direction}
                for page in (1, 2, 3, 9):
                    got = case_queries.list_cases(sup, filters, page)
                    ids = [r["id"] for r in got["rows"]]
                    if (ids, got["total"], got["more"]) != _simple(sup, filters, page):
                        wrong.append((filters, page))
    assert wrong == []
    assert True in served and False in served


def _workers(session=None) -> str | None:
    if get_engine().dialect.name != "postgresql":
        return None
    if session is None:
        with session_scope() as fresh:
            return _workers(fresh)
    return (
        session.connection()
        .exec_driver_sql("SHOW max_parallel_workers_per_gather")
        .scalar()
    )


def test_todo_page_runs_serially_on_postgresql(people):
    """The to-do page and count still answer once parallel plans are off
    (PostgreSQL only), and the setting ends with their transaction."""
    a = people["canbo.a"]
    before = _workers()
    page = todo.todo_page(a)
    assert page["total"] == len(page["rows"]) and todo.todo_count(a) >= 0
    assert _workers() == before
    with session_scope() as session:
        todo._serial(session)
        inside = _workers(session)
    assert inside == (None if before is None else "0")
