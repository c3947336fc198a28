"""PostgreSQL connections are pinged at checkout only after being idle
(db.IDLE_PING_SECONDS), not at every checkout as pool_pre_ping did: under
load that ping was a round trip per transaction. A dead connection that has
been idle is still found and replaced before a page uses it."""

import os

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from xlvphc.services import db as dbmod
from xlvphc.services.db import session_scope

URL = os.environ.get("XLVPHC_TEST_DB_URL", "")
pytestmark = pytest.mark.skipif(
    not URL.startswith("postgresql"),
    reason="PostgreSQL only (XLVPHC_TEST_DB_URL): SQLite has no server link",
)


def _backend_pid() -> int:
    with session_scope() as session:
        return session.exec(text("SELECT pg_backend_pid()")).one()[0]


def _kill(pid: int) -> None:
    """End a server process from a separate link, as a restart would."""
    plain = URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(%s)", (pid,))


@pytest.fixture
def pings(db, monkeypatch):
    seen: list[int] = []
    real = db.dialect.do_ping

    def counted(conn):
        seen.append(1)
        return real(conn)

    monkeypatch.setattr(db.dialect, "do_ping", counted)
    return seen


def test_a_connection_used_a_moment_ago_is_not_pinged(pings):
    _backend_pid()  # the pool's first connection (a new one may be pinged)
    pings.clear()

    pids = {_backend_pid() for _ in range(5)}

    assert pings == []
    assert len(pids) == 1  # the same pooled connection each time


def test_an_idle_dead_connection_is_replaced_before_use(pings, monkeypatch):
    dead = _backend_pid()
    _kill(dead)
    monkeypatch.setattr(dbmod, "IDLE_PING_SECONDS", 0.0)  # "idle long enough"

    fresh = _backend_pid()

    assert pings  # it was pinged
    assert fresh != dead


def test_without_the_ping_a_dead_connection_fails_the_transaction(pings):
    dead = _backend_pid()
    _kill(dead)

    # Used a moment ago, so not pinged: the server's end is seen only now.
    with pytest.raises(OperationalError):
        _backend_pid()
    # The pool dropped it; the next transaction gets a new connection.
    assert _backend_pid() != dead
