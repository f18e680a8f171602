package org.custodian.coding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.record.Diagnosis.PresentOnAdmission;
import org.custodian.terminology.CodeSystem;

/**
 * One assigned code: a diagnosis (principal or secondary, with its POA indicator) or a procedure
 * (with the date it was performed). {@code code} is stored without dot; {@link #display()} adds it.
 */
public record CodedLine(UUID id, Kind kind, CodeSystem system, String code, String description, boolean principal,
                        PresentOnAdmission poa, LocalDate performedOn, String addedBy, Instant addedAt) {
    public enum Kind { DIAGNOSIS, PROCEDURE }

    public String display() {
        return system.display(code);
    }
}
