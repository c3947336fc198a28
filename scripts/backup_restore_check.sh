#!/usr/bin/env bash
# Back up a PostgreSQL database with pg_dump, restore the dump into a new
# database, and compare the row count of every table (and the Alembic
# revision). Exits non-zero when anything differs. This is the restore drill
# of docs/deploy.md: run it after changing the backup procedure, and from time
# to time against last night's dump.
#
#   scripts/backup_restore_check.sh [SOURCE_DB] [DUMP_FILE]
#
# Connection: the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD);
# defaults here are 127.0.0.1:5432, user postgres. SOURCE_DB defaults to
# xlvphc. The dump (custom format, compressed) is kept at DUMP_FILE (default
# /tmp/<db>-<UTC time>.dump); the scratch database <db>_restorecheck is
# dropped at the end unless KEEP_RESTORED=1.
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
SRC="${1:-xlvphc}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
DUMP="${2:-/tmp/${SRC}-${STAMP}.dump}"
DST="${SRC}_restorecheck"

log() { printf '==> %s\n' "$*"; }

counts() {
    # One line per table: "<table> <exact row count>", sorted.
    local db="$1" tables t
    tables="$(psql -XAt -d "$db" -c "SELECT tablename FROM pg_tables
        WHERE schemaname = 'public' ORDER BY tablename")"
    for t in $tables; do
        printf '%s %s\n' "$t" "$(psql -XAt -d "$db" -c "SELECT count(*) FROM \"$t\"")"
    done
}

start=$(date +%s)
log "pg_dump $SRC -> $DUMP"
pg_dump --format=custom --compress=6 --no-owner --file="$DUMP" "$SRC"
log "dump size: $(du -h "$DUMP" | cut -f1) in $(( $(date +%s) - start )) s"

log "restore into a new database $DST"
dropdb --if-exists "$DST"
createdb "$DST"
rstart=$(date +%s)
pg_restore --no-owner --exit-on-error --jobs=2 --dbname="$DST" "$DUMP"
log "restored in $(( $(date +%s) - rstart )) s"

log "comparing row counts"
before="$(counts "$SRC")"
after="$(counts "$DST")"
if [ "$before" != "$after" ]; then
    echo "MISMATCH between $SRC and $DST:" >&2
    diff <(echo "$before") <(echo "$after") >&2 || true
    exit 1
fi
echo "$after" | sed 's/^/    /'
tables=$(echo "$after" | wc -l)
rows=$(echo "$after" | awk '{s += $2} END {print s}')
log "OK: $tables tables, $rows rows identical in $SRC and $DST"

if [ "${KEEP_RESTORED:-0}" != "1" ]; then
    dropdb "$DST"
fi
log "total $(( $(date +%s) - start )) s; dump kept at $DUMP"
