#!/usr/bin/env bash
# HL7 crash test: a stream of messages over MLLP, SIGKILL of the server and of its PostgreSQL while it
# ingests, restart on the same data folder, then every message that got an AA before the crash is sent
# again and must come back recognised as already stored (stored exactly once).
#
# usage: bench/hl7-crash.sh JAR PORT RUN-ID [DEMO-FOLDER] [SECONDS-BEFORE-KILL]
# PORT is the web port; MLLP listens on PORT+1.
set -u
export PATH=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH
jar=$1 port=$2 run=$3 demo=${4:-/tmp/demo100b} seconds=${5:-60}
here=$(cd "$(dirname "$0")/.." && pwd)
load="$here/src/test/java/org/custodian/interop/hl7v2/MllpLoad.java"
data=/tmp/hl7crash-$run acked=/tmp/hl7crash-$run.acked
rm -rf "$data" "$acked"
cp -a "$demo" "$data"

serve() {
  java -jar "$jar" serve --data "$data" --port "$port" --mllp-port $((port + 1)) >> "$data.log" 2>&1 &
  server=$!
  until curl -sf "localhost:$port/healthz" > /dev/null; do
    kill -0 $server 2> /dev/null || { echo "server ended; see $data.log"; exit 1; }
    sleep 0.5
  done
}

serve
java "$load" load localhost $((port + 1)) 1000000 16 "$run" "$acked" > "$data.load" 2>&1 &
client=$!
sleep "$seconds"
postmaster=$(pgrep -o -f -- "-D $data" || true)
kill -9 $server ${postmaster:+$postmaster}
wait $client 2> /dev/null
wait $server 2> /dev/null
echo "killed after $seconds s with $(wc -l < "$acked") messages acknowledged AA"
sleep 2
serve
java "$load" verify localhost $((port + 1)) "$run" "$acked"
kill -TERM $server
wait $server 2> /dev/null
rm -rf "$data"
