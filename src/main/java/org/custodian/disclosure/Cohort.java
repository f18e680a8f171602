package org.custodian.disclosure;

import java.util.Locale;

/**
 * Which patients a Safe Harbor export takes. Written on the command line as {@code all},
 * {@code facility:CODE} (patients with a record at that facility) or {@code condition:PREFIX}
 * (patients with a diagnosis whose code starts with PREFIX, e.g. {@code condition:E11} or a SNOMED
 * code; the dot in ICD-10-CM codes is ignored).
 */
public sealed interface Cohort {
    String describe();

    record All() implements Cohort {
        public String describe() {
            return "all";
        }
    }

    record AtFacility(String facilityCode) implements Cohort {
        public AtFacility {
            if (facilityCode == null || facilityCode.isBlank()) {
                throw new IllegalArgumentException("cohort facility: needs a facility code, e.g. facility:GENERAL");
            }
            facilityCode = facilityCode.trim().toUpperCase(Locale.ROOT);
        }

        public String describe() {
            return "facility:" + facilityCode;
        }
    }

    record WithCondition(String codePrefix) implements Cohort {
        public WithCondition {
            if (codePrefix == null || codePrefix.isBlank()) {
                throw new IllegalArgumentException("cohort condition: needs a code prefix, e.g. condition:E11");
            }
            codePrefix = codePrefix.trim().replace(".", "").toUpperCase(Locale.ROOT);
        }

        public String describe() {
            return "condition:" + codePrefix;
        }
    }

    /** Reads the command-line form; the error names what is wrong and what would be right. */
    static Cohort parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("cohort is empty; use all, facility:CODE or condition:PREFIX");
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("all")) {
            return new All();
        }
        int colon = t.indexOf(':');
        String kind = colon < 0 ? "" : t.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = colon < 0 ? "" : t.substring(colon + 1);
        return switch (kind) {
            case "facility" -> new AtFacility(value);
            case "condition" -> new WithCondition(value);
            default -> throw new IllegalArgumentException("cohort '" + text
                    + "' is not understood; use all, facility:CODE or condition:PREFIX");
        };
    }
}
