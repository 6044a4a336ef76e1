#!/usr/bin/env bash
# Backs up a dashboard database with pg_dump (custom format, compressed): scripts/backup.sh [DATABASE] [FILE]
# Connects to the project's local PostgreSQL unless PGHOST/PGPORT/PGUSER/PGPASSWORD say otherwise.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
DB="${1:-linyi_dashboard}"
FILE="${2:-$ROOT/out/backups/$DB-$(date -u +%Y%m%dT%H%M%SZ).dump}"
apt_install postgresql-client
mkdir -p "$(dirname "$FILE")"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-$PG_PORT}" PGUSER="${PGUSER:-$PG_USER_NAME}"
[ -n "${PGPASSWORD:-}" ] || export PGPASSWORD="$(pg_password)"
pg_dump --format=custom --no-owner --no-privileges --file="$FILE" "$DB"
log "Backed up $DB to $FILE ($(du -h "$FILE" | cut -f1))"
echo "$FILE"
