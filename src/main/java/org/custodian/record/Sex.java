package org.custodian.record;

import java.util.Locale;

/** Administrative sex as registered (FHIR AdministrativeGender, HL7 v2 table 0001). */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN;

    /** Reads FHIR codes (female, male, other, unknown) and HL7 v2 codes (F, M, O, U, A, N). */
    public static Sex fromCode(String code) {
        if (code == null || code.isBlank()) {
            return UNKNOWN;
        }
        return switch (code.trim().toUpperCase(Locale.ROOT)) {
            case "F", "FEMALE" -> FEMALE;
            case "M", "MALE" -> MALE;
            case "O", "OTHER", "A", "N" -> OTHER;
            case "U", "UNKNOWN" -> UNKNOWN;
            default -> throw new IllegalArgumentException("unknown sex code: " + code);
        };
    }
}
