package org.custodian.disclosure;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Which documents are 42 CFR Part 2 substance-use-disorder records, needing the patient's specific
 * consent before release. The extension point for sensitivity labels: any module that labels
 * documents (privacy, later) provides a bean; a document is Part 2 if any bean says so, and with
 * no bean none is.
 */
public interface DocumentSensitivity {
    Set<UUID> part2Documents(Collection<UUID> documentIds);
}
