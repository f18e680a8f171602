package org.custodian.record;

import java.util.Objects;

/** A document together with whose it is, so no screen shows a note without naming its patient. */
public record PatientDocument(Patient patient, ClinicalDocument document) {
    public PatientDocument {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(document, "document");
        if (!patient.id().equals(document.patientId())) {
            throw new IllegalArgumentException("document " + document.id() + " is not this patient's");
        }
    }
}
