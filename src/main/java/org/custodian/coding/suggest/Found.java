package org.custodian.coding.suggest;

import java.util.Set;
import org.custodian.coding.SourceNote;

/**
 * A code found in a note: the concept, the characters {@code start}..{@code end} of the note that support
 * it, its confidence, the normalised tokens it stands on, and whether the note states it as established.
 */
record Found(Concept concept, SourceNote note, int start, int end, double confidence, Set<String> tokens,
             boolean definitive) {
}
