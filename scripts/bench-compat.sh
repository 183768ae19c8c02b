#!/usr/bin/env bash
# Load test of the /websocket endpoint (issue 4): a throwaway PostgreSQL with stock settings (max_connections 100,
# fsync on), one or two Igo instances built in Release with their default pool, and the Igo.Bench compat-load generator. Figures go to docs/BENCHMARKS.md by hand.
# Usage: IGO_BENCH_PG_PORT=55503 scripts/bench-compat.sh [instances=1|2] [games=1,50,200,1000] [moves=40]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-services.sh
instances=${1:-1}
games=${2:-1,50,200,1000}
moves=${3:-40}

bench_start_postgres "${IGO_BENCH_PG_PORT:-55433}"
trap bench_cleanup EXIT
bench_build
bench_start_instances "$instances" "$BENCH_PG"

uptime
dotnet Igo.Bench/bin/Release/net10.0/Igo.Bench.dll compat-load "${BENCH_ARGS[@]}" --postmaster-pid "$(bench_postmaster_pid)" \
  --games "$games" --moves "$moves"
uptime
