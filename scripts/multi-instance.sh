#!/usr/bin/env bash
# Two app instances on two ports against one PostgreSQL, as behind a load balancer. Proves, and records in
# docs/multi-instance.md, that a sign-in made on one instance is valid on the other, and that a figure changed through
# one instance shows on the other at once (no stale cache). Only 127.0.0.1 is targeted.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/app.sh"

DB=linyi_multi
A=http://127.0.0.1:5093
B=http://127.0.0.1:5094
EMAIL=admin@example.test
PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-multi-instance"
OUT="$ROOT/docs/multi-instance.md"
JAR="$ROOT/out/multi-cookies.txt"

ensure_dotnet
apt_install curl
ensure_postgres
publish_app
trap stop_app_instances EXIT
drop_database "$DB"; ensure_database "$DB"
rm -f "$JAR"
start_app_instance instance-a 5093 "$DB" Bootstrap__AdminEmail="$EMAIL" Bootstrap__AdminPassword="$PASSWORD"
start_app_instance instance-b 5094 "$DB"
results=()
failures=0
record() { if [ "$2" = ok ]; then results+=("| ✔ | $1 |"); else results+=("| ✘ | $1 |"); failures=$((failures + 1)); fi; }
token() { curl -s -b "$JAR" -c "$JAR" "$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

# Sign in on A.
login_token=$(token "$A/account/login")
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -c "$JAR" --data-urlencode "Email=$EMAIL" --data-urlencode "Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$login_token" "$A/account/login")
[ "$code" = 302 ] && record "signed in on instance A (port 5093)" ok || record "signed in on instance A (got $code)" fail
# The same cookie on B.
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" "$B/admin")
[ "$code" = 200 ] && record "the sign-in cookie from A opens /admin on instance B (shared data-protection keys)" ok || record "B refused A's cookie (got $code)" fail

# B serves (and caches) the public indicator page.
before=$(curl -s "$B/indicators/logistics_total" | grep -c '9,334亿元' || true)
[ "$before" -gt 0 ] && record "instance B shows logistics total 2023 = 9,334亿元 (and caches the page)" ok || record "B did not show 9,334亿元" fail
# Change it through A.
id=$(psql_db "$DB" -c "SELECT o.id FROM observations o JOIN indicators i ON i.id = o.indicator_id JOIN regions r ON r.id = o.region_id WHERE i.code = 'logistics_total' AND r.slug = 'linyi' AND o.start_year = 2023 AND o.kind = 'actual'")
edit_token=$(token "$A/admin/observations/$id/edit")
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -c "$JAR" \
    --data-urlencode "Id=$id" --data-urlencode "Indicator=logistics_total" --data-urlencode "Region=linyi" --data-urlencode "Period=2023" \
    --data-urlencode "Kind=actual" --data-urlencode "Comparator==" --data-urlencode "Value=9335" --data-urlencode "Document=gwr2024" \
    --data-urlencode "Section=一、2023年工作回顾 ¶4" --data-urlencode "Note=multi-instance drill" \
    --data-urlencode "__RequestVerificationToken=$edit_token" "$A/admin/observations/save")
[ "$code" = 302 ] && record "changed it to 9,335亿元 through instance A" ok || record "the change through A failed (got $code)" fail
after=$(curl -s "$B/indicators/logistics_total" | grep -c '9,335亿元' || true)
[ "$after" -gt 0 ] && record "instance B shows 9,335亿元 on the very next request (no stale cache)" ok || record "B still served the old figure" fail
audit=$(psql_db "$DB" -c "SELECT count(*) FROM audit_entries WHERE entity_key = 'logistics_total/linyi/2023/actual' AND source = 'form' AND user_name = '$EMAIL'")
[ "$audit" = 1 ] && record "the change is in the audit trail once, under $EMAIL" ok || record "audit entries found: $audit" fail

{
    echo "# Two instances, one database"
    echo
    echo "Output of \`scripts/multi-instance.sh\`, $(date -u '+%Y-%m-%d %H:%M UTC'): two published app processes on ports 5093"
    echo "and 5094, one PostgreSQL database, curl playing the browser."
    echo
    echo "| | check |"
    echo "|---|---|"
    printf '%s\n' "${results[@]}"
} > "$OUT"
cat "$OUT"
[ "$failures" = 0 ] || die "$failures check(s) failed"
