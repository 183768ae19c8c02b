#!/usr/bin/env bash
# What timeouts cost the store (issue 11, docs/BENCHMARKS.md "Timed games"): a durable throwaway PostgreSQL with stock
# settings and the Igo.Bench timeouts runner (one in-process instance, its own sweep off): the sweep's read with N timed
# games in progress, and the cost of ending games on time as a sweep does. Figures go to docs/BENCHMARKS.md by hand.
# Usage: IGO_BENCH_PG_PORT=55456 scripts/bench-timeouts.sh [games=1000] [due=50]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-services.sh
bench_start_postgres "${IGO_BENCH_PG_PORT:-55456}"
trap bench_cleanup EXIT
dotnet build Igo.Bench -c Release -nologo -v q -clp:NoSummary
uptime
dotnet Igo.Bench/bin/Release/net10.0/Igo.Bench.dll timeouts "$BENCH_PG" "${1:-1000}" "${2:-50}"
uptime
