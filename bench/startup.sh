#!/usr/bin/env bash
# Time from `serve` start to the first HTTP 200 on /healthz, with the embedded PostgreSQL already
# initialised in DATA (the first, initialising start is not counted). Usage: bench/startup.sh [DATA] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-/tmp/custodian-bench-startup}
runs=${2:-5}
port=18081
jar=target/custodian.jar

start_and_wait() {
  local t0 t1
  t0=$(date +%s.%N)
  java -jar "$jar" serve --port "$port" --data "$data" >/tmp/custodian-bench-startup.log 2>&1 &
  local pid=$!
  until curl -sf "http://localhost:$port/healthz" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "serve died; see /tmp/custodian-bench-startup.log" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s.%N)
  kill -TERM "$pid"; wait "$pid" || true
  echo "$t0 $t1" | awk '{printf "%.2f\n", $2 - $1}'
}

echo "initialising $data (not counted): $(start_and_wait) s"
for i in $(seq "$runs"); do
  echo "run $i: $(start_and_wait) s to first 200"
done
