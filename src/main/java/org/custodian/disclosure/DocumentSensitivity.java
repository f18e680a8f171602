package org.custodian.disclosure;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.SensitivityLabel;

/**
 * Which documents are specially protected: 42 CFR Part 2 substance-use-disorder records, needing the
 * patient's specific consent before release, and records in other protected categories (HIV, behavioural
 * health, ...) that an authorization must name specifically. Privacy's sensitivity labels provide one
 * ({@link LabelledPart2Documents}); a document is protected if any bean says so.
 */
public interface DocumentSensitivity {
    Set<UUID> part2Documents(Collection<UUID> documentIds);

    /**
     * The protected categories each of these documents falls in (on itself, its encounter or the patient); none by
     * default, for a source that knows only Part 2 records.
     */
    default Map<UUID, Set<SensitivityLabel>> categories(Collection<UUID> documentIds) {
        return Map.of();
    }
}
