package org.custodian.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One disclosure of a patient's information, as the accounting (164.528(b)(2)) describes it. */
public record Disclosure(UUID id, UUID patientId, LocalDate disclosedOn, String recipient, String recipientAddress,
                         String description, String purpose, LegalBasis basis, boolean accountable, UUID requestId,
                         Instant recordedAt, String recordedBy) {
}
