package org.custodian.training;

import java.util.List;
import java.util.UUID;

/** A coding exercise: the sandbox encounter to code and its answer key, in key order. */
public record Exercise(UUID id, UUID setId, UUID sourceEncounterId, String title, int position, List<AnswerLine> key) {
    public Exercise {
        key = List.copyOf(key);
    }
}
