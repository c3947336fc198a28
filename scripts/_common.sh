# shellcheck shell=bash
# Shared by scripts/run.sh and scripts/test.sh (sourced, not run on its own).
# Installs only what is missing, so both scripts can be run again and again.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO_ROOT/.venv"
PY="$VENV/bin/python"
# Reflex 0.10.1 needs bun >= 1.4.4 (lockfile v2); pinned for repeatable installs.
BUN_VERSION="1.4.5"
cd "$REPO_ROOT"

log() { printf '==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

# Debian packages, installed only when one of them is missing.
ensure_apt_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null \
                | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    log "apt-get install ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q "${missing[@]}"
}

# .venv (Python 3.11) with the given requirements file installed.
ensure_venv() {
    local requirements="$1" python
    if [ ! -x "$PY" ] || ! "$PY" -c 'import sys' >/dev/null 2>&1; then
        python="$(command -v python3.11 || command -v python3 || true)"
        [ -n "$python" ] || die "python3 not found (Python 3.11 is needed)"
        "$python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
            || die "$python is not Python 3.11"
        log "creating .venv with $python"
        "$python" -m venv "$VENV"
    fi
    log "pip install -r $requirements"
    "$PY" -m pip install -q --disable-pip-version-check -r "$requirements"
}

_bun_ok() {
    command -v bun >/dev/null 2>&1 || return 1
    local have
    have="$(bun --version 2>/dev/null)" || return 1
    # Accept any bun >= 1.4.4.
    printf '%s\n%s\n' "1.4.4" "$have" | sort -V -C
}

# Reflex cannot download bun here, so it comes from the npm registry.
ensure_bun() {
    if _bun_ok; then
        return 0
    fi
    command -v npm >/dev/null 2>&1 || die "npm (Node.js) not found: needed for bun"
    log "npm install -g bun@$BUN_VERSION"
    as_root npm install -g --no-fund --no-audit "bun@$BUN_VERSION"
    hash -r
    _bun_ok || die "bun >= 1.4.4 still not on PATH after npm install -g bun"
}

export_reflex_env() {
    export REFLEX_TELEMETRY_ENABLED=false
    export REFLEX_CHECK_LATEST_VERSION=0
    export REFLEX_USE_SYSTEM_BUN=1
    # Reflex refuses Node 20 with npm: never let it use npm instead of bun.
    unset REFLEX_USE_NPM
    # Without this, Reflex times two npm registries (one not reachable here):
    # use the registry npm itself is configured with.
    if [ -z "${NPM_CONFIG_REGISTRY:-}" ]; then
        NPM_CONFIG_REGISTRY="$(npm config get registry 2>/dev/null || true)"
        if [ -n "$NPM_CONFIG_REGISTRY" ]; then export NPM_CONFIG_REGISTRY; fi
    fi
    export PYTHONUNBUFFERED=1
}
