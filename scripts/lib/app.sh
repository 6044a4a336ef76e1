# Starting and stopping the published app in the background, for bench.sh, faults.sh and multi-instance.sh. Sourced.

declare -A APP_PIDS=()

# start_app_instance NAME PORT DATABASE [ENV=VALUE ...]
start_app_instance() {
    local name="$1" port="$2" database="$3"; shift 3
    (cd "$ROOT/out/web" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
        ConnectionStrings__Dashboard="$(connection_string "$database")" Database__MigrateOnStartup=true Database__SeedOnStartup=true \
        Security__RequireHttps=false Serilog__MinimumLevel__Default=Warning "$@" \
        dotnet Linyi.Dashboard.Web.dll > "$ROOT/out/$name.log" 2>&1) &
    APP_PIDS[$name]=$!
    # APP_READY_SECONDS: a loaded machine can take longer than a minute to migrate and seed a new database.
    for _ in $(seq $((2 * ${APP_READY_SECONDS:-60}))); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" && return 0; sleep 0.5; done
    tail -n 30 "$ROOT/out/$name.log" >&2
    die "$name did not become ready on port $port"
}

stop_app_instances() {
    for name in "${!APP_PIDS[@]}"; do kill "${APP_PIDS[$name]}" 2>/dev/null || true; wait "${APP_PIDS[$name]}" 2>/dev/null || true; done
    APP_PIDS=()
}

psql_db() { # database, then psql arguments
    local database="$1"; shift
    PGPASSWORD="$(pg_password)" psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER_NAME" -d "$database" -v ON_ERROR_STOP=1 -qAt "$@"
}

# An md5 over every row of every data table: equal means byte-for-byte equal data.
data_checksum() {
    psql_db "$1" -c "SELECT string_agg(t || '=' || c, ';' ORDER BY t) FROM (
        SELECT 'observations' t, count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) c FROM observations x
        UNION ALL SELECT 'indicators', count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM indicators x
        UNION ALL SELECT 'milestones', count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM milestones x
        UNION ALL SELECT 'audit_entries', count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM audit_entries x
        UNION ALL SELECT 'asp_net_users', count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM asp_net_users x) s"
}
