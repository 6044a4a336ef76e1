#!/usr/bin/env bash
# Reads one report (.txt, .docx, .html, .pdf with text) and prints its figures as CSV on standard output:
#   scripts/intake.sh FILE [--region CODE] [--year YYYY]
# Needs no database or running app; the catalogue comes from seeds/. Builds the extractor first when needed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PROJECT="$ROOT/src/Linyi.Dashboard.Intake"
DLL="$PROJECT/bin/Release/net10.0/Linyi.Dashboard.Intake.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
command -v dotnet >/dev/null || export PATH="$HOME/.dotnet:$PATH"
command -v dotnet >/dev/null || { echo "intake: the .NET SDK is missing; run scripts/test.sh or scripts/run.sh once" >&2; exit 3; }
if [ ! -f "$DLL" ] || [ -n "$(find "$PROJECT" \( -name '*.cs' -o -name '*.json' -o -name '*.csproj' \) -newer "$DLL" -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]; then
    dotnet build "$PROJECT" -c Release --nologo -v quiet >/dev/null 2>&1 || { echo "intake: the extractor does not build; run: dotnet build $PROJECT" >&2; exit 3; }
fi
export LINYI_SEEDS_DIR="${LINYI_SEEDS_DIR:-$ROOT/seeds}"
exec dotnet "$DLL" "$@"
