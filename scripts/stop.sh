#!/usr/bin/env bash
# Stops the project-local PostgreSQL. `scripts/stop.sh --clean` also deletes its data (.data/) and build output.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
pg_stop
log "PostgreSQL stopped"
if [ "${1:-}" = "--clean" ]; then
    rm -rf "$PG_DIR" "$DATA_DIR" "$ROOT/out"
    log "Removed $PG_DIR, $DATA_DIR and out/"
fi
