"""What every test needs: fast password hashing and a throwaway database.

XLVPHC_TEST_DB_URL (set by scripts/test.sh for its PostgreSQL pass) makes the
`db` fixture use that database instead of a temporary SQLite file; its tables
are dropped and created again for each test.
"""

import os
import tempfile

# Settings are read once, at import: set these before xlvphc is imported.
os.environ["XLVPHC_BCRYPT_ROUNDS"] = "4"
# Nothing in a test may reach the developer's var/xlvphc.db by accident.
_STRAY_DIR = tempfile.mkdtemp(prefix="xlvphc-stray-")
os.environ["REFLEX_DB_URL"] = os.environ.get("XLVPHC_TEST_DB_URL") or (
    f"sqlite:///{_STRAY_DIR}/stray.db"
)

import pytest  # noqa: E402
import time_machine  # noqa: E402
from sqlmodel import SQLModel  # noqa: E402

from tests.clock import run_start  # noqa: E402

# The real-app harness, defined once for tests/e2e and tests/security.
from tests.harness import (  # noqa: E402, F401
    app_server,
    browser,
    page,
    pytest_runtest_makereport,
    seed_user,
    wait_hydrated,
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "e2e: drives the real app in Chromium (tests/e2e)"
    )
    _keep_one_day(config)


def _keep_one_day(config: pytest.Config) -> None:
    """Before any test module reads "today": see tests/clock.py."""
    from xlvphc.models.base import local_now

    start = run_start(local_now())
    if start is None:
        return
    traveller = time_machine.travel(start, tick=True)
    traveller.start()
    config.add_cleanup(traveller.stop)


@pytest.fixture
def db(tmp_path):
    """A fresh, empty database with every table, used by the services."""
    from xlvphc.services import db as dbmod

    url = os.environ.get("XLVPHC_TEST_DB_URL") or (
        f"sqlite:///{tmp_path / 'test.db'}"
    )
    engine = dbmod.make_engine(url)
    if url.startswith("sqlite"):
        SQLModel.metadata.create_all(engine)
    else:
        SQLModel.metadata.drop_all(engine)
        SQLModel.metadata.create_all(engine)
    previous = dbmod._engine
    dbmod.use_engine(engine)
    try:
        yield engine
    finally:
        dbmod._engine = previous
        if not url.startswith("sqlite"):
            SQLModel.metadata.drop_all(engine)
        engine.dispose()


@pytest.fixture(autouse=True)
def _clock_at_end_of_day(monkeypatch):
    """Tests write clock times such as "08:00" on today's date, and the
    services refuse a time later than now (services.inputs.after_now). The
    clock that check reads is set to 23:59 of the real today, so that those
    tests pass at any hour; the tests of the check set their own
    (tests/services/test_future_times.py). Only the in-process services are
    affected: a browser test's app server keeps the real clock."""
    from xlvphc.models.base import local_now
    from xlvphc.services import inputs

    monkeypatch.setattr(
        inputs,
        "local_now",
        lambda: local_now().replace(hour=23, minute=59, second=59, microsecond=0),
    )
