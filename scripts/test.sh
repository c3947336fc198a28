#!/usr/bin/env bash
# Install what the tests need, then run the whole pytest suite (browser tests
# included). Exits with pytest's status; "no tests ran" (5) counts as failure.
#
# PostgreSQL pass: when a PostgreSQL server answers at XLVPHC_TEST_PG_URL
# (default postgresql+psycopg://postgres@127.0.0.1:5432/test) and SQLAlchemy has a
# driver for it, the suite minus the browser tests runs a second time with
# XLVPHC_TEST_DB_URL set to that URL (tests/conftest.py's `db` fixture uses it).
#
# Multi-worker pass: when that PostgreSQL server and Redis at
# XLVPHC_TEST_REDIS_URL (default redis://127.0.0.1:6379/7) both answer,
# tests/e2e_multi starts the app in production mode on a database of its own
# (created and dropped on that server) with Redis and two backend workers.
set -euo pipefail
# shellcheck source=scripts/_common.sh
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

PG_URL="${XLVPHC_TEST_PG_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}"

ensure_apt_packages chromium poppler-utils fonts-liberation2
ensure_venv requirements-test.txt
ensure_bun
export_reflex_env
mkdir -p test-artifacts

# Prints why PostgreSQL cannot be used, or nothing when it can.
postgres_problem() {
    "$PY" - "$PG_URL" <<'PY' 2>/dev/null || echo "check failed"
import sys

from sqlalchemy import create_engine, text

url = sys.argv[1]
try:
    engine = create_engine(url)
except Exception as exc:  # no driver installed for this URL
    print(f"no driver: {type(exc).__name__}: {exc}")
    sys.exit(0)
try:
    with engine.connect() as conn:
        conn.execute(text("select 1"))
except Exception as exc:
    print(f"not reachable: {type(exc).__name__}")
PY
}

# Prints why Redis cannot be used, or nothing when it can.
redis_problem() {
    "$PY" - "$REDIS_URL" <<'PY' 2>/dev/null || echo "check failed"
import sys

import redis

try:
    redis.Redis.from_url(sys.argv[1], socket_timeout=3).ping()
except Exception as exc:
    print(f"not reachable: {type(exc).__name__}")
PY
}

REDIS_URL="${XLVPHC_TEST_REDIS_URL:-redis://127.0.0.1:6379/7}"

status=0
log "pytest (SQLite, browser tests included)"
"$PY" -m pytest -q tests --ignore=tests/e2e_multi || status=$?
if [ "$status" -eq 5 ]; then
    echo "FAILED: pytest collected no tests (exit 5)" >&2
fi

problem="$(postgres_problem)"
if [ -n "$problem" ]; then
    echo "SKIPPED: PostgreSQL pass ($PG_URL: $problem);" \
        "the suite ran on SQLite only"
else
    log "pytest (PostgreSQL at $PG_URL, browser tests excluded)"
    pg_status=0
    XLVPHC_TEST_DB_URL="$PG_URL" "$PY" -m pytest -q tests \
        --ignore=tests/e2e --ignore=tests/e2e_multi || pg_status=$?
    if [ "$status" -eq 0 ]; then
        status="$pg_status"
    fi
fi

if [ -z "$problem" ]; then
    problem="$(redis_problem)"
    [ -z "$problem" ] || problem="Redis at $REDIS_URL: $problem"
else
    problem="PostgreSQL at $PG_URL: $problem"
fi
if [ -n "$problem" ]; then
    echo "SKIPPED: multi-worker browser test tests/e2e_multi ($problem)"
else
    log "pytest (PostgreSQL + Redis, two backend workers: tests/e2e_multi)"
    multi_status=0
    XLVPHC_TEST_PG_URL="$PG_URL" XLVPHC_TEST_REDIS_URL="$REDIS_URL" \
        "$PY" -m pytest -q tests/e2e_multi || multi_status=$?
    if [ "$status" -eq 0 ]; then
        status="$multi_status"
    fi
fi

exit "$status"
