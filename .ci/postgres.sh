#!/usr/bin/env bash
# The storage part of CI: the store contract suite against a real PostgreSQL.
# Installs Debian's postgresql, starts a throw-away cluster on 127.0.0.1,
# creates a role with a password (SCRAM) and a database, runs the store tests
# built with the `Postgres` trait, and stops the server whatever happens.
# The role owns the practice's schema and may create roles (CREATEROLE): it
# adds the clinic's accounts, each a role of its own (Docs/clinic.md). The
# clinic tests (row-level security by SQL and through the CLI) run here.
# CARRYOVER_PG_FILTER narrows the tests run (a swift test --filter pattern).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y postgresql
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PORT=${CARRYOVER_PG_PORT:-54329}
DIR=$(mktemp -d /tmp/carryover-pg.XXXXXX)

# The server refuses to run as root: run it as the postgres user when root.
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"

stop() {
    as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
}
trap stop EXIT

as_pg "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR" start
as_pg "$PGBIN/psql" -h "$DIR" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE carryover LOGIN CREATEROLE PASSWORD 'carryover-ci'" \
    -c "CREATE DATABASE carryover_test OWNER carryover"

export CARRYOVER_TEST_POSTGRES_URL="postgres://carryover:carryover-ci@127.0.0.1:$PORT/carryover_test?sslmode=disable"
# A build folder of its own, so the default build stays as it was.
swift build --traits Postgres --scratch-path .build-postgres --build-tests
swift test --skip-build --traits Postgres --scratch-path .build-postgres \
    --filter "${CARRYOVER_PG_FILTER:-CarryoverStoreTests|ConcurrencyTests|ClinicCommandTests}"
