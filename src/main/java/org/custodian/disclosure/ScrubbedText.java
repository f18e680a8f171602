package org.custodian.disclosure;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A text after scrubbing, with the spans of the original that were replaced. */
public record ScrubbedText(String text, List<PhiSpan> spans) {
    public ScrubbedText {
        spans = List.copyOf(spans);
    }

    /** How many spans of each type were replaced, in type order. */
    public Map<PhiType, Integer> countsByType() {
        Map<PhiType, Integer> counts = new TreeMap<>();
        spans.forEach(s -> counts.merge(s.type(), 1, Integer::sum));
        return counts;
    }
}
