#!/usr/bin/env bash
# Synthea ingest through `custodian import`, two builds compared in one run (ABBA order, so that a
# machine whose load drifts favours neither): resources/s as the command reports it and the JVM's
# peak RSS. Each run loads into a fresh data folder (embedded PostgreSQL, durable).
# Usage: bench/fhir-ingest.sh SYNTHEA_FHIR_DIR OLD_BUILD NEW_BUILD [ROUNDS]
#   a build is a jar (a path ending in .jar, run with java -jar) or a classpath, e.g.
#   "target/classes:$(cat target/cp.txt)" of a checkout built with
#   mvn -o -Dexec.skip compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
#   JVM options per build in OLD_JAVA_OPTS / NEW_JAVA_OPTS (e.g. -Xmx768m, the heap ceiling the launcher
#   gives `import`); java is $JAVA_HOME/bin/java when JAVA_HOME is set.
set -euo pipefail
source_dir=$1
declare -A cp=([old]=$2 [new]=$3)
declare -A opts=([old]=${OLD_JAVA_OPTS:-} [new]=${NEW_JAVA_OPTS:-})
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
rounds=${4:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() {
    local build=$1 data="$work/data-$1-$2"
    local launch
    if [[ ${cp[$build]} == *.jar ]]; then launch=(-jar "${cp[$build]}"); else launch=(-cp "${cp[$build]}" org.custodian.Custodian); fi
    # shellcheck disable=SC2086 # the options are words
    /usr/bin/time -v "$java" ${opts[$build]} "${launch[@]}" import "$source_dir" --data "$data" \
        >"$work/out" 2>"$work/err" || true
    local rate rss
    rate=$(grep -o '([0-9,]* resources/s)' "$work/out" | tr -d '(),' | cut -d' ' -f1 || true)
    [[ -n $rate ]] || { echo "$build failed:"; tail -5 "$work/out" "$work/err"; }
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/err")
    printf '%s\t%s\t%s resources/s\tpeak RSS %d MB\t%s\n' "$build" "$(date -u +%H:%M:%S)" "${rate:-?}" \
        $(( ${rss:-0} / 1024 )) "$(grep -o 'Loaded .*' "$work/out" | head -1)"
    rm -rf "$data"
}
for round in $(seq 1 "$rounds"); do
    for build in old new new old; do
        run "$build" "$round"
    done
done
