package org.custodian.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.SensitivityLabel;

/** A release-of-information request as stored, with what the specialist has selected for release. */
public record ReleaseRequest(UUID id, UUID patientId, String patientName, RequesterType requesterType,
                             String requesterName, String requesterAddress, String informationRequested,
                             Purpose purpose, LocalDate receivedOn, LocalDate dueOn, LocalDate extendedOn,
                             String extensionReason, RequestStatus status, Authorization authorization,
                             boolean part2Consent, LocalDate dateFrom, LocalDate dateTo, Set<UUID> selectedDocuments,
                             Instant closedAt, String closedBy, String closeNote, String createdBy) {
    public ReleaseRequest {
        selectedDocuments = Set.copyOf(selectedDocuments);
    }

    public LegalBasis basis() {
        return LegalBasis.of(requesterType, purpose);
    }

    public Deadline deadline(LocalDate today) {
        return Deadline.of(dueOn, today);
    }

    /** Authorization findings when the basis needs one; otherwise none. */
    public List<String> authorizationFindings(LocalDate today) {
        return basis().needsAuthorization() ? authorization.check(today) : List.of();
    }

    /**
     * The sensitivity labels this request lifts for release: 42 CFR Part 2 with the patient's specific
     * consent, and the specially protected categories a valid authorization names. The patient's own
     * request (164.524) lifts them all: labels protect the patient from others, not from themselves
     * (42 CFR 2.23 for Part 2 records).
     */
    public Set<SensitivityLabel> coveredLabels(LocalDate today) {
        if (basis() == LegalBasis.RIGHT_OF_ACCESS) {
            return EnumSet.allOf(SensitivityLabel.class);
        }
        Set<SensitivityLabel> covered = EnumSet.noneOf(SensitivityLabel.class);
        covered.addAll(authorization.coveredCategories(today));
        if (part2Consent) {
            covered.add(SensitivityLabel.SUBSTANCE_USE_PART2);
        }
        return covered;
    }

    /** 164.524(b)(2)(ii): one extension, for access requests only. */
    public boolean canExtend() {
        return status == RequestStatus.OPEN && extendedOn == null && basis() == LegalBasis.RIGHT_OF_ACCESS;
    }

    /** Minimum necessary (164.502(b)) applies except to the patient, to treatment, and under authorization. */
    public boolean minimumNecessaryApplies() {
        return basis() != LegalBasis.RIGHT_OF_ACCESS && basis() != LegalBasis.AUTHORIZATION
                && purpose != Purpose.TREATMENT;
    }
}
