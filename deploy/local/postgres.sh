#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages (if missing) and runs a private cluster on loopback.
# Idempotent: `postgres.sh start` does nothing when the cluster already answers.
# Usage: postgres.sh start|stop|status|url [dbname]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

# The server runs as the postgres user, which must be able to reach its data directory: when the
# checkout lives under a private folder (e.g. /root), the cluster goes to /var/tmp instead.
# Called once the postgres user exists (after install).
resolve_state() {
  PG_STATE="$LOCAL_STATE/postgres"
  mkdir -p "$LOCAL_STATE"
  if ! runuser -u postgres -- test -x "$LOCAL_STATE" 2>/dev/null; then
    PG_STATE="/var/tmp/authz-postgres-$(printf '%s' "$LOCAL_ROOT" | md5sum | cut -c1-8)"
  fi
  PGDATA_DIR="$PG_STATE/data"
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$dir" ] && echo "$dir"
}

install_pg() {
  if [ -z "$(pg_bin)" ]; then
    echo "[postgres] installing from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
  fi
}

ready() { "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" 2>/dev/null; }

start() {
  install_pg
  resolve_state
  local bin; bin=$(pg_bin)
  if ready; then echo "[postgres] already running on 127.0.0.1:$PGPORT" >&2; return 0; fi
  mkdir -p "$PG_STATE"
  chown postgres:postgres "$PG_STATE"
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    echo "[postgres] initdb $PGDATA_DIR" >&2
    runuser -u postgres -- "$bin/initdb" -D "$PGDATA_DIR" -U postgres -A trust -E UTF8 --no-locale >/dev/null
    cat >>"$PGDATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PG_STATE'
max_connections = 300
shared_buffers = 256MB
CONF
  fi
  # A stale pid file from a killed server: pg_ctl handles it, but only if the pid is not alive.
  runuser -u postgres -- "$bin/pg_ctl" -D "$PGDATA_DIR" -l "$PG_STATE/server.log" -w -t 60 start >/dev/null
  for _ in $(seq 1 60); do ready && break; sleep 0.5; done
  ready || { echo "[postgres] did not start; see $PG_STATE/server.log" >&2; exit 1; }
  psql_admin -tc "SELECT 1 FROM pg_roles WHERE rolname='authz'" | grep -q 1 ||
    psql_admin -c "CREATE ROLE authz LOGIN SUPERUSER PASSWORD 'authz'" >/dev/null
  psql_admin -tc "SELECT 1 FROM pg_database WHERE datname='authz'" | grep -q 1 ||
    psql_admin -c "CREATE DATABASE authz OWNER authz" >/dev/null
  echo "[postgres] running on 127.0.0.1:$PGPORT (pid $(head -1 "$PGDATA_DIR/postmaster.pid"))" >&2
}

psql_admin() { "$(pg_bin)/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

stop() {
  id postgres >/dev/null 2>&1 || return 0
  resolve_state
  # By process id, from the server's own pid file.
  if [ -f "$PGDATA_DIR/postmaster.pid" ]; then
    local pid; pid=$(head -1 "$PGDATA_DIR/postmaster.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill -INT "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      echo "[postgres] stopped (pid $pid)" >&2
    fi
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) ready && echo running || { echo stopped; exit 1; } ;;
  url) echo "$PG_URL_BASE/${2:-authz}" ;;
  *) echo "usage: $0 start|stop|status|url [db]" >&2; exit 2 ;;
esac
