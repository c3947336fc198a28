"""The busiest page reads run their session check and service reads in one
transaction (db.one_transaction, SessionState._call_in_thread(read=True)):
one pool checkout, BEGIN and COMMIT instead of one per step. What must hold:
every scope inside is the same session, it commits once at the end, an
error anywhere rolls back all of it, and the pages still read what they read
before, refusals included."""

from urllib.parse import urlencode

import pytest
from reflex.istate.data import RouterData
from sqlalchemy import event
from sqlmodel import select

from tests.security.conftest import _drive, call, new_state, run_coroutine
from tests.services.conftest import PASSWORD, case_form
from xlvphc.models import AuditEvent, Unit
from xlvphc.services import auth, cases
from xlvphc.services.db import one_transaction, session_scope
from xlvphc.state.cases import CaseDetailState, CaseListState
from xlvphc.state.procedure import TodoBadgeState


@pytest.fixture
def commits(db):
    """How many transactions the engine committed, counted as they happen."""
    seen = {"n": 0}

    def count(_conn):
        seen["n"] += 1

    event.listen(db, "commit", count)
    yield seen
    event.remove(db, "commit", count)


def _unit_name(session, code: str) -> str:
    return session.exec(select(Unit.name).where(Unit.code == code)).one()


def test_inner_scopes_are_the_one_transaction(ref, commits):
    with one_transaction() as outer:
        with session_scope() as inner:
            assert inner is outer
            unit = inner.exec(select(Unit).where(Unit.code == "UBND-22015")).one()
            unit.name = "Tên tạm trong giao dịch"
            inner.add(unit)
        # The nested scope did not commit; the outer one sees its change.
        assert commits["n"] == 0
        with session_scope() as again:
            assert _unit_name(again, "UBND-22015") == "Tên tạm trong giao dịch"
    assert commits["n"] == 1
    with session_scope() as fresh:
        assert _unit_name(fresh, "UBND-22015") == "Tên tạm trong giao dịch"


def test_an_error_inside_rolls_back_every_scope(ref):
    with session_scope() as session:
        before = _unit_name(session, "UBND-22015")
    with pytest.raises(RuntimeError), one_transaction():
        with session_scope() as inner:
            unit = inner.exec(select(Unit).where(Unit.code == "UBND-22015")).one()
            unit.name = "Không được lưu"
            inner.add(unit)
        raise RuntimeError("sau khi sửa")
    with session_scope() as session:
        assert _unit_name(session, "UBND-22015") == before


def test_outside_it_each_scope_commits_on_its_own(ref, commits):
    for _ in range(3):
        with session_scope() as session:
            session.exec(select(Unit.id).limit(1)).all()
    assert commits["n"] == 3


def test_case_page_reads_in_one_transaction_and_audits_the_read(people, commits):
    token = auth.login("canbo.a", PASSWORD).token
    case_id = cases.create_case(people["canbo.a"], case_form())
    with session_scope() as session:
        reads_before = len(session.exec(
            select(AuditEvent).where(AuditEvent.action == "case.read")).all())
    commits["n"] = 0

    state = _open_case(token, case_id)

    assert state.case["id"] == case_id
    assert state.refused is False
    # Session check, the case read and its audit row: one commit.
    assert commits["n"] == 1
    with session_scope() as session:
        reads_after = len(session.exec(
            select(AuditEvent).where(AuditEvent.action == "case.read")).all())
    assert reads_after == reads_before + 1


def _open_case(token: str, case_id: int):
    """The case page's on_load, with the address the browser sends."""
    root, state = new_state(CaseDetailState, token)
    path, query = "/ho-so/chi-tiet", {"id": str(case_id)}
    root.router = RouterData.from_router_data(
        {"pathname": path, "query": query, "asPath": f"{path}?{urlencode(query)}"})
    run_coroutine(_drive(CaseDetailState.event_handlers["open"].fn(state)))
    return state


def test_another_units_case_is_still_refused(people):
    case_id = cases.create_case(people["canbo.a"], case_form())
    other = auth.login("canbo.b", PASSWORD).token

    state = _open_case(other, case_id)

    assert state.refused is True
    assert state.case == {}


def test_list_and_badge_read_in_one_transaction_each(people, commits):
    token = auth.login("canbo.a", PASSWORD).token
    cases.create_case(people["canbo.a"], case_form())
    commits["n"] = 0

    state, _ = call(CaseListState, "search", token, {"q": ""})
    assert state.total == 1
    assert commits["n"] == 1

    commits["n"] = 0
    badge, _ = call(TodoBadgeState, "load_badge", token)
    assert commits["n"] == 1
    assert badge.message == ""


def test_an_ended_session_is_refused_inside_it(people):
    token = auth.login("canbo.a", PASSWORD).token
    auth.logout(token)

    state, results = call(CaseListState, "search", token, {"q": ""})

    assert state.rows == []
    assert any(r is not None for r in results)  # the redirect to the login
