package org.custodian.record;

/** A code with its system (e.g. ICD-10-CM, SNOMED CT, LOINC) and its human-readable display. */
public record CodedValue(String system, String code, String display) {
    public CodedValue {
        if (system == null || system.isBlank() || code == null || code.isBlank()) {
            throw new IllegalArgumentException("a coded value needs a system and a code");
        }
        display = display == null ? code : display;
    }
}
