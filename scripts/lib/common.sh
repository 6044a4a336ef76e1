# Shared by run.sh, test.sh and bench.sh: installs what is missing and manages a project-local PostgreSQL.
# Sourced, not run. Everything lives under .data/ (git-ignored); nothing outside it is started or changed.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATA_DIR="${LINYI_DATA_DIR:-$ROOT/.data}"
PG_DIR="$DATA_DIR/pg"
# As root, the cluster runs as the postgres user, who must be able to reach it: a checkout below a private folder
# (mode 700) cannot host it, so the cluster then lives under /var/lib/postgresql, one per checkout.
if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && [ -z "${LINYI_DATA_DIR:-}" ]; then
    mkdir -p "$DATA_DIR"
    if ! runuser -u postgres -- test -x "$DATA_DIR" 2>/dev/null; then
        PG_DIR="/var/lib/postgresql/linyi-dashboard/$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)"
    fi
fi
# The cluster keeps the port it was created with; a new cluster takes 55432, or the next free port if another has it.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -f "$PG_DIR/port" ]; then
    PG_PORT="$(cat "$PG_DIR/port")"
elif [ -z "${PG_PORT:-}" ]; then
    PG_PORT=55432
    while ! port_free "$PG_PORT" && [ "$PG_PORT" -lt 55532 ]; do PG_PORT=$((PG_PORT + 1)); done
fi
PG_USER_NAME="linyi"

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get to install them"
    log "Installing ${missing[*]}"
    if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq >/dev/null; APT_UPDATED=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_dotnet() {
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
    if ! command -v dotnet >/dev/null || ! dotnet --list-sdks | grep -q '^10\.'; then
        log "Installing the .NET 10 SDK"
        apt_install curl ca-certificates libicu-dev
        curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh || die "cannot download the .NET installer; install the .NET 10 SDK and retry"
        bash /tmp/dotnet-install.sh --channel 10.0 --install-dir "$HOME/.dotnet" >/dev/null
        export PATH="$HOME/.dotnet:$PATH"
    fi
    (cd "$ROOT" && dotnet tool restore >/dev/null)
}

pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] || return 1
    printf '%s' "$dir"
}

# Runs a PostgreSQL server binary as the owner of the cluster (initdb refuses root).
pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_password() { cat "$PG_DIR/password"; }

ensure_postgres() {
    pg_bin >/dev/null || apt_install postgresql
    apt_install postgresql-client
    local bin; bin=$(pg_bin) || die "PostgreSQL server binaries not found after install"
    mkdir -p "$DATA_DIR"
    if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
        log "Creating a project-local PostgreSQL cluster in $PG_DIR"
        rm -rf "$PG_DIR"; mkdir -p "$PG_DIR/data" "$PG_DIR/run"
        head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$PG_DIR/password"
        echo "$PG_PORT" > "$PG_DIR/port"
        if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$PG_DIR"; chmod 755 "$DATA_DIR" "$PG_DIR"; chmod 644 "$PG_DIR/password"; fi
        chmod 700 "$PG_DIR/data"
        pg_as_owner "$bin/initdb" -D "$PG_DIR/data" -U "$PG_USER_NAME" --pwfile="$PG_DIR/password" \
            --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
        cat >> "$PG_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR/run'
max_connections = 200
shared_buffers = 256MB
fsync = on
CONF
    fi
    if ! pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
        log "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
        pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start >/dev/null \
            || { tail -n 20 "$PG_DIR/server.log" >&2; die "PostgreSQL did not start"; }
    fi
}

pg_stop() {
    local bin; bin=$(pg_bin) || return 0
    [ -f "$PG_DIR/data/PG_VERSION" ] || return 0
    pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1 || return 0
    pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null
}

psql_admin() {
    PGPASSWORD="$(pg_password)" psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER_NAME" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

ensure_database() {
    local name="$1"
    if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
        log "Creating database $name"
        psql_admin -c "CREATE DATABASE \"$name\"" >/dev/null
    fi
}

drop_database() {
    psql_admin -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null
}

connection_string() {
    printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s;Maximum Pool Size=100' \
        "$PG_PORT" "$1" "$PG_USER_NAME" "$(pg_password)"
}

# Publishes the app once per source change into out/web.
publish_app() {
    log "Publishing the app (Release)"
    (cd "$ROOT" && dotnet publish src/Linyi.Dashboard.Web -c Release -o "$ROOT/out/web" --nologo -v quiet) >/dev/null \
        || die "dotnet publish failed"
}

# Chromium and CJK fonts, for PDF export and the browser tests. PDFs print in WenQuanYi Micro Hei: TrueType, so Chromium
# embeds it as a subset font (Noto Sans CJK is CFF, which Chromium embeds as Type 3 glyphs).
ensure_browser_deps() {
    apt_install chromium fonts-noto-cjk fonts-wqy-microhei
}
