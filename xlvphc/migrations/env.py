"""Alembic environment: the SQLModel metadata is the target; the URL comes from
the app's settings (REFLEX_DB_URL) unless the caller set one."""

from alembic import context
from sqlmodel import SQLModel

from xlvphc import models  # noqa: F401  (registers every table)
from xlvphc.services.case_summary import include_name
from xlvphc.services.db import make_engine
from xlvphc.settings import SETTINGS

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url") or SETTINGS.db_url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or SETTINGS.db_url)
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


def _run(connection) -> None:
    # Batch mode lets SQLite alter tables (it rebuilds them); PostgreSQL ignores it.
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
