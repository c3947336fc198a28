"""Engine and sessions. SQLite gets WAL, a busy timeout and foreign keys, which
Reflex does not set (security.md 2.8)."""

import hashlib
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, func
from sqlalchemy import select as sql_select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError
from sqlmodel import Session, SQLModel, create_engine

from xlvphc import models  # noqa: F401  (registers every table)
from xlvphc.settings import SETTINGS

log = logging.getLogger(__name__)

_engine: Engine | None = None


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Bound parameters are hidden from error messages: they hold personal data."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 10},
            hide_parameters=True,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # One connection per worker thread of the app (SETTINGS.threads), and a
    # few more for background tasks, so no thread waits for the pool.
    engine = create_engine(
        url,
        hide_parameters=True,
        pool_size=SETTINGS.threads,
        max_overflow=4,
    )
    _ping_when_idle(engine)
    return engine


# A pooled connection used this recently is taken as alive; an older one is
# pinged first (a server restart or a dropped link). SQLAlchemy's
# pool_pre_ping pings at every checkout: a round trip per transaction, on
# every page event under load, for connections used a moment before.
IDLE_PING_SECONDS = 10.0


def _ping_when_idle(engine: Engine) -> None:
    """Ping a pooled connection at checkout only when it has been idle longer
    than IDLE_PING_SECONDS. Raising DisconnectionError makes the pool drop
    it and check out another (a new one after a restart), as pool_pre_ping
    does."""
    dialect = engine.dialect

    def checked_in(_dbapi_conn, record) -> None:
        record.info["checked_in"] = time.monotonic()

    def checkout(dbapi_conn, record, _proxy) -> None:
        last = record.info.get("checked_in")
        if last is not None and time.monotonic() - last < IDLE_PING_SECONDS:
            return
        try:
            alive = dialect.do_ping(dbapi_conn)
        except Exception as exc:  # any failure means a dead link
            log.warning("pooled connection failed its ping (%s); reconnecting",
                        type(exc).__name__)
            raise DisconnectionError() from exc
        if not alive:
            raise DisconnectionError()

    event.listen(engine, "checkin", checked_in)
    event.listen(engine, "checkout", checkout)


def get_engine() -> Engine:
    global _engine
    if _engine is None:
        _engine = make_engine(SETTINGS.db_url)
    return _engine


def use_engine(engine: Engine) -> None:
    """Point the services at another database (tests, tools)."""
    global _engine
    _engine = engine


MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(url: str | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url or str(get_engine().url))
    return config


def migrate(revision: str = "head") -> None:
    """Bring the schema to `revision` with Alembic, keeping the data.

    A database made before migrations existed (tables but no alembic_version)
    is stamped at the first revision, whose schema it has, then upgraded."""
    from alembic import command
    from sqlalchemy import inspect

    engine = get_engine()
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    tables = set(inspect(engine).get_table_names())
    if tables and "alembic_version" not in tables:
        log.warning("database without migration history: stamping 0001")
        command.stamp(config, "0001")
    command.upgrade(config, revision)


def create_schema() -> None:
    """Tests and tools that want the current models at once, without history."""
    SQLModel.metadata.create_all(get_engine())


@contextmanager
def session_scope() -> Iterator[Session]:
    """One transaction: committed on success, rolled back on any error, so a
    change and its audit row land together or not at all."""
    with Session(get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise


def _on_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def begin_writing(session: Session) -> None:
    """On SQLite, take the database's write lock now, before the reads that a
    coming write relies on ("no UBND there yet", "name not taken").

    pysqlite opens a transaction only at the first INSERT, UPDATE or DELETE:
    the reads before it hold nothing, so two requests could both read "not
    there" and both write. BEGIN IMMEDIATE waits (busy_timeout) while another
    writer holds the lock; the reads after it see what that writer committed.
    Nothing to do once the connection is in a transaction (its first write
    took the lock), nor on PostgreSQL (lock_rows, lock_key)."""
    if not _on_sqlite(session):
        return
    connection = session.connection()
    if not connection.connection.dbapi_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def lock_rows(session: Session, model: type, ids: list[int]) -> None:
    """Hold rows of `model` until the transaction ends, so that a check on
    what hangs under them and the write it allows are one step for
    concurrent requests. PostgreSQL: SELECT … FOR UPDATE, in id order (two
    transactions locking the same rows never wait on each other crosswise);
    the reads after it, at READ COMMITTED, see what the holder committed.
    SQLite has no row locks: its database write lock (begin_writing)."""
    if _on_sqlite(session):
        begin_writing(session)
        return
    session.connection().execute(
        sql_select(model.id)
        .where(model.id.in_(sorted(set(ids))))
        .order_by(model.id)
        .with_for_update()
    ).all()


def lock_key(session: Session, key: str) -> None:
    """Hold a lock named `key` until the transaction ends, for a rule no
    constraint keeps and no one row stands for (no two active units named
    alike, anywhere in the tree). PostgreSQL: an advisory transaction lock
    on a 64-bit hash of the key; SQLite: its write lock (begin_writing)."""
    if _on_sqlite(session):
        begin_writing(session)
        return
    digest = hashlib.blake2b(key.encode(), digest_size=8).digest()
    number = int.from_bytes(digest, "big", signed=True)
    session.connection().execute(sql_select(func.pg_advisory_xact_lock(number)))
