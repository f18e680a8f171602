package org.custodian.disclosure;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A disclosure made outside a request (e.g. a report to public health by phone), logged by hand. */
public record NewDisclosure(UUID patientId, LocalDate disclosedOn, String recipient, String recipientAddress,
                            String description, Purpose purpose) {
    public NewDisclosure {
        Objects.requireNonNull(patientId, "patient");
        if (disclosedOn == null) {
            throw new IllegalArgumentException("disclosure date is required");
        }
        if (disclosedOn.isAfter(LocalDate.now().plusDays(1))) {
            throw new IllegalArgumentException("disclosure date " + disclosedOn + " is in the future");
        }
        recipient = NewRequest.required(recipient, "recipient", 200);
        description = NewRequest.required(description, "description", 2000);
        if (purpose == null) {
            throw new IllegalArgumentException("purpose is required");
        }
        recipientAddress = recipientAddress == null || recipientAddress.isBlank() ? null : recipientAddress.trim();
    }
}
