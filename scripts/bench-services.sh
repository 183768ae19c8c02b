#!/usr/bin/env bash
# Sourced by the benchmark scripts (bench-perf.sh, bench-setup.sh): a durable throwaway PostgreSQL cluster (fsync on)
# and Igo instances built in Release, with the per-address limits raised, since every generated client comes from
# 127.0.0.1. Call bench_cleanup on exit: it prints the end of each app log and stops everything it started.

source "$(dirname "${BASH_SOURCE[0]}")/throwaway-postgres.sh"

# Starts the cluster on port $1 with any further `-c name=value` options; sets BENCH_PG (a connection string).
bench_start_postgres() {
  local port=$1; shift
  throwaway_postgres_start bench-pg "$port" "$@"
  BENCH_PG_BIN=$THROWAWAY_PG_BIN
  BENCH_DIR=$THROWAWAY_PG_DIR
  BENCH_RUN=("${THROWAWAY_PG_RUN[@]}")
  BENCH_PIDS=()
  BENCH_PORT=$port
  BENCH_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

bench_psql() { "${BENCH_RUN[@]}" "$BENCH_PG_BIN/psql" -h "$BENCH_DIR" -p "$BENCH_PORT" -U postgres -qc "$1"; }

# PostgreSQL's statements by total execution time (needs pg_stat_statements loaded): calls, rows, time and buffers.
bench_statements() {
  "${BENCH_RUN[@]}" "$BENCH_PG_BIN/psql" -h "$BENCH_DIR" -p "$BENCH_PORT" -U postgres -P pager=off -c "
    SELECT calls, rows, round(total_exec_time::numeric, 0) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
           shared_blks_hit + shared_blks_read AS blocks, wal_records, left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS query
    FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25"
}

bench_postmaster_pid() { head -n 1 "$BENCH_DIR/data/postmaster.pid"; }

bench_cleanup() {
  for log in "$BENCH_DIR"/app*.log; do if [ -s "$log" ]; then echo "--- $log (last lines)"; tail -n 30 "$log"; fi; done
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${BENCH_RUN[@]}" "$BENCH_PG_BIN/pg_ctl" -D "$BENCH_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$BENCH_DIR"
}

bench_build() {
  dotnet build Igo.Web -c Release -nologo -v q -clp:NoSummary
  dotnet build Igo.Bench -c Release -nologo -v q -clp:NoSummary
}

# Starts $1 instances on the connection string $2 and waits until each answers; sets BENCH_ARGS (--url and --app-pid
# for each, as the generators take them). IGO_BENCH_APP_DIR runs the Release build in another checkout's Igo.Web folder
# instead (built there beforehand), to compare a branch with main under the same generator; IGO_BENCH_APP_ENV adds
# environment variables ("NAME=value NAME2=value2") for the instances only, not the generator, to try a runtime setting.
bench_start_instances() {
  local count=$1 connection=$2 http
  BENCH_ARGS=()
  for i in $(seq 1 "$count"); do
    http=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    (cd "${IGO_BENCH_APP_DIR:-Igo.Web}" && exec env ${IGO_BENCH_APP_ENV:-} ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Igo="$connection" \
      Compat__MaxConnectionsPerAddress=100000 \
      Security__FailedJoinBurst=1000000 Logging__LogLevel__Default=Warning \
      dotnet bin/Release/net10.0/Igo.Web.dll --urls "http://127.0.0.1:$http") >"$BENCH_DIR/app$i.log" 2>&1 &
    BENCH_PIDS+=($!)
    BENCH_ARGS+=(--url "ws://127.0.0.1:$http/websocket" --app-pid $!)
    for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$http/websocket" && break; sleep 0.5; done
  done
}
