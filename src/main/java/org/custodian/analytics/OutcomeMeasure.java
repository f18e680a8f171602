package org.custodian.analytics;

import java.util.List;

/**
 * Outcome measures over the record, modelled on the eCQMs HIM teams report. The population is
 * living patients of the age range with an active diagnosis from the measure's value set (SNOMED CT
 * as Synthea and most EHRs record problems, or ICD-10-CM by category); the numerator looks at the
 * most recent result.
 */
public enum OutcomeMeasure {
    /** After CMS122: diabetes with the last HbA1c above 9 % (poor control; lower is better). */
    DIABETES_HBA1C_POOR_CONTROL("Diabetes: HbA1c poor control (> 9 %)",
            "Patients 18–75 with active diabetes whose most recent HbA1c is above 9 %. Lower is better; "
                    + "patients without any HbA1c on record are listed with no result.",
            18, 75,
            List.of("44054006", "46635009", "73211009", "190372001", "127013003"),
            List.of("E10", "E11", "E13"),
            false),
    /** After CMS165: hypertension with the last blood pressure below 140/90 (higher is better). */
    HYPERTENSION_BP_CONTROLLED("Hypertension: blood pressure controlled (< 140/90)",
            "Patients 18–85 with active hypertension whose most recent blood pressure is below 140/90 mmHg. "
                    + "Higher is better; patients without a reading count as not controlled.",
            18, 85,
            List.of("59621000", "38341003", "1201005"),
            List.of("I10", "I11", "I12", "I13", "I15", "I16"),
            true);

    static final String SNOMED = "http://snomed.info/sct";
    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    /** HbA1c results (LOINC): mass fraction by any method, by HPLC, by electrophoresis. */
    static final List<String> HBA1C = List.of("4548-4", "17856-6", "4549-2");
    static final String SYSTOLIC = "8480-6";
    static final String DIASTOLIC = "8462-4";

    private final String title;
    private final String definition;
    private final int minAge;
    private final int maxAge;
    private final List<String> snomedCodes;
    private final List<String> icd10Categories;
    private final boolean higherIsBetter;

    OutcomeMeasure(String title, String definition, int minAge, int maxAge, List<String> snomedCodes,
                   List<String> icd10Categories, boolean higherIsBetter) {
        this.title = title;
        this.definition = definition;
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.snomedCodes = snomedCodes;
        this.icd10Categories = icd10Categories;
        this.higherIsBetter = higherIsBetter;
    }

    public String title() {
        return title;
    }

    public String definition() {
        return definition;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static OutcomeMeasure fromSlug(String slug) {
        for (OutcomeMeasure m : values()) {
            if (m.slug().equals(slug)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no outcome measure '" + slug + "'");
    }

    int minAge() {
        return minAge;
    }

    int maxAge() {
        return maxAge;
    }

    List<String> snomedCodes() {
        return snomedCodes;
    }

    List<String> icd10Categories() {
        return icd10Categories;
    }
}
