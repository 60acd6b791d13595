#!/usr/bin/env bash
# Benchmark the product on the real server (`make bench`): screen latency next to docassemble's
# demo, document assembly, concurrent cases, screens to the first request. Writes bench/results.md.
# Starts its own server as `make serve` does (state in .local/bench-server, ports 54369/63839/8129),
# fresh so that "cold" means cold, and stops it at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export NOM_STATE="${NOM_BENCH_STATE:-$ROOT/.local/bench-server}"
export NOM_PG_PORT="${NOM_BENCH_PG_PORT:-54369}"
export NOM_REDIS_PORT="${NOM_BENCH_REDIS_PORT:-63839}"
export NOM_WEB_PORT="${NOM_BENCH_WEB_PORT:-8129}"
source "$ROOT/scripts/env.sh"

"$ROOT/scripts/stop.sh" >/dev/null   # a server left running would not be cold
trap '"$ROOT/scripts/stop.sh" >/dev/null' EXIT
echo "bench: starting the server (state in $NOM_STATE)"
"$ROOT/scripts/serve.sh" >"$NOM_HOME/bench-serve.log" 2>&1 \
  || { cat "$NOM_HOME/bench-serve.log" >&2; exit 1; }
cd "$ROOT"
python -m bench.run
