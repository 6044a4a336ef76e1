#!/usr/bin/env bash
# Memory under concurrent downloads: 20 simultaneous CSV and XLSX exports of ~36,000 figures each, against the published
# app over a database of its own filled with synthetic rows (scripts/bench/synthetic-data.sql). Records the app's peak
# resident memory, the answers (200, or 503 with Retry-After once the export queue is full) and /health/ready meanwhile,
# in docs/benchmarks.md (section "Concurrent exports"). Only 127.0.0.1 is ever targeted.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/app.sh"

PORT="${BENCH_PORT:-5091}"
BASE="http://127.0.0.1:$PORT"
DATABASE=linyi_bench_exports
SYNTHETIC_INDICATORS="${SYNTHETIC_INDICATORS:-2700}"
CONCURRENT=20
WORK="$ROOT/out/bench-exports"
OUT="$ROOT/docs/benchmarks.md"

ensure_dotnet
apt_install curl
ensure_postgres
publish_app
rm -rf "$WORK"; mkdir -p "$WORK"
trap stop_app_instances EXIT

drop_database "$DATABASE"; ensure_database "$DATABASE"
start_app_instance bench-exports "$PORT" "$DATABASE"
log "Adding synthetic load data ($SYNTHETIC_INDICATORS indicators)"
psql_db "$DATABASE" -v indicators="$SYNTHETIC_INDICATORS" -f "$ROOT/scripts/bench/synthetic-data.sql"
rows=$(psql_db "$DATABASE" -c "SELECT count(*) FROM observations")

kib() { awk -v k="$1" '/^'"$1"':/ { print $2 }' "/proc/$2/status"; }

# 20 distinct downloads, so that the output cache cannot answer them: both formats, both languages, with and without the
# places outside Linyi and the history of every report, each holding about all the figures.
urls() {
    for format in xlsx csv; do
        for culture in zh-CN en; do
            for extra in "" "outside=true" "history=true" "outside=true&history=true" "kind=actual"; do
                echo "$BASE/export/$format?culture=$culture${extra:+&$extra}"
            done
        done
    done | head -n "$CONCURRENT"
}

run() { # label, then app settings
    local label="$1"; shift
    stop_app_instances
    start_app_instance bench-exports "$PORT" "$DATABASE" "$@"
    local pid="${APP_PIDS[bench-exports]}"
    curl -fs -o /dev/null "$BASE/export/csv?region=junan"   # warm the export path once
    local before; before=$(kib VmRSS "$pid")
    : > "$WORK/$label.codes"
    local started; started=$(date +%s.%N)
    urls | xargs -P "$CONCURRENT" -n 1 curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' >> "$WORK/$label.codes" &
    local load=$!
    local ready_worst=0
    while kill -0 "$load" 2>/dev/null; do
        local t; t=$(curl -s -o /dev/null -m 10 -w '%{time_total}' "$BASE/health/ready" || echo 10)
        ready_worst=$(awk -v a="$ready_worst" -v b="$t" 'BEGIN { print (b > a ? b : a) }')
        sleep 0.2
    done
    wait "$load" || true
    local ended; ended=$(date +%s.%N)
    local peak; peak=$(kib VmHWM "$pid")
    local ok busy other biggest
    ok=$(awk '$1 == 200' "$WORK/$label.codes" | wc -l)
    busy=$(awk '$1 == 503' "$WORK/$label.codes" | wc -l)
    other=$(awk '$1 != 200 && $1 != 503' "$WORK/$label.codes" | wc -l)
    biggest=$(awk '$1 == 200 { if ($2 > m) m = $2 } END { printf "%.1f", m / 1048576 }' "$WORK/$label.codes")
    printf '| %s | %s | %s | %s | %s | %s MB | %.0f MB | %.0f MB | %.1f s | %.0f ms |\n' "$label" "$CONCURRENT" "$ok" "$busy" "$other" "$biggest" \
        "$(awk -v k="$before" 'BEGIN { print k / 1024 }')" "$(awk -v k="$peak" 'BEGIN { print k / 1024 }')" \
        "$(awk -v s="$started" -v e="$ended" 'BEGIN { print e - s }')" "$(awk -v t="$ready_worst" 'BEGIN { print t * 1000 }')" >> "$WORK/table.md"
}

: > "$WORK/table.md"
log "Default limits: 2 exports at once, 8 waiting"
run "default (2 at once, 8 queued)"
log "Every request queued: 2 at once, 20 waiting"
run "2 at once, 20 queued" RateLimits__ExportQueue=20

section="$WORK/section.md"
{
    echo "## Concurrent exports"
    echo
    echo "Produced by \`scripts/bench-exports.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $CONCURRENT simultaneous downloads (CSV and XLSX, both languages,"
    echo "with and without history and outside places, so the output cache cannot answer them) over a database of its own with"
    echo "$rows figures ($SYNTHETIC_INDICATORS synthetic indicators). *Peak* is the app's peak resident memory (VmHWM) for the whole run,"
    echo "start-up included; the goal is under 1.5 GB. *Ready* is the slowest \`/health/ready\` answer while the downloads ran."
    echo
    echo "| limits | requests | 200 | 503 (Retry-After) | other | largest file | RSS before | peak RSS | wall time | ready, worst |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    cat "$WORK/table.md"
    echo
    echo "Rows stream from PostgreSQL into CsvHelper or the OpenXML SAX writer (the XLSX zipped straight into the response), so a"
    echo "download holds one row and a write buffer, not the file; at most \`RateLimits:ExportsAtOnce\` run at once."
} > "$section"
if grep -q '^## Concurrent exports' "$OUT"; then
    # Replace the previous section, up to the next heading.
    awk -v file="$section" '
        /^## Concurrent exports/ { while ((getline line < file) > 0) print line; skip = 1; next }
        skip && /^## / { skip = 0; print ""; }
        !skip { print }' "$OUT" > "$OUT.new" && mv "$OUT.new" "$OUT"
else
    { echo; cat "$section"; } >> "$OUT"
fi
log "Wrote the concurrent exports section of $OUT"
cat "$section"
