#!/usr/bin/env bash
# Prepares everything the tests need (SDK tools, PostgreSQL, Chromium, fonts), runs every test project,
# and ends with one line: "N passed, N failed".
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

TEST_DB="${LINYI_TEST_DB:-linyi_test}"
RESULTS="$ROOT/out/test-results"

ensure_dotnet
ensure_browser_deps
apt_install poppler-utils qpdf
ensure_postgres

# Each test project runs on a database of its own, so the projects run at the same time. A project's tests copy theirs
# from a template they migrate and seed once (TestDatabase.cs).
project_db() { if [ "$1" = Linyi.Dashboard.Tests ]; then echo "$TEST_DB"; else echo "${TEST_DB}_$(echo "${1#Linyi.Dashboard.}" | tr '[:upper:]' '[:lower:]')"; fi; }
for project in tests/*/*.csproj; do
    db=$(project_db "$(basename "$project" .csproj)")
    drop_database "$db"
    ensure_database "$db"
done

export LINYI_SEEDS_DIR="$ROOT/seeds"
# Each test host would otherwise take inotify instances for config and static-file watching, and a machine shared by
# several checkouts runs out of them (the default limit is 128 per user).
export DOTNET_USE_POLLING_FILE_WATCHER=true
rm -rf "$RESULTS"; mkdir -p "$RESULTS"

cd "$ROOT"
log "Installing the accessibility engine, the OpenAPI linter and the client generator for the browser tests (npm)"
(cd tests/Linyi.Dashboard.BrowserTests && npm ci --no-audit --no-fund --silent) || die "npm ci failed"
log "Building"
if ! dotnet build Linyi.Dashboard.sln -c Release --nologo -v quiet > "$RESULTS/build.log" 2>&1; then
    grep -E 'error|warning' "$RESULTS/build.log" | sort -u >&2 || cat "$RESULTS/build.log" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
status=0
pids=(); names=()
for project in tests/*/*.csproj; do
    name=$(basename "$project" .csproj)
    log "Testing $name (output in out/test-results/$name.log)"
    # Test databases are thrown away: a commit need not wait for its WAL to reach the disk.
    ConnectionStrings__Dashboard="$(connection_string "$(project_db "$name")");Options=-c synchronous_commit=off" \
        dotnet test "tests/$name/bin/Release/net10.0/$name.dll" --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" > "$RESULTS/$name.log" 2>&1 &
    pids+=("$!"); names+=("$name")
done
for i in "${!pids[@]}"; do
    if ! wait "${pids[$i]}"; then status=1; fi
    log "${names[$i]}"
    cat "$RESULTS/${names[$i]}.log"
done

passed=0; failed=0
for trx in "$RESULTS"/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(printf '%s' "$counters" | sed -E 's/.* passed="([0-9]+)".*/\1/')
    f=$(printf '%s' "$counters" | sed -E 's/.* failed="([0-9]+)".*/\1/')
    passed=$((passed + p)); failed=$((failed + f))
done
# A test host that crashed leaves no counters; report it as a failure rather than a clean run.
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
