package org.custodian.terminology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The codes of one release by code: what validation and the coding edits look up. Far cheaper to build
 * than the release's {@link SearchIndex} (no words, postings or typo terms), so checking a code never
 * waits for the index that only searching needs.
 */
final class ReleaseCodes {
    private final NavigableMap<String, MedicalCode> byCode = new TreeMap<>();

    /** A code listed twice keeps the listing the search index ranks last, as the index does. */
    ReleaseCodes(List<MedicalCode> codes) {
        List<MedicalCode> ranked = new ArrayList<>(codes);
        ranked.sort(SearchIndex.RANK);
        for (MedicalCode code : ranked) {
            byCode.put(code.code(), code);
        }
    }

    /** The code as listed in the release (normalized: no dot), or null. */
    MedicalCode find(String normalizedCode) {
        return byCode.get(normalizedCode);
    }

    /** Billable codes under a header, in code order (at most {@code max}). */
    List<MedicalCode> billableUnder(String header, int max) {
        List<MedicalCode> out = new ArrayList<>();
        for (Map.Entry<String, MedicalCode> entry : byCode.tailMap(header, true).entrySet()) {
            if (!entry.getKey().startsWith(header) || out.size() >= max) {
                break;
            }
            if (entry.getValue().billable() && !entry.getKey().equals(header)) {
                out.add(entry.getValue());
            }
        }
        return out;
    }

    /** Every code, in code order. */
    List<MedicalCode> all() {
        return Collections.unmodifiableList(new ArrayList<>(byCode.values()));
    }
}
