#!/usr/bin/env bash
# Game setup under load (issue 13): a durable throwaway PostgreSQL with stock settings (max_connections 100, fsync on),
# one or two Igo instances built in Release with default settings (so a pool of at most 20 connections each), and the
# Igo.Bench perf-load generator without passes (create, join, the moves asked for, both releases). IGO_BENCH_STATEMENTS=1 also loads pg_stat_statements to count statements per game (it costs
# PostgreSQL CPU: take the CPU figures from a run without it). Figures go to docs/BENCHMARKS.md by hand.
# Usage: IGO_BENCH_PG_PORT=55455 scripts/bench-setup.sh [instances=1|2] [slots=50] [seconds=30] [warmup=15] [moves=0, or a list such as 0,10]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-services.sh
instances=${1:-1}
slots=${2:-50}
seconds=${3:-30}
warmup=${4:-15}
moves=${5:-0}

statements=()
if [ "${IGO_BENCH_STATEMENTS:-0}" = 1 ]; then statements=(-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all); fi
bench_start_postgres "${IGO_BENCH_PG_PORT:-55455}" "${statements[@]}"
trap bench_cleanup EXIT
if [ "${IGO_BENCH_STATEMENTS:-0}" = 1 ]; then bench_psql "CREATE EXTENSION pg_stat_statements"; fi
bench_build
bench_start_instances "$instances" "$BENCH_PG"

uptime
dotnet Igo.Bench/bin/Release/net10.0/Igo.Bench.dll perf-load "${BENCH_ARGS[@]}" --postmaster-pid "$(bench_postmaster_pid)" \
  --slots "$slots" --seconds "$seconds" --warmup "$warmup" --moves "$moves" --passes 0 --pg "$BENCH_PG"
uptime
