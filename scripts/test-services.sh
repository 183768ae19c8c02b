#!/usr/bin/env bash
# Brings up what the test suite needs on a fresh Debian machine, and exports IGO_TEST_PG.
# Sourced by test.sh. Installs from Debian's packages only where something is missing and we are root.
# A PostgreSQL given in IGO_TEST_PG (or Docker, through Testcontainers) is used as it is.

source "$(dirname "${BASH_SOURCE[0]}")/throwaway-postgres.sh"

apt_updated=
ensure_package() { # command-to-check package
  if command -v "$1" >/dev/null 2>&1 || [ -x "$1" ]; then return 0; fi
  if [ "$(id -u)" != 0 ]; then
    echo "test: $2 is missing and we are not root; tests that need it will fail" >&2
    return 0
  fi
  if [ -z "$apt_updated" ]; then apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
  echo "test: installing $2 from Debian's packages" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 || echo "test: could not install $2" >&2
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && echo "$dir"
}

start_throwaway_postgres() {
  if [ -z "$(pg_bin)" ]; then ensure_package /usr/lib/postgresql/15/bin/postgres postgresql; fi
  if [ -z "$(pg_bin)" ]; then echo "test: no PostgreSQL available" >&2; return 0; fi

  local port=${IGO_TEST_PG_PORT:-55432}
  # Stock settings, as a new user's server has them: max_connections 100, so that an instance opening more
  # connections than its cap cannot pass unseen (docs/DEPLOYMENT.md, "Connections"); fsync on, since the suite does
  # not need it off for speed (here it costs about 0.25 s per database a test class creates, and group commit hides
  # most of the rest). Tests are not benchmarks either way.
  throwaway_postgres_start test-pg "$port"
  IGO_TEST_PG_DIR=$THROWAWAY_PG_DIR
  IGO_TEST_PG_BIN=$THROWAWAY_PG_BIN
  IGO_TEST_PG_RUN="${THROWAWAY_PG_RUN[*]}"
  export IGO_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
  export IGO_TEST_PG_DIR IGO_TEST_PG_BIN IGO_TEST_PG_RUN
  echo "test: throwaway PostgreSQL on port $port ($IGO_TEST_PG_DIR)" >&2
}

stop_throwaway_postgres() {
  if [ -n "${IGO_TEST_PG_DIR:-}" ]; then
    $IGO_TEST_PG_RUN "$IGO_TEST_PG_BIN/pg_ctl" -D "$IGO_TEST_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$IGO_TEST_PG_DIR"
  fi
}

ensure_package chromium chromium
ensure_package /usr/games/gnugo gnugo
if [ -z "${IGO_TEST_PG:-}" ]; then
  start_throwaway_postgres
fi
