package org.custodian.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
