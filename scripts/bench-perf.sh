#!/usr/bin/env bash
# The headline load (issue 13, docs/BENCHMARKS.md "Headline: the original's load pattern"): the Igo.Bench perf-load
# generator, the original igo-backend's perf_runner pattern (each slot plays 19x19 games of 60 capture-free stones and
# two passes over two fresh sockets, game after game), at each slot count in turn. For each count it starts afresh, so
# the cold window is cold: a durable throwaway PostgreSQL with stock settings (max_connections 100, fsync on) and one or
# two Igo instances built in Release with default settings (pool, limits, flow control). Only the per-address limits
# are raised, because every simulated client comes from 127.0.0.1, and the log level is Warning (bench-services.sh).
# With two instances black plays on the first and white on the second: every push crosses PostgreSQL NOTIFY.
# Prints one markdown table of all runs (a cold and a warm window each) to paste into docs/BENCHMARKS.md, then each
# run's totals, each window's garbage collection in the app (its /metrics) and the generator, and each window's
# action path in the app (from its /metrics: an action's time in its game, and the group commits').
# Usage: IGO_BENCH_PG_PORT=55433 scripts/bench-perf.sh [instances=1|2] [slots=1,50,200,1000] [seconds=20] [warmup=60] [moves=60]
# IGO_BENCH_GENERATOR_ENV sets variables for the generator alone (IGO_BENCH_APP_ENV, in bench-services.sh, for the app).
# IGO_BENCH_PG_STATEMENTS=1 also loads pg_stat_statements (not a stock setting: a profile, not a headline) and prints,
# after each slot count, PostgreSQL's statements by total time over the whole run, per action the generator counted.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-services.sh
instances=${1:-1}
slot_counts=${2:-1,50,200,1000}
seconds=${3:-20}
# A minute: .NET's tiered JIT is still compiling hot methods (about 250 a second, 0.7 s of JIT per second) 40 s
# into this load, so a shorter warm-up measures the compiler, not the server (docs/BENCHMARKS.md, "Warm").
warmup=${4:-60}
moves=${5:-60}

bench_build
rows=()
totals=()
for slots in ${slot_counts//,/ }; do
  if [ "${IGO_BENCH_PG_STATEMENTS:-0}" = 1 ]; then
    bench_start_postgres "${IGO_BENCH_PG_PORT:-55433}" -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all
    bench_psql "CREATE EXTENSION pg_stat_statements"
  else
    bench_start_postgres "${IGO_BENCH_PG_PORT:-55433}"
  fi
  trap bench_cleanup EXIT
  bench_start_instances "$instances" "$BENCH_PG"
  echo "== $slots slots, $instances instance(s): $(uptime)"
  output=$(env ${IGO_BENCH_GENERATOR_ENV:-} dotnet Igo.Bench/bin/Release/net10.0/Igo.Bench.dll perf-load "${BENCH_ARGS[@]}" --postmaster-pid "$(bench_postmaster_pid)" \
    --slots "$slots" --seconds "$seconds" --warmup "$warmup" --moves "$moves")
  echo "$output"
  while IFS= read -r row; do rows+=("$row"); done < <(echo "$output" | grep '^| [0-9]')
  while IFS= read -r total; do totals+=("$slots slots: $total"); done < <(echo "$output" | grep -e '^Whole phase' -e '^Garbage collection' -e '^Action path')
  header=$(echo "$output" | grep -m 2 '^| [a-z-]')
  if [ "${IGO_BENCH_PG_STATEMENTS:-0}" = 1 ]; then bench_statements; fi
  bench_cleanup
  trap - EXIT
done

echo
echo "$header"
printf '%s\n' "${rows[@]}"
echo
printf '%s\n' "${totals[@]}"
