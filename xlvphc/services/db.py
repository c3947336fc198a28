"""Engine and sessions. SQLite gets WAL, a busy timeout and foreign keys, which
Reflex does not set (security.md 2.8)."""

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
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
