#!/usr/bin/env bash
# FHIR API figures on a data folder: bulk $export of N synthetic patients (NDJSON MB/s) and
# Patient?name= latency with a bearer token, sequential (Java client) and under load (hey).
# Usage: bench/fhir-api.sh [DATA_DIR] [PATIENTS]   (run from the repository root after mvn test-compile)
#   SKIP_EXPORT=1 leaves out the export (e.g. to re-measure searches on a seeded folder); java is
#   $JAVA_HOME/bin/java when JAVA_HOME is set; BENCH_JAVA_OPTS go to the server's JVM.
#   APP_JAR=custodian.jar measures that build (its classes and libraries) instead of target/classes,
#   e.g. an old jar against this tree's: bench/fhir-api-pair.sh does both on copies of one folder.
set -euo pipefail
data=${1:-/tmp/custodian-fhir-bench}
patients=${2:-1000}
if [[ -n "${APP_JAR:-}" ]]; then
    jar=$(realpath "$APP_JAR")
    app=$(mktemp -d)
    (cd "$app" && unzip -q "$jar")
    classpath="$app/BOOT-INF/classes:$app/BOOT-INF/lib/*:target/test-classes"
else
    mvn -B -o -q -Dexec.skip dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
    classpath="target/classes:target/test-classes:$(cat target/cp.txt)"
fi
log=$(mktemp)
${JAVA_HOME:+$JAVA_HOME/bin/}java ${BENCH_JAVA_OPTS:-} -Dbench.skipExport=${SKIP_EXPORT:+true} -cp "$classpath" org.custodian.interop.fhir.FhirApiBenchmark \
    "$data" "$patients" 90 >"$log" 2>&1 &
bench=$!
until grep -q '^serving' "$log"; do
    kill -0 "$bench" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 1
done
grep -E '^(seeded|export|Patient|audit|stage)' "$log"
base=$(sed -n 's/^serving for [0-9]* s at \([^ ]*\) with token .*/\1/p' "$log")
token=$(sed -n 's/.* with token \(.*\)$/\1/p' "$log")
hey -n 2000 -c 4 -H "Authorization: Bearer $token" -H "Accept: application/fhir+json" \
    "$base/Patient?name=Chen&_count=20" | grep -E 'Requests/sec|Average|50%|90%|99%|\[200\]|\[[45][0-9][0-9]\]'
kill "$bench"
wait "$bench" || true
[[ -n "${APP_JAR:-}" ]] && rm -rf "$app"
exit 0
