#!/usr/bin/env bash
# Serves the dashboard at http://127.0.0.1:${PORT:-5080} with Production settings, from published output,
# against a project-local PostgreSQL (migrated and seeded on start). Ctrl-C stops the app;
# `scripts/stop.sh` stops PostgreSQL too.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

PORT="${PORT:-5080}"
DB_NAME="${LINYI_DB:-linyi_dashboard}"

ensure_dotnet
ensure_browser_deps
ensure_postgres
ensure_database "$DB_NAME"
publish_app

log "Serving http://127.0.0.1:$PORT (Ctrl-C to stop)"
cd "$ROOT/out/web"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export ASPNETCORE_URLS="http://127.0.0.1:$PORT"
export ConnectionStrings__Dashboard="$(connection_string "$DB_NAME")"
export Database__MigrateOnStartup=true Database__SeedOnStartup=true
# Plain HTTP on the loopback interface: cookies follow the request's scheme. Behind TLS, leave this unset (HTTPS only).
export Security__RequireHttps="${Security__RequireHttps:-false}"
exec dotnet Linyi.Dashboard.Web.dll
