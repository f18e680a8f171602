#!/usr/bin/env bash
# Old against new quality scan speed, in one session on the same data (issue 6).
# Usage: bench/quality-speed.sh OLD_REV [PATIENTS] [ENCOUNTERS_PER_PATIENT] [ROUNDS]
# Builds OLD_REV's classes under target/quality-old (offline), writes the seeded benchmark charts
# with this tree's QualityBenchmark (detection report included), then times a full scan and 200
# single-patient checks with the old and the new classes in turn, ROUNDS times (after one first scan
# with the new classes, which stores the notes' copy-paste prints once).
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=${1:?old revision, e.g. main}
PATIENTS=${2:-5000}
PER=${3:-10}
ROUNDS=${4:-2}
DATA=${QUALITY_BENCH_DATA:-target/quality-bench-data}
ORDER_FILE=${ICD10CM_ORDER_FILE:-/work/shared/terminology/icd10cm/fy2026/icd10cm_order_2026.txt}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -B -o -q -Dexec.skip test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/quality-cp.txt
CP=$(cat target/quality-cp.txt)
rm -rf target/quality-old && mkdir -p target/quality-old
git archive "$OLD" pom.xml src/main | tar -x -C target/quality-old
(cd target/quality-old && mvn -B -o -q -Dexec.skip compile)
rm -rf "$DATA"
"$JAVA_HOME/bin/java" -cp "target/classes:target/test-classes:$CP" org.custodian.quality.QualityBenchmark \
    "$DATA" "$PATIENTS" "$PER" "$ORDER_FILE"
# the new classes' first scan stores every document version's copy-paste prints (once per version): timed apart
"$JAVA_HOME/bin/java" -cp "target/classes:$CP" bench/QualityScanTimer.java "$DATA" "new, first scan (prints stored)" 20
for round in $(seq "$ROUNDS"); do
  "$JAVA_HOME/bin/java" -cp "target/quality-old/target/classes:$CP" bench/QualityScanTimer.java "$DATA" "old($OLD)"
  "$JAVA_HOME/bin/java" -cp "target/classes:$CP" bench/QualityScanTimer.java "$DATA" new
done
