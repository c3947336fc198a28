#!/usr/bin/env bash
# Install everything, set up the database, serve the app at http://localhost:3000.
# Safe to run again: installs only what is missing; `setup` is idempotent.
set -euo pipefail
# shellcheck source=scripts/_common.sh
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

PORT="${XLVPHC_PORT:-3000}"
HOST="${XLVPHC_HOST:-127.0.0.1}"

ensure_venv requirements.txt
ensure_bun
export_reflex_env

log "python -m xlvphc.cli setup"
"$PY" -m xlvphc.cli setup

log "building and serving (production); open http://localhost:$PORT"
exec "$VENV/bin/reflex" run --env prod --frontend-port "$PORT" \
    --backend-host "$HOST"
