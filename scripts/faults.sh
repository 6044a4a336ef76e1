#!/usr/bin/env bash
# Fault drills against the published app and a local PostgreSQL, recorded in docs/faults.md:
#   1. PostgreSQL stopped under load: /health/ready and pages answer a friendly 503, /health/live stays 200;
#   2. PostgreSQL back: the app recovers by itself within seconds, no restart, no data lost;
#   3. a 60-second soak at 64 connections with zero errors.
# Exits non-zero if any check fails. Only 127.0.0.1 is targeted.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/app.sh"

PORT="${FAULTS_PORT:-5092}"
BASE="http://127.0.0.1:$PORT"
DB=linyi_faults
SOAK_SECONDS="${SOAK_SECONDS:-60}"
OUT="$ROOT/docs/faults.md"
REPORT="$ROOT/out/faults-report.md"

ensure_dotnet
apt_install wrk curl
ensure_postgres
publish_app
trap stop_app_instances EXIT
mkdir -p "$ROOT/out"; : > "$REPORT"
failures=0
check() { # description, then a command that must succeed
    local what="$1"; shift
    if "$@"; then printf '| ✔ | %s |\n' "$what" >> "$REPORT"; else printf '| ✘ | %s |\n' "$what" >> "$REPORT"; failures=$((failures + 1)); fi
}
status_is() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$2")" = "$1" ]; }
body_has() { curl -s "$2" | grep -q "$1"; }
body_lacks() { ! curl -s "$2" | grep -q "$1"; }

drop_database "$DB"; ensure_database "$DB"
start_app_instance faults "$PORT" "$DB"
before=$(data_checksum "$DB")

log "Load while PostgreSQL stops"
wrk -t2 -c16 -d20s "$BASE/categories/industry" > "$ROOT/out/faults-wrk.txt" 2>&1 &
load=$!
sleep 3
bin=$(pg_bin)
pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null
down_at=$(date +%s.%N)
check "/health/ready answers 503 while PostgreSQL is down" status_is 503 "$BASE/health/ready"
check "/health/live still answers 200" status_is 200 "$BASE/health/live"
check "a page answers a friendly 503 (暂时无法访问)" body_has "暂时无法访问" "$BASE/?nocache=$RANDOM"
check "the 503 page shows no stack trace" body_lacks "   at " "$BASE/?nocache=$RANDOM"
check "the API answers 503 ProblemDetails" status_is 503 "$BASE/api/observations?nocache=$RANDOM"
sleep 3
pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start >/dev/null
up_at=$(date +%s.%N)
recovered=""
for _ in $(seq 200); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/?nocache=$RANDOM")" = 200 ] && status_is 200 "$BASE/health/ready"; then recovered=$(date +%s.%N); break; fi
    sleep 0.1
done
wait "$load" || true
recovery=$( [ -n "$recovered" ] && awk -v a="$up_at" -v b="$recovered" 'BEGIN { printf "%.1f", b - a }' || echo "never")
check "the app recovered without a restart ($recovery s after PostgreSQL was back)" test -n "$recovered"
check "the same app process is still serving" kill -0 "${APP_PIDS[faults]}"
check "no data lost (checksum of all data tables unchanged)" test "$before" = "$(data_checksum "$DB")"

log "Soak: ${SOAK_SECONDS}s at 64 connections"
wrk -t2 -c64 -d"${SOAK_SECONDS}s" --latency "$BASE/" > "$ROOT/out/soak.txt" 2>&1 || true
soak_requests=$(awk '/requests in/ { print $1 }' "$ROOT/out/soak.txt")
soak_errors=$(awk '/Non-2xx/ { e += $NF } /Socket errors/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 } END { print e + 0 }' "$ROOT/out/soak.txt")
soak_p99=$(awk '$1 == "99%" { print $2 }' "$ROOT/out/soak.txt")
check "soak: $soak_requests requests in ${SOAK_SECONDS}s at 64 connections, $soak_errors errors, p99 $soak_p99" test "$soak_errors" = 0

{
    echo "# Fault drills"
    echo
    echo "Output of \`scripts/faults.sh\`, $(date -u '+%Y-%m-%d %H:%M UTC'), on $(nproc) cores. The app is the published build in"
    echo "Production settings; PostgreSQL is the project's local cluster, stopped with \`pg_ctl stop -m fast\` while wrk"
    echo "keeps 16 connections busy, and started again 3 seconds later."
    echo
    echo "| | check |"
    echo "|---|---|"
    cat "$REPORT"
    echo
    echo "Requests during the outage (wrk, 20 s, 16 connections):"
    echo
    echo '```'
    grep -E 'requests in|Non-2xx|Socket errors|Requests/sec' "$ROOT/out/faults-wrk.txt" || true
    echo '```'
} > "$OUT"
cat "$OUT"
[ "$failures" = 0 ] || die "$failures fault check(s) failed"
log "All fault checks passed"
