#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a new, empty database: scripts/restore.sh FILE DATABASE
# Refuses to overwrite a database that exists. Same connection settings as backup.sh.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
FILE="${1:?usage: scripts/restore.sh FILE DATABASE}"
DB="${2:?usage: scripts/restore.sh FILE DATABASE}"
[ -f "$FILE" ] || die "no such backup: $FILE"
apt_install postgresql-client
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-$PG_PORT}" PGUSER="${PGUSER:-$PG_USER_NAME}"
[ -n "${PGPASSWORD:-}" ] || export PGPASSWORD="$(pg_password)"
if [ -n "$(psql -d postgres -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
    die "database $DB exists; restore into a new name, then switch the connection string"
fi
createdb "$DB"
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DB" "$FILE"
log "Restored $FILE into $DB"
