package org.custodian.terminology;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The codes of one encounter as {@link CodingEdits#check} takes them: date of service (inpatient:
 * the discharge date), the patient's age in years and sex when known, the setting, the principal
 * diagnosis (absent for a claim still being coded), the secondary diagnoses with their POA
 * indicators, and the procedures (ICD-10-PCS or HCPCS). Codes may be written with or without dots,
 * in any case.
 */
public record EncounterCodes(LocalDate dateOfService, Optional<Integer> ageInYears, Sex sex, Setting setting,
                             Optional<Diagnosis> principal, List<Diagnosis> secondary, List<Procedure> procedures) {
    public EncounterCodes {
        Objects.requireNonNull(dateOfService, "dateOfService");
        Objects.requireNonNull(ageInYears, "ageInYears");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(principal, "principal");
        ageInYears.ifPresent(age -> {
            if (age < 0 || age > 124) {
                throw new IllegalArgumentException("age " + age + " is outside 0 to 124 years, the ages the MCE accepts");
            }
        });
        secondary = List.copyOf(secondary);
        procedures = List.copyOf(procedures);
    }

    /** Every diagnosis, principal first. */
    public List<Diagnosis> diagnoses() {
        return principal.map(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), secondary.stream()).toList())
                .orElse(secondary);
    }

    public enum Sex {
        FEMALE, MALE, UNKNOWN;

        /** F, M, U (or female, male, unknown), any case. */
        public static Sex parse(String text) {
            return switch (text.strip().toUpperCase(Locale.ROOT)) {
                case "F", "FEMALE" -> FEMALE;
                case "M", "MALE" -> MALE;
                case "U", "UNKNOWN", "" -> UNKNOWN;
                default -> throw new IllegalArgumentException("sex '" + text + "' is not F, M or U");
            };
        }
    }

    public enum Setting { INPATIENT, OUTPATIENT }

    /**
     * Present-on-admission indicators (CMS): Y yes, N no, U documentation insufficient, W clinically
     * undetermined, and 1 (reported by some claims for an exempt code in place of a blank).
     */
    public enum Poa {
        Y, N, U, W, EXEMPT;

        public static Poa parse(String text) {
            String t = text.strip().toUpperCase(Locale.ROOT);
            return switch (t) {
                case "Y", "N", "U", "W" -> valueOf(t);
                case "1" -> EXEMPT;
                default -> throw new IllegalArgumentException("POA indicator '" + text + "' is not Y, N, U, W or 1");
            };
        }
    }

    /** A diagnosis code with its POA indicator, empty when none was reported. */
    public record Diagnosis(String code, Optional<Poa> poa) {
        public Diagnosis {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(poa, "poa");
        }

        public static Diagnosis of(String code) {
            return new Diagnosis(code, Optional.empty());
        }

        public static Diagnosis of(String code, Poa poa) {
            return new Diagnosis(code, Optional.of(poa));
        }
    }

    /** A procedure code (ICD-10-PCS or HCPCS). */
    public record Procedure(String code) {
        public Procedure {
            Objects.requireNonNull(code, "code");
        }
    }
}
