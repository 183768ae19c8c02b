#!/usr/bin/env bash
# Load test of the /websocket endpoint (issue 4): a durable throwaway PostgreSQL (fsync on), one or two Igo instances
# built in Release, and the Igo.Bench compat-load generator. Figures go to docs/BENCHMARKS.md by hand.
# Usage: IGO_BENCH_PG_PORT=55503 scripts/bench-compat.sh [instances=1|2] [games=1,50,200,1000] [moves=40]
set -euo pipefail
cd "$(dirname "$0")/.."
instances=${1:-1}
games=${2:-1,50,200,1000}
moves=${3:-40}
port=${IGO_BENCH_PG_PORT:-55433}

bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=$(mktemp -d /tmp/igo-bench-pg.XXXXXX)
run=()
if [ "$(id -u)" = 0 ]; then id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; chown postgres "$dir"; run=(runuser -u postgres --); fi
"${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
"${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB" start >/dev/null
pids=()
cleanup() {
  for log in "$dir"/app*.log; do [ -s "$log" ] && { echo "--- $log (last lines)"; tail -n 30 "$log"; }; done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

dotnet build Igo.Web -c Release -nologo -v q -clp:NoSummary
dotnet build Igo.Bench -c Release -nologo -v q -clp:NoSummary
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

urls=()
for i in $(seq 1 "$instances"); do
  http=$(free_port)
  (cd Igo.Web && ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Igo="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=100" \
    Compat__MaxConnectionsPerAddress=100000 \
    Logging__LogLevel__Default=Warning \
    exec dotnet bin/Release/net10.0/Igo.Web.dll --urls "http://127.0.0.1:$http") >"$dir/app$i.log" 2>&1 &
  pids+=($!)
  urls+=(--url "ws://127.0.0.1:$http/websocket" --app-pid $!)
  for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$http/websocket" && break; sleep 0.5; done
done

uptime
dotnet Igo.Bench/bin/Release/net10.0/Igo.Bench.dll compat-load "${urls[@]}" --postmaster-pid "$(head -n 1 "$dir/data/postmaster.pid")" \
  --games "$games" --moves "$moves"
uptime
