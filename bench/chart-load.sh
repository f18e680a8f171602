#!/usr/bin/env bash
# Chart page latency under a fixed request rate from a second process (hey, Debian package `hey`).
# Needs a data folder with the demo loaded (`custodian demo --data DATA`, then stop it).
# Usage: bench/chart-load.sh DATA [RATE] [SECONDS]   (RATE 0: closed loop, as fast as the server answers)
# JAR=other.jar compares another build (e.g. the previous commit's) on the same data; PORT=P moves the port (MLLP listens on P+1,
# so a server of someone else on the default 2575 does not stop the benchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:?data folder with demo patients}
rate=${2:-200}
seconds=${3:-30}
port=${PORT:-18082}
workers=20
jar=${JAR:-target/custodian.jar}
jar_dir=$(mktemp -d)
cookies="$jar_dir/cookies"

"${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$jar" serve --port "$port" --mllp-port $((port + 1)) --data "$data" >/tmp/custodian-bench-chart.log 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$jar_dir"' EXIT
until curl -sf "http://localhost:$port/healthz" >/dev/null 2>&1; do sleep 0.2; done

# the JVM that serves: the launched child JVM if the launcher started one, else the launcher itself
server_jvm() {
  local child
  child=$(pgrep -P "$1" -f 'custodian\.launched=true' | head -1 || true)
  echo "${child:-$1}"
}

csrf=$(curl -s -c "$cookies" -b "$cookies" "http://localhost:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -c "$cookies" -b "$cookies" -o /dev/null --data-urlencode "username=hit" \
  --data-urlencode "password=hit-demo-2026" --data-urlencode "_csrf=$csrf" "http://localhost:$port/login"
session=$(awk '$6 == "SESSION" {print $7}' "$cookies")
[ -n "$session" ] || { echo "login failed: no SESSION cookie" >&2; exit 1; }
patient=$(curl -s -b "$cookies" "http://localhost:$port/patients?name=${SEARCH:-ma}" | grep -o '/patients/[0-9a-f-]\{36\}' | head -1)
[ -n "$patient" ] || { echo "no patient found; is the demo loaded in $data?" >&2; exit 1; }
# warm-up first (JIT, connection pools, caches), unmeasured, so the figures are of the steady state
hey -z "${WARMUP:-15}s" -c "$workers" -H "Cookie: SESSION=$session" "http://localhost:$port$patient" >/dev/null
echo "chart $patient: $([ "$rate" = 0 ] && echo "closed loop" || echo "$rate req/s") for $seconds s from $workers workers (after ${WARMUP:-15} s of warm-up)"
# CPU time (clock ticks) of the server's JVM and of its PostgreSQL (postmaster and backends). With the
# fast launch (platform.FastLaunch) the server is a child JVM of the launcher, which only waits.
server=$(server_jvm "$pid")
postmaster=$(pgrep -f "postgres -D $(cd "$data" && pwd)/pgdata" | head -1 || true)
cpu_ticks() { for p in "$@"; do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done | awk '{t += $1} END {print t + 0}'; }
jvm_before=$(cpu_ticks $server); pg_before=$(cpu_ticks $postmaster $(pgrep -P "${postmaster:-0}" || true))
hey -z "${seconds}s" -c "$workers" -q $((rate / workers)) -H "Cookie: SESSION=$session" \
  "http://localhost:$port$patient" >"$jar_dir/hey.txt"
jvm_after=$(cpu_ticks $server); pg_after=$(cpu_ticks $postmaster $(pgrep -P "${postmaster:-0}" || true))
sed -n '/Summary/,/Status code/p' "$jar_dir/hey.txt"
served=$(awk '/\[200\]/ {print $2}' "$jar_dir/hey.txt")
tick_ms=$((1000 / $(getconf CLK_TCK)))
echo "CPU per chart served (${served:-0} answers 200): JVM $(( (jvm_after - jvm_before) * tick_ms / ${served:-1} )).$(( (jvm_after - jvm_before) * tick_ms * 10 / ${served:-1} % 10 )) ms," \
  "PostgreSQL $(( (pg_after - pg_before) * tick_ms / ${served:-1} )).$(( (pg_after - pg_before) * tick_ms * 10 / ${served:-1} % 10 )) ms; load average $(cut -d' ' -f1-3 /proc/loadavg)"
