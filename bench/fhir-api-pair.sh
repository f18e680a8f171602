#!/usr/bin/env bash
# Old and new build of the FHIR API in one run: bench/fhir-api.sh (searches only) with each jar in
# turn, ROUNDS times (old, new, old, new, ...), each on a fresh copy of one seeded data folder, so
# both see the same data and the same machine load. Lines are prefixed with the jar's label.
# Usage: bench/fhir-api-pair.sh OLD.jar NEW.jar SEEDED_DIR [ROUNDS]   (from the repository root after
#   mvn test-compile; seed a folder once with bench/fhir-api.sh DIR 1000)
set -euo pipefail
old=$1
new=$2
seed=$3
rounds=${4:-2}
for round in $(seq "$rounds"); do
    for label in old new; do
        jar=$old
        [[ $label == new ]] && jar=$new
        copy=$(mktemp -d)/data
        cp -a "$seed" "$copy"
        echo "== $label ($jar), round $round, $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
        APP_JAR=$jar SKIP_EXPORT=1 bash "$(dirname "$0")/fhir-api.sh" "$copy" 1000 | sed "s/^/$label: /"
        rm -rf "$(dirname "$copy")"
    done
done
