package org.custodian.mpi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.mpi.matching.BlockingRule;
import org.custodian.mpi.matching.Linker;

/**
 * What a linkage run did: records, pairs compared in all and per blocking key, time spent per phase
 * (wall, and CPU of the whole process).
 */
public record LinkStats(int records, long pairsCompared, Map<String, Long> pairsPerBlockingKey, long skippedPairs,
                        long blockingMillis, long trainingMillis, long scoringMillis,
                        long blockingCpuMillis, long trainingCpuMillis, long scoringCpuMillis) {

    static LinkStats of(Linker.Stats stats) {
        Map<String, Long> perRule = new LinkedHashMap<>();
        BlockingRule[] rules = BlockingRule.values();
        for (int r = 0; r < stats.pairsPerRule().length; r++) {
            perRule.put(rules[r].label(), stats.pairsPerRule()[r]);
        }
        return new LinkStats(stats.records(), stats.pairsCompared(), Collections.unmodifiableMap(perRule),
                stats.skippedPairs(), stats.blockingMillis(), stats.trainingMillis(), stats.scoringMillis(),
                stats.blockingCpuMillis(), stats.trainingCpuMillis(), stats.scoringCpuMillis());
    }

    static LinkStats empty(int records) {
        return new LinkStats(records, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0);
    }

    public double pairsPerSecond() {
        return scoringMillis == 0 ? pairsCompared * 1000.0 : pairsCompared * 1000.0 / scoringMillis;
    }

    /** "birth date: 1,234; SSN: 56" */
    public String perKeyText() {
        StringBuilder out = new StringBuilder();
        pairsPerBlockingKey.forEach((key, count) -> {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(key).append(": ").append(String.format(java.util.Locale.ROOT, "%,d", count));
        });
        return out.isEmpty() ? "no blocks" : out.toString();
    }
}
