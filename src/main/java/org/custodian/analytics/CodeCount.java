package org.custodian.analytics;

/** How many encounters of the period recorded this code. */
public record CodeCount(String codeSystem, String code, String display, long encounters) {
    /** A short name for the code system, as coders say it. */
    public String systemName() {
        return switch (codeSystem) {
            case OutcomeMeasure.SNOMED -> "SNOMED CT";
            case OutcomeMeasure.ICD10CM -> "ICD-10-CM";
            case "http://www.cms.gov/Medicare/Coding/ICD10" -> "ICD-10-PCS";
            case "http://www.ama-assn.org/go/cpt" -> "CPT";
            default -> codeSystem.substring(codeSystem.lastIndexOf('/') + 1);
        };
    }
}
