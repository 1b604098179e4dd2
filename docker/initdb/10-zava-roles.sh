#!/bin/sh
# First-start set-up of the pgvector/pgvector image for the Zava Retail MCP server: the two roles
# (owner for migrations, app for the server: no superuser, no BYPASSRLS) and the per-database
# grants, vector extension and revocations. It runs the very scripts infra/local/provision.sh
# runs (mounted from infra/local/sql), so the container and a local installation cannot drift apart.
#
# The image's entrypoint runs files in /docker-entrypoint-initdb.d once, on an empty data
# directory, connected as POSTGRES_USER over the local socket. It sources *.sh files that are not
# executable, so everything happens in a subshell: `set -u` and `exit` stay local either way.
#
# Environment: POSTGRES_USER, POSTGRES_DB (set by the image), ZAVA_DB_OWNER_PASSWORD,
# ZAVA_DB_APP_PASSWORD (required), ZAVA_DB_OWNER / ZAVA_DB_APP (default zava_owner / zava_app),
# ZAVA_SQL_DIR (default /zava-sql, where the compose files mount infra/local/sql).
(
  set -eu
  owner="${ZAVA_DB_OWNER:-zava_owner}"
  app="${ZAVA_DB_APP:-zava_app}"
  sql="${ZAVA_SQL_DIR:-/zava-sql}"
  : "${ZAVA_DB_OWNER_PASSWORD:?ZAVA_DB_OWNER_PASSWORD must be set for the database container}"
  : "${ZAVA_DB_APP_PASSWORD:?ZAVA_DB_APP_PASSWORD must be set for the database container}"
  run_psql() { psql -X -q -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password "$@"; }

  echo "[zava-init] roles ${owner} (migrations) and ${app} (runtime)"
  run_psql --dbname postgres -v owner="$owner" -v owner_password="$ZAVA_DB_OWNER_PASSWORD" \
    -v app="$app" -v app_password="$ZAVA_DB_APP_PASSWORD" -f "$sql/roles.sql"

  # As provision.sh does: the owner role owns the database, so it owns what the migrations create.
  echo "[zava-init] database ${POSTGRES_DB} owned by ${owner}"
  run_psql --dbname postgres -v db="$POSTGRES_DB" -v owner="$owner" <<'SQL'
ALTER DATABASE :"db" OWNER TO :"owner";
SQL
  run_psql --dbname "$POSTGRES_DB" -v owner="$owner" -v app="$app" -f "$sql/database.sql"
  echo "[zava-init] done"
)
