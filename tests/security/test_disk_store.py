"""The throttled disk state manager still deletes expired tab states, only
not on every write; and the app runs on it when no Redis is configured."""

import os
import time

from reflex.istate.manager.disk import StateManagerDisk

from xlvphc.state import disk_store


def _manager(tmp_path, monkeypatch):
    monkeypatch.setenv("REFLEX_STATES_WORKDIR", str(tmp_path))
    return disk_store.ThrottledDiskStateManager()


def _state_file(folder, name, age_seconds):
    path = folder / f"{name}.pkl"
    path.write_bytes(b"state")
    then = time.time() - age_seconds
    os.utime(path, (then, then))
    return path


def test_expired_files_go_at_most_once_a_minute(tmp_path, monkeypatch):
    manager = _manager(tmp_path, monkeypatch)
    assert manager.states_directory == tmp_path.absolute()
    clock = [1000.0]
    monkeypatch.setattr(disk_store.time, "monotonic", lambda: clock[0])
    manager._last_purge = float("-inf")

    expiry = manager.token_expiration
    old = _state_file(tmp_path, "old", expiry + 10)
    fresh = _state_file(tmp_path, "fresh", 5)
    manager._purge_expired_states()
    assert not old.exists()
    assert fresh.exists()

    later_old = _state_file(tmp_path, "later_old", expiry + 10)
    clock[0] += disk_store.PURGE_EVERY - 1
    manager._purge_expired_states()
    assert later_old.exists()

    clock[0] += 2
    manager._purge_expired_states()
    assert not later_old.exists()
    assert fresh.exists()


def test_install_swaps_only_the_stock_disk_manager(tmp_path, monkeypatch):
    monkeypatch.setenv("REFLEX_STATES_WORKDIR", str(tmp_path))

    class FakeApp:
        _state_manager = StateManagerDisk()

    app = FakeApp()
    disk_store.install(app)
    assert type(app._state_manager) is disk_store.ThrottledDiskStateManager

    other = object()
    app._state_manager = other
    disk_store.install(app)
    assert app._state_manager is other


def test_the_app_never_runs_on_the_unthrottled_disk_manager():
    """Without Redis the app's manager is the throttled one; with Redis it
    is Reflex's Redis manager. Either way, not the stock disk manager."""
    from xlvphc.xlvphc import app

    assert type(app._state_manager) is not StateManagerDisk
    if isinstance(app._state_manager, StateManagerDisk):
        assert isinstance(app._state_manager, disk_store.ThrottledDiskStateManager)
