#!/usr/bin/env bash
# Production start (PostgreSQL + Redis, several backend workers): what the
# systemd unit in docs/deploy.md runs. Unlike scripts/run.sh it installs
# nothing; it refuses to start on SQLite or without Redis, migrates the
# schema (Alembic, keeping the data), then serves frontend and backend on one
# port for the reverse proxy.
#
# Required: REFLEX_DB_URL=postgresql+psycopg://..., REFLEX_REDIS_URL=redis://...
# Optional: XLVPHC_PORT (3000), XLVPHC_HOST (127.0.0.1), GRANIAN_WORKERS
# (backend worker processes; Reflex's default with Redis is 2 x cores + 1,
# at most 8).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
PY="$REPO_ROOT/.venv/bin/python"

case "${REFLEX_DB_URL:-}" in
    postgresql*) ;;
    *) echo "ERROR: REFLEX_DB_URL must point at PostgreSQL" >&2; exit 2 ;;
esac
case "${REFLEX_REDIS_URL:-}" in
    redis://*|rediss://*|unix://*) ;;
    *) echo "ERROR: REFLEX_REDIS_URL must be set (several workers)" >&2; exit 2 ;;
esac

export REFLEX_TELEMETRY_ENABLED=false REFLEX_CHECK_LATEST_VERSION=0
export REFLEX_USE_SYSTEM_BUN=1 PYTHONUNBUFFERED=1
unset REFLEX_USE_NPM

"$PY" -m xlvphc.cli setup
exec "$REPO_ROOT/.venv/bin/reflex" run --env prod \
    --frontend-port "${XLVPHC_PORT:-3000}" --backend-host "${XLVPHC_HOST:-127.0.0.1}"
