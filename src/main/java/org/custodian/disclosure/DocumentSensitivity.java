package org.custodian.disclosure;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Which documents are 42 CFR Part 2 substance-use-disorder records, needing the patient's specific
 * consent before release. Privacy's sensitivity labels provide one ({@link LabelledPart2Documents});
 * a document is Part 2 if any bean says so.
 */
public interface DocumentSensitivity {
    Set<UUID> part2Documents(Collection<UUID> documentIds);
}
