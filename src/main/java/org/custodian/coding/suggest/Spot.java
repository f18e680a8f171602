package org.custodian.coding.suggest;

import java.util.List;

/**
 * A concept found in a clause: the tokens of the clause that support it and whether the clause names
 * every required token ({@code complete}) or all but one (the nearest concept), that one being a
 * qualifier notes often leave unsaid ({@code safe}: "acute", "female") or not.
 */
record Spot(Concept concept, List<Normalizer.Normalized> support, boolean complete, boolean safe, int defaultsMissing) {

    Normalizer.Normalized first() {
        Normalizer.Normalized first = support.getFirst();
        for (Normalizer.Normalized n : support) {
            if (n.word() < first.word()) {
                first = n;
            }
        }
        return first;
    }
}
