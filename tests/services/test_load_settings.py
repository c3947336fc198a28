"""What keeps one backend worker responsive under load (issue 8): an unknown
user costs what a wrong password costs, a burst of logins hashes at most
XLVPHC_HASH_CONCURRENCY passwords at once, so the event loop keeps a core,
and the number of database threads suits the database."""

import threading
import time

import bcrypt

from xlvphc.services import passwords
from xlvphc.settings import SETTINGS


def _cost(hashed: bytes | str) -> int:
    text = hashed.decode() if isinstance(hashed, bytes) else hashed
    return int(text.split("$")[2])


def test_unknown_users_are_checked_against_a_hash_of_the_same_cost():
    real = passwords.hash_password("một mật khẩu đủ dài 2026")

    assert _cost(passwords._dummy_hash()) == _cost(real) == SETTINGS.bcrypt_rounds
    assert passwords.verify_password("một mật khẩu đủ dài 2026", real)
    assert not passwords.verify_password("sai mật khẩu rồi nhé", real)
    assert not passwords.verify_password("bất kỳ", None)
    assert not passwords.verify_password("x" * 100, real)  # over 72 bytes


def test_a_burst_of_logins_hashes_at_most_the_configured_number_at_once(
    monkeypatch,
):
    running, most, lock = [0], [0], threading.Lock()
    real_check = bcrypt.checkpw

    def slow_check(data: bytes, hashed: bytes) -> bool:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return real_check(data, hashed)

    monkeypatch.setattr(passwords.bcrypt, "checkpw", slow_check)
    monkeypatch.setattr(passwords, "_HASHING", threading.BoundedSemaphore(2))
    stored = passwords.hash_password("một mật khẩu đủ dài 2026")
    results: list[bool] = []
    threads = [
        threading.Thread(
            target=lambda: results.append(
                passwords.verify_password("một mật khẩu đủ dài 2026", stored)
            )
        )
        for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert results == [True] * 8
    assert most[0] == 2


def test_database_threads_default_by_database(monkeypatch):
    """SQLite's calls hold the GIL, PostgreSQL's wait on the server: fewer
    threads for the one, more for the other, unless XLVPHC_THREADS says."""
    from xlvphc import settings

    monkeypatch.delenv("XLVPHC_THREADS", raising=False)
    monkeypatch.setenv("REFLEX_DB_URL", "sqlite:////tmp/x.db")
    assert settings.load().threads == 4
    monkeypatch.setenv("REFLEX_DB_URL", "postgresql+psycopg://u@h/db")
    assert settings.load().threads == 16
    monkeypatch.setenv("XLVPHC_THREADS", "8")
    assert settings.load().threads == 8
