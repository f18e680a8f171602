package org.custodian.record;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One row of a patient search: enough to tell patients apart, nothing more. */
public record PatientSummary(UUID id, String given, String family, LocalDate birthDate, Sex sex,
                             List<String> mrns, double score) {
    public PatientSummary {
        mrns = List.copyOf(mrns);
    }

    public String fullName() {
        return given + " " + family;
    }
}
