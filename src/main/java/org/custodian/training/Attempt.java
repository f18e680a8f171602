package org.custodian.training;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A trainee's work on one exercise: the copy of the encounter they code and, once submitted, the
 * grade with its findings.
 */
public record Attempt(UUID id, UUID exerciseId, String trainee, UUID encounterId, Instant startedAt,
                      Instant gradedAt, Grade grade) {
    public boolean graded() {
        return gradedAt != null;
    }
}
