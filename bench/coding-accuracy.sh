#!/usr/bin/env bash
# Accuracy and throughput of computer-assisted coding on Synthea encounter notes.
# Usage: bench/coding-accuracy.sh [PATIENTS] [SEED]   (needs a built custodian.jar and synthea-lib in target/)
# Loads the FY2026 ICD-10-CM order file into a scratch data folder (once), then runs `custodian bench coding`.
set -euo pipefail
cd "$(dirname "$0")/.."
PATIENTS=${1:-25}
SEED=${2:-1}
DATA=${CODING_BENCH_DATA:-target/coding-bench-data}
ORDER_FILE=${ICD10CM_ORDER_FILE:-../shared/terminology/icd10cm/fy2026/icd10cm_order_2026.txt}
JAR=target/custodian.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
[ -f "$ORDER_FILE" ] || { echo "no ICD-10-CM order file at $ORDER_FILE (set ICD10CM_ORDER_FILE)" >&2; exit 1; }
java -jar "$JAR" terminology load "$ORDER_FILE" --data "$DATA"
java -jar "$JAR" bench coding --patients "$PATIENTS" --seed "$SEED" --data "$DATA"
