#!/usr/bin/env bash
# Measures the published app against a local PostgreSQL, side by side in one run, and writes docs/benchmarks.md.
#   - each page next to a static file of the same size served by the same app (the ratio is the figure), with wrk;
#   - the same pages uncached (every request a cache miss);
#   - PDF export cold, warm and cached, and 4 concurrent renders;
#   - all of it again on 100x synthetic data in a database of its own;
#   - the cached overview, category and indicator pages next to nginx (Debian's nginx-light) serving the same bytes,
#     and the same build with a request line written for every request, to show what logging costs.
# Only 127.0.0.1 is ever targeted. DURATION (seconds per run, default 5) and CONNECTIONS (default 32) can be set.
# BENCH_ONLY=nginx measures only the nginx and logging comparison (real data) and replaces that section of the doc.
# BENCH_ONLY=pdf measures the warm and the cached city PDF summary (and its size and fonts) and replaces that section.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/app.sh"

DURATION="${DURATION:-5}"
CONNECTIONS="${CONNECTIONS:-32}"
PORT="${BENCH_PORT:-5090}"
BASE="http://127.0.0.1:$PORT"
OUT="$ROOT/docs/benchmarks.md"
WORK="$ROOT/out/bench"
SYNTHETIC_INDICATORS="${SYNTHETIC_INDICATORS:-2700}"
NGINX_PORT="${NGINX_PORT:-5091}"
BENCH_ONLY="${BENCH_ONLY:-}"

ensure_dotnet
ensure_browser_deps
apt_install wrk curl nginx-light
ensure_postgres
publish_app
rm -rf "$WORK"; mkdir -p "$WORK" "$ROOT/out/web/wwwroot/bench"

NGINX_PID=""
stop_nginx() { if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""; fi; }
trap 'stop_app_instances; stop_nginx' EXIT

# The app at its production log level (Information), so the request logging it ships with is part of every figure.
start_app() { # database [ENV=VALUE ...]
    local database="$1"; shift
    stop_app_instances
    start_app_instance "bench-$database" "$PORT" "$database" RateLimits__PdfPerMinute=1000000 Serilog__MinimumLevel__Default=Information "$@"
}

# nginx-light from Debian, as a plain static server: its own prefix under out/, 127.0.0.1 only, no access log.
start_nginx() {
    local root="$WORK/nginx"
    mkdir -p "$root/html" "$root/tmp"
    cat > "$root/nginx.conf" <<CONF
worker_processes auto;
pid $root/nginx.pid;
error_log $root/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $root/tmp/body;
    proxy_temp_path $root/tmp/proxy;
    fastcgi_temp_path $root/tmp/fastcgi;
    uwsgi_temp_path $root/tmp/uwsgi;
    scgi_temp_path $root/tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $root/html;
    }
}
CONF
    /usr/sbin/nginx -p "$root" -c "$root/nginx.conf" -g 'daemon off;' 2> "$root/stderr.log" &
    NGINX_PID=$!
    for _ in $(seq 40); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && return 0; sleep 0.25; done
    cat "$root/stderr.log" "$root/error.log" >&2 2>/dev/null || true
    die "nginx did not start on 127.0.0.1:$NGINX_PORT"
}

prepare_database() { # name synthetic?
    drop_database "$1"; ensure_database "$1"
    start_app "$1"   # migrates and seeds
    if [ "$2" = yes ]; then
        log "Adding synthetic load data to $1 ($SYNTHETIC_INDICATORS indicators)"
        psql_db "$1" -v indicators="$SYNTHETIC_INDICATORS" -f "$ROOT/scripts/bench/synthetic-data.sql"
    fi
}

# wrk → "requests/s p50_ms p99_ms errors"
run_wrk() { # url [lua]
    local args=(-t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency)
    [ -n "${2:-}" ] && args+=(-s "$2")
    wrk "${args[@]}" "$1" > "$WORK/wrk.txt" 2>&1 || true
    awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx/ { errors += $NF }
        /Socket errors/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
        END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors }' "$WORK/wrk.txt"
}

same_size_static() { # name size
    head -c "$2" /dev/urandom | base64 -w 120 | head -c "$2" > "$ROOT/out/web/wwwroot/bench/$1.txt"
    printf '/bench/%s.txt' "$1"
}

PAGES=("overview|/" "category|/categories/industry" "indicator|/indicators/gdp_growth" "region|/regions/junan" "api|/api/observations?region=linyi&size=100" "csv|/export/csv?region=linyi")

bench_pages() { # label
    for entry in "${PAGES[@]}"; do
        local name="${entry%%|*}" path="${entry#*|}"
        local size; size=$(curl -fs "$BASE$path" | wc -c)
        local static; static=$(same_size_static "$name" "$size")
        local sep="?"; [[ "$path" == *\?* ]] && sep="&"
        # Endpoints that reject unknown query keys (the API and the downloads) vary only on their own parameters: the API's
        # misses change the page size; a download's misses are measured by scripts/bench-exports.sh instead.
        local miss_path="${path}${sep}nocache=\" .. counter .. \""
        [[ "$path" == /api/observations* ]] && miss_path="${path//size=100/size=}\" .. (100 + counter % 400) .. \""
        cat > "$WORK/nocache.lua" <<LUA
counter = 0
request = function()
    counter = counter + 1
    return wrk.format(nil, "${miss_path}")
end
LUA
        log "$1: $name ($size bytes)"
        # A short run first, so that thread pools, JIT and caches are warm for both sides.
        run_wrk "$BASE$path" > /dev/null; run_wrk "$BASE$static" > /dev/null
        read -r page_rps page_p50 page_p99 page_err < <(run_wrk "$BASE$path")
        read -r static_rps static_p50 static_p99 static_err < <(run_wrk "$BASE$static")
        if [[ "$path" == /export/* ]]; then
            miss_rps="—"; miss_p50="—"; miss_p99="—"; miss_err=0
        else
            read -r miss_rps miss_p50 miss_p99 miss_err < <(run_wrk "$BASE$path" "$WORK/nocache.lua")
        fi
        local ratio; ratio=$(awk -v a="$page_rps" -v b="$static_rps" 'BEGIN { printf "%.0f%%", (b > 0 ? 100 * a / b : 0) }')
        printf '| %s | `%s` | %s | %s | %s | %s | %s / %s | %s | %s / %s | %s |\n' "$1" "$path" "$size" "$page_rps" "$static_rps" "$ratio" \
            "$page_p50" "$page_p99" "$miss_rps" "$miss_p50" "$miss_p99" "$((page_err + static_err + miss_err))" >> "$WORK/pages.md"
    done
}

NGINX_PAGES=("overview|/" "category|/categories/industry" "indicator|/indicators/gdp_growth")

# Cached pages next to nginx serving the very bytes the app served, and the same build writing a line per request. The two
# builds run side by side and are measured alternately, best of two rounds each, so that other work on the machine
# weighs on both alike.
bench_nginx() { # database
    local root="$WORK/nginx/html" entry name path size logged="http://127.0.0.1:$((PORT + 2))"
    NGINX_LOAD=$(cut -d' ' -f1 /proc/loadavg)
    start_app "$1"
    # A negative threshold makes every request "slow", so each one writes its line: the cost of logging them all.
    start_app_instance "bench-$1-every-line" "$((PORT + 2))" "$1" RateLimits__PdfPerMinute=1000000 \
        Serilog__MinimumLevel__Default=Information Logging__SlowRequestMilliseconds=-1
    start_nginx
    : > "$WORK/nginx.md"
    best() { sort -k1,1nr | head -n 1; }
    for entry in "${NGINX_PAGES[@]}"; do
        name="${entry%%|*}"; path="${entry#*|}"
        curl -fs "$BASE$path" -o "$root/$name.html"
        size=$(wc -c < "$root/$name.html")
        log "nginx and logging: $name ($size bytes)"
        run_wrk "$BASE$path" > /dev/null; run_wrk "$logged$path" > /dev/null; run_wrk "http://127.0.0.1:$NGINX_PORT/$name.html" > /dev/null
        : > "$WORK/app.txt"; : > "$WORK/every.txt"; : > "$WORK/nginx.txt"
        for _ in 1 2; do
            run_wrk "$BASE$path" >> "$WORK/app.txt"
            run_wrk "http://127.0.0.1:$NGINX_PORT/$name.html" >> "$WORK/nginx.txt"
            run_wrk "$logged$path" >> "$WORK/every.txt"
        done
        local a n e
        a=$(best < "$WORK/app.txt"); n=$(best < "$WORK/nginx.txt"); e=$(best < "$WORK/every.txt")
        awk -v page="\`$path\`" -v bytes="$size" -v a="$a" -v n="$n" -v e="$e" 'BEGIN {
            split(a, A, " "); split(n, N, " "); split(e, E, " ")
            printf "| %s | %s | %s | %s | %.2f | %s / %s | %s | %s | %.0f%% |\n", page, bytes, A[1], N[1], (N[1] > 0 ? A[1] / N[1] : 0), A[3], N[3], E[1], E[3], (A[1] > 0 ? 100 * (A[1] - E[1]) / A[1] : 0)
        }' >> "$WORK/nginx.md"
    done
    stop_nginx
    stop_app_instances
}

write_nginx_section() { # file
    {
        echo "## Next to nginx, and what request logging costs"
        echo
        echo "Measured by \`scripts/bench.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') (real data, $CONNECTIONS connections, ${DURATION}s per run, after a"
        echo "warm-up run), all in one run, best of two alternating rounds. *nginx* is Debian's nginx-light $(/usr/sbin/nginx -v 2>&1 | cut -d/ -f2) on 127.0.0.1 serving the same"
        echo "bytes the app served, as static files (no access log). *App* is the cached page with the request logging it ships"
        echo "with (errors, slow requests and writes at Information, fast reads at Debug, production level Information)."
        echo "*Every request logged* is the same build writing one console line per request, as it did before; *logging cost* is"
        echo "what the shipped setting saves: the throughput lost by writing every line. Goals: app ÷ nginx at least 0.65, p99 under 10 ms."
        echo "Load average when these runs began: ${NGINX_LOAD:-?} on $(nproc) cores (other work on the machine shows up as noise)."
        echo
        echo "| page | bytes | app req/s | nginx req/s | app ÷ nginx | p99 ms app / nginx | every request logged req/s | its p99 ms | logging cost |"
        echo "|---|---|---|---|---|---|---|---|---|"
        cat "$WORK/nginx.md"
    } > "$1"
}

# Replaces a "## heading" section of the doc (up to the next heading), or appends it.
replace_section() { # heading file
    if grep -q "^$1" "$OUT"; then
        awk -v heading="$1" -v file="$2" '
            index($0, heading) == 1 { while ((getline line < file) > 0) print line; skip = 1; next }
            skip && /^## / { skip = 0; print ""; }
            !skip { print }' "$OUT" > "$OUT.new" && mv "$OUT.new" "$OUT"
    else
        { echo; cat "$2"; } >> "$OUT"
    fi
}

if [ "$BENCH_ONLY" = nginx ]; then
    prepare_database linyi_bench no
    bench_nginx linyi_bench
    write_nginx_section "$WORK/nginx-section.md"
    replace_section "## Next to nginx" "$WORK/nginx-section.md"
    log "Wrote the nginx section of $OUT"
    cat "$WORK/nginx-section.md"
    exit 0
fi

# --- PDF summary: warm render of the city summary beside the cached one, and what the file is (BENCH_ONLY=pdf). ---
# A warm render is a render on a started Chromium with a warm page; bumping the data version (as an edit does) makes
# the next export of the same filters a render instead of a cache hit, without restarting anything.
bench_pdf_summary() { # database
    local db="$1" file="$WORK/city.pdf" warm cached
    start_app "$db"
    curl -fs -o /dev/null "$BASE/export/pdf?region=junan"   # the first render of the process is not a warm one
    bump() { psql_db "$db" -c "UPDATE data_version SET version = version + 1, changed_at = now()" >/dev/null; }
    warm=$(for _ in $(seq 15); do bump; time_ms "$BASE/export/pdf"; done)
    cached=$(for _ in $(seq 20); do time_ms "$BASE/export/pdf"; done)
    curl -fs -o "$file" "$BASE/export/pdf"
    PDF_WARM_MEDIAN=$(echo "$warm" | median); PDF_WARM_MIN=$(echo "$warm" | sort -n | head -1); PDF_WARM_MAX=$(echo "$warm" | sort -n | tail -1)
    PDF_CACHED_MEDIAN=$(echo "$cached" | median)
    PDF_BYTES=$(wc -c < "$file"); PDF_PAGES=$(pdfinfo "$file" | awk '/^Pages:/ { print $2 }')
    PDF_FONTS=$(pdffonts "$file" | tail -n +3 | awk '{ print $2, $3 }' | sort | uniq -c | awk '{ printf "%s%s × %s %s", (NR > 1 ? ", " : ""), $1, $2, $3 }')
    PDF_TYPE3=$(pdffonts "$file" | grep -c 'Type 3' || true)
    PDF_LOAD=$(cut -d' ' -f1 /proc/loadavg)
    stop_app_instances
}

write_pdf_summary_section() { # file
    {
        echo "## PDF: the city summary, warm and cached"
        echo
        echo "Measured by \`BENCH_ONLY=pdf scripts/bench.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') (real data, published app, one request at a"
        echo "time). *Warm* renders the city summary (\`/export/pdf\`) on the started Chromium after each data-version bump, 15"
        echo "times; *cached* is the same export answered from the PDF cache, 20 times. Goal: warm median at most 500 ms, the"
        echo "file at most 400 KB with no Type 3 font. Load average when the run began: ${PDF_LOAD:-?} on $(nproc) cores."
        echo
        echo "| warm median ms | warm min / max ms | cached median ms | bytes | pages | fonts (pdffonts) | Type 3 fonts |"
        echo "|---|---|---|---|---|---|---|"
        echo "| $PDF_WARM_MEDIAN | $PDF_WARM_MIN / $PDF_WARM_MAX | $PDF_CACHED_MEDIAN | $PDF_BYTES | $PDF_PAGES | $PDF_FONTS | $PDF_TYPE3 |"
    } > "$1"
}

# Milliseconds for one request, or the HTTP status when it is not 200.
time_ms() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$1" | awk '{ if ($1 == 200) printf "%.0f\n", $2 * 1000; else print "HTTP" $1 }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

if [ "$BENCH_ONLY" = pdf ]; then
    apt_install poppler-utils
    prepare_database linyi_bench no
    bench_pdf_summary linyi_bench
    write_pdf_summary_section "$WORK/pdf-summary-section.md"
    replace_section "## PDF: the city summary" "$WORK/pdf-summary-section.md"
    log "Wrote the PDF summary section of $OUT"
    cat "$WORK/pdf-summary-section.md"
    exit 0
fi

bench_pdf() { # label
    local cold_city cold_county warm cached concurrent started ended categories
    start_app "$2"
    cold_city=$(time_ms "$BASE/export/pdf")
    cold_county=$(time_ms "$BASE/export/pdf?region=junan")
    categories=$(curl -fs "$BASE/api/categories" | grep -o '"slug":"[a-z-]*"' | cut -d'"' -f4)
    warm=$(for c in $categories; do time_ms "$BASE/export/pdf?category=$c"; done | median)
    local warm_county; warm_county=$(for r in yishui linshu yinan zongbao; do time_ms "$BASE/export/pdf?region=$r"; done | median)
    cached=$(for _ in $(seq 20); do time_ms "$BASE/export/pdf?region=junan"; done | median)
    started=$(date +%s.%N)
    for c in $categories; do for l in zh-CN en; do echo "$BASE/export/pdf?category=$c&region=linyi&culture=$l&ui-culture=$l"; done; done \
        | xargs -P 4 -n 1 curl -s -o /dev/null
    ended=$(date +%s.%N)
    concurrent=$(awk -v n="$(echo "$categories" | wc -w)" -v s="$started" -v e="$ended" 'BEGIN { printf "%.2f", 2 * n / (e - s) }')
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$cold_city" "$cold_county" "$warm" "$warm_county" "$cached" "$concurrent" >> "$WORK/pdf.md"
}

: > "$WORK/pages.md"; : > "$WORK/pdf.md"
log "Real data"
prepare_database linyi_bench no
bench_pages "real"
bench_nginx linyi_bench
bench_pdf "real" linyi_bench
log "100x synthetic data (separate database)"
prepare_database linyi_bench_large yes
bench_pages "100x"
bench_pdf "100x" linyi_bench_large
stop_app_instances

# Sections other scripts write (scripts/bench-exports.sh) survive a full run.
kept="$WORK/kept-sections.md"
awk '/^## / { keep = ($0 ~ /^## Concurrent exports/ || $0 ~ /^## PDF: the city summary/) } keep { print }' "$OUT" > "$kept" 2>/dev/null || : > "$kept"
write_nginx_section "$WORK/nginx-section.md"

observations() { psql_db "$1" -c "SELECT (SELECT count(*) FROM indicators) || ' indicators, ' || (SELECT count(*) FROM observations) || ' observations'"; }

{
    echo "# Benchmarks"
    echo
    echo "Produced by \`scripts/bench.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). Every number in a row was measured in the same run, side by side;"
    echo "compare ratios, not absolute figures, because these machines are noisy."
    echo
    echo "**Machine:** $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ { print $2 }') GB RAM, $(. /etc/os-release; echo "$PRETTY_NAME"),"
    echo ".NET $(dotnet --version), PostgreSQL $(pg_bin >/dev/null && "$(pg_bin)/postgres" --version | awk '{ print $3 }'), wrk $(wrk -v 2>&1 | head -1 | awk '{ print $2 }'); the app, PostgreSQL and wrk share the machine."
    echo
    echo "**Data:** real = $(observations linyi_bench); 100x = $(observations linyi_bench_large) (synthetic rows, own database)."
    echo
    echo "## Pages ($CONNECTIONS connections, ${DURATION}s per run, published app, Production settings)"
    echo
    echo "*Cached* is the normal path: output cache keyed on the data version (one single-row query per request)."
    echo "*Static* is a file of the same size served by the same app. *Uncached* makes every request a cache miss."
    echo
    echo "| data | page | bytes | cached req/s | static req/s | cached ÷ static | cached p50 / p99 ms | uncached req/s | uncached p50 / p99 ms | errors |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    cat "$WORK/pages.md"
    echo
    cat "$WORK/nginx-section.md"
    echo
    echo "## PDF export (milliseconds; throughput in PDFs per second)"
    echo
    echo "*Cold* is the first export after start-up (Chromium already started in the background); *warm* is the median of"
    echo "renders with filters not seen before; *cached* is the median of 20 repeats of the same export; *4 concurrent* renders"
    echo "22 distinct exports four at a time."
    echo
    echo "| data | cold city | cold county | warm median (categories) | warm median (counties) | cached median | 4 concurrent (PDF/s) |"
    echo "|---|---|---|---|---|---|---|"
    cat "$WORK/pdf.md"
    echo
    echo "## Goals and how to read them"
    echo
    echo "- Overview: cached throughput at least 50% of the same-size static file, p99 under 25 ms at 32 connections."
    echo "- PDF: warm median under 600 ms, cached under 20 ms, on this 2-core machine."
    echo "- Errors are wrk's non-2xx responses plus socket errors; uncached runs that exceed wrk's 2-second timeout count"
    echo "  as socket errors (the 100x uncached overview renders thousands of indicators per request)."
    echo "- Pages on 100x data are compared with the same pages on real data in the same run; pages whose size grows"
    echo "  with the data (category, region, CSV) are compared through their ratio to a static file of their own size."
    if [ -s "$kept" ]; then echo; cat "$kept"; fi
} > "$OUT"
log "Wrote $OUT"
cat "$OUT"
