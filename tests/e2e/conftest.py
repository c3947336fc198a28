"""Browser tests: every test in this folder is marked `e2e`. The harness
(app_server, browser, page, wait_hydrated, seed_user) lives in tests/harness.py
and is registered in tests/conftest.py for this folder and tests/security."""

from pathlib import Path

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


def __getattr__(name: str):
    """Older test modules import the fixtures from here; they are served
    lazily so pytest does not register a second copy of the session-wide
    app_server (which would build the app twice)."""
    import tests.harness

    return getattr(tests.harness, name)
