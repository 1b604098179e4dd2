#!/usr/bin/env bash
# Makes PostgreSQL 15 with pgvector and Redis 7 available on loopback, then creates the roles and
# databases the server and its tests use. Idempotent: every step checks before it acts, so running
# it on an already provisioned machine takes about a second.
#
# Needs root for package installs (the build machines run as root). Settings, all optional:
#   ZAVA_DB_HOST / ZAVA_DB_PORT          where PostgreSQL listens          (127.0.0.1 / 5432)
#   ZAVA_DB_SUPERUSER                    role used for set-up             (postgres)
#   ZAVA_DB_OWNER / ZAVA_DB_OWNER_PASSWORD   migration owner role         (zava_owner / zava_owner_dev)
#   ZAVA_DB_APP / ZAVA_DB_APP_PASSWORD       server's runtime role        (zava_app / zava_app_dev)
#   ZAVA_DATABASES                       databases to create              ("zava zava_test")
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DB_HOST="${ZAVA_DB_HOST:-127.0.0.1}"
DB_PORT="${ZAVA_DB_PORT:-5432}"
DB_SUPERUSER="${ZAVA_DB_SUPERUSER:-postgres}"
OWNER="${ZAVA_DB_OWNER:-zava_owner}"
OWNER_PASSWORD="${ZAVA_DB_OWNER_PASSWORD:-zava_owner_dev}"
APP="${ZAVA_DB_APP:-zava_app}"
APP_PASSWORD="${ZAVA_DB_APP_PASSWORD:-zava_app_dev}"
DATABASES="${ZAVA_DATABASES:-zava zava_test}"
PG_MAJOR=15
PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config"
BUILD_DIR="${ZAVA_PGVECTOR_BUILD_DIR:-/var/tmp/zava-pgvector}"

step() { printf '[provision] %s\n' "$*" >&2; }
die() { printf '[provision] ERROR: %s\n' "$*" >&2; exit 1; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    step "apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
  step "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

psql_super() { PGOPTIONS='-c client_min_messages=warning' psql -X -v ON_ERROR_STOP=1 -q -h "$DB_HOST" -p "$DB_PORT" -U "$DB_SUPERUSER" "$@"; }

pg_running() { pg_isready -q -h "$DB_HOST" -p "$DB_PORT" 2>/dev/null; }

start_postgres() {
  local cluster_version
  cluster_version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)"
  [ -n "$cluster_version" ] || die "no PostgreSQL cluster under /etc/postgresql"
  step "starting PostgreSQL cluster ${cluster_version}/main"
  pg_ctlcluster --skip-systemctl-redirect "$cluster_version" main start || true
  for _ in $(seq 1 30); do pg_running && return 0; sleep 1; done
  die "PostgreSQL did not become ready on ${DB_HOST}:${DB_PORT}"
}

ensure_postgres() {
  if pg_running; then
    step "PostgreSQL is running on ${DB_HOST}:${DB_PORT}"
  else
    if [ ! -x "/usr/lib/postgresql/${PG_MAJOR}/bin/postgres" ]; then
      apt_install "postgresql-${PG_MAJOR}" postgresql-client
    fi
    start_postgres
  fi
  local version
  version="$(psql_super -d postgres -Atc 'SHOW server_version_num')"
  [ "${version:0:2}" -ge 15 ] || die "PostgreSQL 15 or newer needed, found ${version}"
}

ensure_redis() {
  if redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    step "Redis is running on 127.0.0.1:6379"
    return
  fi
  command -v redis-server >/dev/null || apt_install redis-server
  step "starting Redis on 127.0.0.1:6379"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/zava.log
  for _ in $(seq 1 20); do redis-cli ping >/dev/null 2>&1 && return 0; sleep 0.5; done
  die "Redis did not answer PING on 127.0.0.1:6379"
}

vector_available() {
  [ "$(psql_super -d postgres -Atc "SELECT count(*) FROM pg_available_extensions WHERE name = 'vector'")" = 1 ]
}

# The archive address comes from the machine's own apt sources (deb822 or one-line format), so a
# machine behind a local mirror keeps using it. "stable" names the newest Debian release.
debian_archive_uri() {
  local uri=""
  if compgen -G '/etc/apt/sources.list.d/*.sources' >/dev/null; then
    uri="$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' \
      /etc/apt/sources.list.d/*.sources)"
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri="$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' \
      /etc/apt/sources.list)"
  fi
  [ -n "$uri" ] || die "no Debian archive address found in /etc/apt/sources.list*"
  printf '%s\n' "$uri"
}

ensure_pgvector() {
  if vector_available; then
    step "pgvector is installed"
    return
  fi
  step "pgvector missing: building it from Debian's source package"
  apt_install "postgresql-server-dev-${PG_MAJOR}" dpkg-dev make gcc libc6-dev
  local uri src_list=/etc/apt/sources.list.d/zava-pgvector-src.sources
  uri="$(debian_archive_uri)"
  cat > "$src_list" <<SOURCES
Types: deb-src
URIs: ${uri}
Suites: stable
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  step "apt-get update (with deb-src for Debian stable from ${uri})"
  apt-get update -qq
  rm -rf "$BUILD_DIR" && mkdir -p "$BUILD_DIR"
  # apt fetches as the unprivileged _apt user where it can.
  if id _apt >/dev/null 2>&1; then chown _apt "$BUILD_DIR"; fi
  (cd "$BUILD_DIR" && apt-get source -qq pgvector >/dev/null)
  local src
  src="$(find "$BUILD_DIR" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -1)"
  [ -n "$src" ] || die "apt-get source pgvector produced no source tree in $BUILD_DIR"
  step "compiling $(basename "$src") against PostgreSQL ${PG_MAJOR}"
  # with_llvm=no: JIT bitcode would need clang; pgvector works without it.
  make -s -C "$src" PG_CONFIG="$PG_CONFIG" with_llvm=no -j"$(nproc)" >/dev/null
  make -s -C "$src" PG_CONFIG="$PG_CONFIG" with_llvm=no install >/dev/null
  # Installing the server headers can upgrade the PostgreSQL packages; a running server then
  # serves the old binaries, so restart it to load the new ones.
  if ! vector_available || ! pg_running; then
    local cluster_version
    cluster_version="$(ls /etc/postgresql | sort -V | tail -1)"
    step "restarting PostgreSQL ${cluster_version}/main"
    pg_ctlcluster --skip-systemctl-redirect "$cluster_version" main restart || start_postgres
    for _ in $(seq 1 30); do pg_running && break; sleep 1; done
  fi
  vector_available || die "pgvector was built but PostgreSQL does not list the 'vector' extension"
  step "pgvector installed"
}

ensure_roles_and_databases() {
  step "roles ${OWNER} (migrations) and ${APP} (runtime), databases: ${DATABASES}"
  psql_super -d postgres -v owner="$OWNER" -v owner_password="$OWNER_PASSWORD" \
    -v app="$APP" -v app_password="$APP_PASSWORD" -f "$here/sql/roles.sql"
  local db
  for db in $DATABASES; do
    if [ "$(psql_super -d postgres -Atc "SELECT count(*) FROM pg_database WHERE datname = '${db}'")" = 0 ]; then
      step "creating database ${db}"
      psql_super -d postgres -c "CREATE DATABASE \"${db}\" OWNER \"${OWNER}\""
    fi
    psql_super -d "$db" -v owner="$OWNER" -v app="$APP" -f "$here/sql/database.sql"
  done
}

ensure_postgres
ensure_redis
ensure_pgvector
ensure_roles_and_databases
step "ready: PostgreSQL ${DB_HOST}:${DB_PORT} (databases: ${DATABASES}), Redis 127.0.0.1:6379"
