"""Summary triggers under concurrent writers on PostgreSQL (issue 8).

Two transactions that write cases of the same field and month in opposite
orders of units used to lock the shared province rows of the summary in
opposite orders and deadlock: the first held unit A's and the province's
rows, the second unit B's and waited for the province's, then the first
needed unit B's. Each scenario here drives two connections (one thread each)
through exactly that interleaving — a step goes on once the other thread has
finished its step or is waiting for a lock — and checks that both commit
and that the summary equals a rebuild from the cases.

PostgreSQL only: SQLite lets one writer at a time into the whole database,
so its triggers cannot deadlock. Run with XLVPHC_TEST_DB_URL pointing at a
PostgreSQL database.
"""

import os
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from xlvphc.models import ActSummary, Case, CaseAct, CaseSummary, Unit
from xlvphc.services import case_summary
from xlvphc.services.db import get_engine

pytestmark = pytest.mark.skipif(
    not (os.environ.get("XLVPHC_TEST_DB_URL") or "").startswith("postgresql"),
    reason="needs PostgreSQL (XLVPHC_TEST_DB_URL)",
)

FIELD, OTHER_FIELD = "Trật tự, an toàn giao thông", "Đất đai"
DAY = date(2026, 3, 5)
WAIT = 20.0  # seconds a step may wait for the other thread


@pytest.fixture
def units(db) -> tuple[int, int]:
    with Session(db) as session:
        rows = [
            Unit(code=code, name=f"Đơn vị {code}", kind="ubnd") for code in ("A", "B")
        ]
        session.add_all(rows)
        session.commit()
        return rows[0].id, rows[1].id


def _case(unit_id: int, field: str = FIELD, fine: int = 1_000_000) -> Case:
    return Case(
        unit_id=unit_id,
        field=field,
        violation_date=DAY,
        decided_on=DAY,
        status="decided",
        fine_total=fine,
    )


def _add_case(session: Session, unit_id: int, field: str = FIELD) -> int:
    case = _case(unit_id, field)
    session.add(case)
    session.flush()
    session.add(
        CaseAct(
            case_id=case.id, decree="D", article=5, clause=1, point="a", act="Hành vi"
        )
    )
    session.flush()
    return case.id


def _committed_cases(*specs: tuple[int, str]) -> list[int]:
    with Session(get_engine()) as session:
        ids = [_add_case(session, unit, field) for unit, field in specs]
        session.commit()
    return ids


class Turns:
    """Lets two threads take turns on their own connections. `step` runs an
    action once the other thread has finished its previous step, or is
    waiting for a lock (the old triggers made it wait forever there)."""

    def __init__(self) -> None:
        self.done = [threading.Event() for _ in range(8)]
        self.pids: dict[int, int] = {}

    def _blocked(self, pid: int) -> bool:
        with get_engine().connect() as conn:
            return bool(
                conn.execute(
                    text(
                        "SELECT wait_event_type = 'Lock' FROM pg_stat_activity "
                        "WHERE pid = :p"
                    ),
                    {"p": pid},
                ).scalar()
            )

    def step(self, n: int, other: int, action: Callable[[], None]) -> None:
        if n > 0:
            deadline = time.monotonic() + WAIT
            while not self.done[n - 1].wait(0.05):
                if other in self.pids and self._blocked(self.pids[other]):
                    break
                assert time.monotonic() < deadline, f"step {n} waited too long"
        action()
        self.done[n].set()


def _run_pair(first: Callable, second: Callable) -> None:
    """Both thread bodies at once; any exception (a deadlock is reported as
    psycopg's DeadlockDetected) fails the test."""
    turns = Turns()
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(first, turns), pool.submit(second, turns)]
        errors = [f.exception(timeout=3 * WAIT) for f in futures]
    assert errors == [None, None]


def _thread(me: int, steps: list[tuple[int, Callable[[Session], None]]]):
    """A thread body: its own session (one connection, one transaction)
    running `steps` (step number, action) in turn, then committing."""

    def body(turns: Turns) -> None:
        with Session(get_engine()) as session:
            turns.pids[me] = (
                session.connection().execute(text("SELECT pg_backend_pid()")).scalar()
            )
            for n, action in steps:
                turns.step(n, 1 - me, lambda a=action: a(session))
            session.commit()

    return body


def summary_rows() -> tuple[dict, dict]:
    """Both summary tables as {bucket: sums}, rows of zeros left out."""
    with get_engine().connect() as conn:
        return _rows(conn)


def rebuilt_rows() -> tuple[dict, dict]:
    """The same after `rebuild`, in a transaction rolled back afterwards."""
    with get_engine().connect() as conn:
        transaction = conn.begin()
        case_summary.rebuild(conn)
        rows = _rows(conn)
        transaction.rollback()
    return rows


def _rows(conn) -> tuple[dict, dict]:
    cases = conn.execute(select(CaseSummary)).all()
    acts = conn.execute(select(ActSummary)).all()
    return (
        {(r.unit_id, r.period, r.field): tuple(r)[4:] for r in cases if r.cases},
        {tuple(r)[1:-1]: r.cases for r in acts if r.cases},
    )


def _province(field: str = FIELD) -> tuple[int, int]:
    """(cases, fines) of the province's month row of DAY."""
    with Session(get_engine()) as session:
        row = session.exec(
            select(CaseSummary).where(
                CaseSummary.unit_id == 0,
                CaseSummary.period == DAY.year * 100 + DAY.month,
                CaseSummary.field == field,
            )
        ).first()
    return (row.cases, row.fines) if row else (0, 0)


def test_new_cases_in_opposite_unit_orders_do_not_deadlock(units):
    a, b = units
    _run_pair(
        _thread(0, [(0, lambda s: _add_case(s, a)), (2, lambda s: _add_case(s, b))]),
        _thread(1, [(1, lambda s: _add_case(s, b)), (3, lambda s: _add_case(s, a))]),
    )
    assert _province() == (4, 4_000_000)
    assert summary_rows() == rebuilt_rows()


def test_updates_in_opposite_unit_orders_do_not_deadlock(units):
    a, b = units
    x1, y1, x2, y2 = _committed_cases((a, FIELD), (b, FIELD), (a, FIELD), (b, FIELD))

    def pay(case_id: int, amount: int):
        def action(session: Session) -> None:
            session.connection().execute(
                text(
                    'UPDATE "case" SET paid_total = paid_total + :m, '
                    "fine_total = fine_total + :m WHERE id = :i"
                ),
                {"m": amount, "i": case_id},
            )

        return action

    _run_pair(
        _thread(0, [(0, pay(x1, 10)), (2, pay(y1, 20))]),
        _thread(1, [(1, pay(y2, 300)), (3, pay(x2, 4000))]),
    )
    assert _province() == (4, 4_004_330)
    assert summary_rows() == rebuilt_rows()


def test_cases_moved_between_fields_in_opposite_orders_do_not_deadlock(units):
    """A case edited from one field to another takes its figures out of the
    old field's rows and into the new one's: two such edits in opposite
    directions, each followed by a new case in the field the other edit
    is taking figures out of, in the other's unit."""
    a, b = units
    c1, c2 = _committed_cases((a, FIELD), (b, OTHER_FIELD))

    def move(case_id: int, field: str):
        def action(session: Session) -> None:
            session.connection().execute(
                text('UPDATE "case" SET field = :f WHERE id = :i'),
                {"f": field, "i": case_id},
            )

        return action

    _run_pair(
        _thread(
            0, [(0, move(c1, OTHER_FIELD)), (2, lambda s: _add_case(s, b, OTHER_FIELD))]
        ),
        _thread(1, [(1, move(c2, FIELD)), (3, lambda s: _add_case(s, a, FIELD))]),
    )
    assert _province() == (2, 2_000_000)
    assert _province(OTHER_FIELD) == (2, 2_000_000)
    assert summary_rows() == rebuilt_rows()


def test_many_writers_in_random_orders_keep_exact_sums(units):
    """Eight connections, each inserting, paying, moving and deleting cases
    of both units and both fields in its own random order, 5 rounds."""
    a, b = units
    seeded = _committed_cases(
        *[(u, f) for u in (a, b) for f in (FIELD, OTHER_FIELD)] * 4
    )

    def work(n: int) -> None:
        rng = random.Random(n)
        mine = seeded[n * 2 : n * 2 + 2]
        for _ in range(5):
            with Session(get_engine()) as session:
                ops = [
                    lambda: _add_case(
                        session, rng.choice((a, b)), rng.choice((FIELD, OTHER_FIELD))
                    ),
                    lambda: session.connection().execute(
                        text(
                            'UPDATE "case" SET paid_total = paid_total + 7 '
                            "WHERE id = :i"
                        ),
                        {"i": mine[0]},
                    ),
                    lambda: session.connection().execute(
                        text(
                            'UPDATE "case" SET field = :f, unit_id = :u WHERE id = :i'
                        ),
                        {
                            "f": rng.choice((FIELD, OTHER_FIELD)),
                            "u": rng.choice((a, b)),
                            "i": mine[1],
                        },
                    ),
                ]
                rng.shuffle(ops)
                for op in ops:
                    op()
                session.commit()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(work, range(8)))
    assert summary_rows() == rebuilt_rows()
    total = sum(_province(f)[0] for f in (FIELD, OTHER_FIELD))
    assert total == len(seeded) + 8 * 5
