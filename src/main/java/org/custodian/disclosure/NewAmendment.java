package org.custodian.disclosure;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A patient's written request to amend one document of their record. */
public record NewAmendment(UUID patientId, UUID documentId, String requestedChange, String reason, LocalDate receivedOn) {
    public NewAmendment {
        Objects.requireNonNull(patientId, "patient");
        if (documentId == null) {
            throw new IllegalArgumentException("choose the document the patient asks to amend");
        }
        requestedChange = NewRequest.required(requestedChange, "requested change", 4000);
        reason = NewRequest.required(reason, "reason", 2000);
        if (receivedOn == null) {
            throw new IllegalArgumentException("received date is required");
        }
        if (receivedOn.isAfter(LocalDate.now().plusDays(1))) {
            throw new IllegalArgumentException("received date " + receivedOn + " is in the future");
        }
    }
}
