#!/usr/bin/env bash
# Measures the report intake on the seed documents: for each document, recall and precision of the extractor's figures
# against the ones seeds/observations.csv holds (value, unit, region, period and kind all agreeing), and how many of them
# carry the seeds' indicator code.
#   scripts/bench-intake.sh [DOCUMENTS_FOLDER] [--details]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DOCS="${LINYI_SOURCE_DOCS:-/work/shared/seeds}"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then DOCS="$1"; shift; fi
[ -d "$DOCS" ] || { echo "bench-intake: no documents folder $DOCS; pass the folder that holds the seed documents" >&2; exit 2; }
"$ROOT/scripts/intake.sh" --bench "$DOCS" "$@"
