#!/usr/bin/env bash
# Time from `serve` start to the first HTTP 200 on /healthz, with the embedded PostgreSQL already
# initialised in DATA (the first, initialising start is not counted), and the CPU time the serving JVM
# had used by then (the fast launch's child JVM, see platform.FastLaunch), which other load on the
# machine does not inflate. Usage: bench/startup.sh [DATA] [RUNS]
# JAR=other.jar measures another build; PORT=P moves the HTTP port (MLLP listens on P+1);
# JAVA_HOME selects the JDK (the fast launch needs 25 or newer).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-/tmp/custodian-bench-startup}
runs=${2:-5}
port=${PORT:-18081}
jar=${JAR:-target/custodian.jar}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

start_and_wait() {
  local t0 t1 server ticks
  t0=$(date +%s.%N)
  "$java" -jar "$jar" serve --port "$port" --mllp-port $((port + 1)) --data "$data" >/tmp/custodian-bench-startup.log 2>&1 &
  local pid=$!
  until curl -sf "http://localhost:$port/healthz" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "serve died; see /tmp/custodian-bench-startup.log" >&2; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s.%N)
  server=$(pgrep -P "$pid" -f 'custodian\.launched=true' | head -1 || true)
  ticks=$(awk '{print $14 + $15}' "/proc/${server:-$pid}/stat")
  kill -TERM "$pid"; wait "$pid" || true
  echo "$t0 $t1 $ticks $(getconf CLK_TCK)" | awk '{printf "%.2f s (server JVM CPU %.1f s)\n", $2 - $1, $3 / $4}'
}

echo "initialising $data (not counted): $(start_and_wait)"
for i in $(seq "$runs"); do
  echo "run $i: $(start_and_wait) to first 200, load average $(cut -d' ' -f1 /proc/loadavg)"
done
