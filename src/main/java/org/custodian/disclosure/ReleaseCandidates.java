package org.custodian.disclosure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.record.ClinicalDocument;

/**
 * The documents of a release request the user may select; how many more the sensitivity labels keep back;
 * and, of those listed, the specially protected categories each falls in (on itself, its encounter or the
 * whole patient) that the request does not cover yet.
 */
public record ReleaseCandidates(List<ClinicalDocument> documents, int withheld,
                                Map<UUID, Set<SensitivityLabel>> needsSpecificAuthorization) {
    public ReleaseCandidates {
        documents = List.copyOf(documents);
        needsSpecificAuthorization = Map.copyOf(needsSpecificAuthorization);
    }

    /** Whether a listed document is a 42 CFR Part 2 record that needs the patient's specific consent first. */
    public boolean needsPart2Consent(UUID documentId) {
        return needsSpecificAuthorization.getOrDefault(documentId, Set.of()).contains(SensitivityLabel.SUBSTANCE_USE_PART2);
    }

    /**
     * The categories beyond 42 CFR Part 2 (which has its own consent) that a listed document needs a
     * valid authorization to name, in words, or null when it needs none.
     */
    public String needsAuthorizationFor(UUID documentId) {
        String needs = needsSpecificAuthorization.getOrDefault(documentId, Set.of()).stream()
                .filter(l -> l != SensitivityLabel.SUBSTANCE_USE_PART2).sorted().map(SensitivityLabel::label)
                .collect(Collectors.joining(", "));
        return needs.isEmpty() ? null : needs;
    }
}
