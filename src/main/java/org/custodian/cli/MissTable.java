package org.custodian.cli;

import java.util.Map;

/** The benchmark's exact misses as a Markdown table by {@link MissKind}, with the most frequent examples of each. */
final class MissTable {
    private MissTable() {
    }

    static String render(SuggestionAccuracy accuracy, int examplesPerKind) {
        int total = accuracy.missKinds().values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder out = new StringBuilder("| missed because | conditions | share | most frequent (key codes, Synthea name) |\n")
                .append("| --- | ---: | ---: | --- |\n");
        for (MissKind kind : MissKind.values()) {
            int n = accuracy.missKinds().getOrDefault(kind, 0);
            if (n == 0) {
                continue;
            }
            Map<String, Integer> examples = accuracy.missKindExamples().getOrDefault(kind, Map.of());
            out.append("| ").append(kind.explanation).append(" | ").append(n).append(" | ")
                    .append(String.format("%.1f%%", 100.0 * n / Math.max(1, total))).append(" | ")
                    .append(String.join("; ", SuggestionAccuracy.top(examples, examplesPerKind))).append(" |\n");
        }
        return out.append("| **all misses** | ").append(total).append(" | | |").toString();
    }
}
