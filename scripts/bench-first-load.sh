#!/usr/bin/env bash
# What a first visit to a page downloads, compressed as a browser asks for it (Accept-Encoding: br, gzip): the page and
# every stylesheet, script, icon and image it names on this server. Prints "| page | requests | bytes | KB |" rows.
# Usage: scripts/bench-first-load.sh BASE_URL PATH... (only 127.0.0.1 is ever targeted). Sourced or run by bench.sh.
set -euo pipefail
base="$1"; shift
case "$base" in http://127.0.0.1:*) ;; *) echo "only 127.0.0.1" >&2; exit 1 ;; esac
for path in "$@"; do
    html=$(curl -fs "$base$path")
    total=$(curl -fs -o /dev/null -H 'Accept-Encoding: br, gzip' -w '%{size_download}' "$base$path")
    count=1
    # Same-origin subresources only: href of stylesheets and icons, src of scripts and images.
    for url in $(printf '%s' "$html" | grep -oE '<(link|script|img)[^>]*>' | grep -oE '(href|src)="/[^"]*"' | grep -v '^href="//' \
            | sed -E 's/^(href|src)="([^"]*)"/\2/' | sed 's/&amp;/\&/g' | grep -vE '^/(categories|indicators|regions|data|export|api|goals|sources|compare|about|account|admin)' | sort -u); do
        bytes=$(curl -fs -o /dev/null -H 'Accept-Encoding: br, gzip' -w '%{size_download}' "$base$url" || echo 0)
        total=$((total + bytes)); count=$((count + 1))
    done
    awk -v p="$path" -v n="$count" -v b="$total" 'BEGIN { printf "| `%s` | %d | %d | %.1f |\n", p, n, b, b / 1024 }'
done
