"""Runtime settings read from the environment, with safe defaults.

Kept free of Reflex so that services and command-line tools can use it.
"""

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_URL = f"sqlite:///{PROJECT_ROOT / 'var' / 'xlvphc.db'}"


def _int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Settings:
    """Security figures follow ../shared/docs/security.md ("Decisions")."""

    db_url: str
    bcrypt_rounds: int
    session_idle_minutes: int
    session_absolute_hours: int
    lockout_threshold: int
    lockout_hours: int
    issued_password_hours: int
    inactive_days: int
    threads: int
    hash_concurrency: int
    province_name: str
    public_url: str  # printed on the password slips; "" leaves it out


def _default_threads(db_url: str) -> int:
    """Threads per backend worker for database calls. SQLite answers from
    the worker's own process, so its calls hold the GIL for most of their
    time: 16 threads starved the event loop and a list page took 173 ms at
    p50 under 100 browsers, 4 threads 43 ms. PostgreSQL calls mostly wait on
    the server with the GIL released, and more threads keep more queries in
    flight (bench/RESULTS.md, section 0c)."""
    return 4 if db_url.startswith("sqlite") else 16


def load() -> Settings:
    db_url = os.environ.get("REFLEX_DB_URL", DEFAULT_DB_URL)
    return Settings(
        db_url=db_url,
        bcrypt_rounds=_int("XLVPHC_BCRYPT_ROUNDS", 12),
        session_idle_minutes=_int("XLVPHC_SESSION_IDLE_MINUTES", 15),
        session_absolute_hours=_int("XLVPHC_SESSION_ABSOLUTE_HOURS", 8),
        lockout_threshold=_int("XLVPHC_LOCKOUT_THRESHOLD", 5),
        lockout_hours=_int("XLVPHC_LOCKOUT_HOURS", 12),
        issued_password_hours=_int("XLVPHC_ISSUED_PASSWORD_HOURS", 72),
        inactive_days=_int("XLVPHC_INACTIVE_DAYS", 45),
        threads=max(2, _int("XLVPHC_THREADS", _default_threads(db_url))),
        # Password hashes computed at once (services/passwords.py).
        hash_concurrency=max(1, _int("XLVPHC_HASH_CONCURRENCY", os.cpu_count() or 2)),
        province_name=os.environ.get("XLVPHC_PROVINCE", "Đắk Lắk"),
        public_url=os.environ.get("XLVPHC_PUBLIC_URL", "").strip()[:200],
    )


SETTINGS = load()
