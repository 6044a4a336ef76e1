#!/usr/bin/env bash
# Takes the user guide's page pictures from a running dashboard (scripts/run.sh) with the system Chromium.
# Usage: scripts/screenshots.sh [base address, default http://127.0.0.1:$PORT or :5080]
set -euo pipefail
BASE="${1:-http://127.0.0.1:${PORT:-5080}}"
OUT="$(cd "$(dirname "$0")/.." && pwd)/docs/images"
command -v chromium >/dev/null || { echo "error: chromium is not installed (scripts/run.sh installs it)" >&2; exit 1; }

shot() { # file path width,height
    chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --lang=zh-CN \
        --virtual-time-budget=3000 --window-size="$3" --screenshot="$OUT/$1" "$BASE$2" >/dev/null 2>&1
    echo "$OUT/$1"
}

shot overview.png / 1280,1600
shot category.png /categories/economy 1280,1600
shot indicator.png /indicators/gdp_growth 1280,1800
shot goals.png "/goals?status=behind" 1280,900
shot sources.png /sources 1280,1200
shot compare.png /compare 1280,1400
shot region.png /regions/luozhuang 1280,1600
shot overview-en.png "/?culture=en&ui-culture=en" 1280,1400
# Phones (390 px wide, as the width test checks), in both languages
shot phone-overview.png / 390,844
shot phone-overview-en.png "/?culture=en&ui-culture=en" 390,844
shot phone-indicator-en.png "/indicators/gdp?culture=en&ui-culture=en" 390,844
shot phone-data.png /data 390,844
