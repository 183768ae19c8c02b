#!/usr/bin/env bash
# Sourced by test-services.sh and bench-services.sh: a throwaway PostgreSQL cluster in a fresh temporary folder, with
# stock settings unless told otherwise, and durable (fsync on).

# throwaway_postgres_start NAME PORT [-c name=value …]: creates /tmp/igo-NAME.XXXXXX, initialises a cluster there and
# starts it on 127.0.0.1:PORT with the options given. Sets THROWAWAY_PG_DIR, THROWAWAY_PG_BIN and THROWAWAY_PG_RUN (an
# array that runs a command as the cluster's owner).
throwaway_postgres_start() {
  local name=$1 port=$2; shift 2
  THROWAWAY_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  THROWAWAY_PG_DIR=$(mktemp -d "/tmp/igo-$name.XXXXXX")
  THROWAWAY_PG_RUN=()
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root: hand the cluster to the postgres user.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$THROWAWAY_PG_DIR"
    THROWAWAY_PG_RUN=(runuser -u postgres --)
  fi
  "${THROWAWAY_PG_RUN[@]}" "$THROWAWAY_PG_BIN/initdb" -D "$THROWAWAY_PG_DIR/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  "${THROWAWAY_PG_RUN[@]}" "$THROWAWAY_PG_BIN/pg_ctl" -D "$THROWAWAY_PG_DIR/data" -l "$THROWAWAY_PG_DIR/log" -w -t 60 \
    -o "-p $port -k $THROWAWAY_PG_DIR -c listen_addresses=127.0.0.1 $*" start >/dev/null
}
