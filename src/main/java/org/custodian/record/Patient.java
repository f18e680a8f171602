package org.custodian.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A patient's demographics. The SSN is never held here in clear: it lives encrypted in the database
 * and is read on its own through {@link PatientRepository#socialSecurityNumber}.
 */
public record Patient(
        UUID id,
        String given,
        String family,
        LocalDate birthDate,
        Sex sex,
        Address address,
        String phone,
        Instant deceasedAt) {

    public Patient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        if (given == null || given.isBlank() || family == null || family.isBlank()) {
            throw new IllegalArgumentException("given and family name are required");
        }
        if (address == null) {
            address = Address.NONE;
        }
    }

    public String fullName() {
        return given + " " + family;
    }

    public record Address(String line, String city, String state, String postalCode) {
        public static final Address NONE = new Address(null, null, null, null);
    }
}
