#!/usr/bin/env bash
# HL7 v2 over MLLP: msgs/s, ACK latency and CPU time per message (Java process and PostgreSQL), on a
# fresh copy of a demo data folder, after a warm-up. CPU time comes from /proc (utime + stime, the
# postmaster's reaped children included), which neighbours on a shared machine do not inflate.
#
# usage: bench/hl7-cpu.sh LABEL JAR PORT RUN-ID [DEMO-FOLDER] [WARM-UP] [MESSAGES] [CONNECTIONS]
#   e.g. bench/hl7-cpu.sh new target/custodian.jar 18410 N1 /tmp/demo100b 3000 3000 32
# PORT is the web port; MLLP listens on PORT+1. Extra JVM flags: JAVA_OPTS.
set -u
export PATH=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH
label=$1 jar=$2 port=$3 run=$4
demo=${5:-/tmp/demo100b} warm=${6:-3000} messages=${7:-3000} connections=${8:-32}
here=$(cd "$(dirname "$0")/.." && pwd)
load="$here/src/test/java/org/custodian/interop/hl7v2/MllpLoad.java"
data=/tmp/hl7cpu-$label-$run
rm -rf "$data"
cp -a "$demo" "$data"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$jar" serve --data "$data" --port "$port" --mllp-port $((port + 1)) > "$data.log" 2>&1 &
server=$!
until curl -sf "localhost:$port/healthz" > /dev/null; do
  kill -0 $server 2> /dev/null || { echo "server ended; see $data.log"; exit 1; }
  sleep 0.5
done
postmaster=$(pgrep -o -f -- "-D $data" || true)

ticks() { # utime + stime + cutime + cstime of a process, in clock ticks
  [ -r "/proc/$1/stat" ] && awk '{sub(/^.*\) /, ""); print $12 + $13 + $14 + $15}' "/proc/$1/stat" || echo 0
}
java_ticks() { # the launched process and what it started, but not PostgreSQL
  local sum=0 pid
  for pid in $(descendants "$server"); do
    [ "$(cat "/proc/$pid/comm" 2> /dev/null)" = postgres ] || sum=$((sum + $(ticks "$pid")))
  done
  echo "$sum"
}
descendants() {
  echo "$1"
  local child
  for child in $(pgrep -P "$1"); do
    descendants "$child"
  done
}
pg_ticks() { # the postmaster (with its reaped backends) and its live backends
  local sum
  sum=$(ticks "$postmaster")
  for child in $(pgrep -P "$postmaster"); do
    sum=$((sum + $(ticks "$child")))
  done
  echo "$sum"
}

java "$load" load localhost $((port + 1)) "$warm" "$connections" "W$run" > /dev/null 2>&1
sleep 5
java_before=$(java_ticks) pg_before=$(pg_ticks)
result=$(java "$load" load localhost $((port + 1)) "$messages" "$connections" "$run" 2>&1 | tail -1)
sleep 5 # the listeners' share of the work
java_after=$(java_ticks) pg_after=$(pg_ticks)
hz=$(getconf CLK_TCK)
echo "== $label $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg): $result"
awk -v j=$((java_after - java_before)) -v p=$((pg_after - pg_before)) -v n="$messages" -v hz="$hz" \
  'BEGIN { printf "   CPU per message: java %.2f ms, PostgreSQL %.2f ms, total %.2f ms\n", j * 1000 / hz / n, p * 1000 / hz / n, (j + p) * 1000 / hz / n }'
kill -TERM $server
wait $server 2> /dev/null
rm -rf "$data"
