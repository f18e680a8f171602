package org.custodian.analytics;

/**
 * The SQL that derives {@code analytics_measure} rows: one per measure, facility where the patient
 * has a record (however many MRNs it holds there), and patient in the measure's population. Named parameters: {@code :measure},
 * {@code :minAge}, {@code :maxAge}, {@code :snomed}, {@code :icd10}, {@code :snomedSystem},
 * {@code :icd10System}, {@code :hba1c}, and {@code :ids} when restricted to patients.
 */
final class MeasureFacts {
    private static final String POPULATION = """
            FROM patient p
            CROSS JOIN LATERAL (SELECT DISTINCT facility_id FROM patient_identifier
                                 WHERE patient_id = p.id) pi
            %s
            WHERE %s
              AND p.deceased_at IS NULL
              AND extract(year FROM age(current_date, p.birth_date)) BETWEEN :minAge AND :maxAge
              AND EXISTS (SELECT 1 FROM diagnosis d
                           WHERE d.patient_id = p.id AND d.resolved_at IS NULL AND NOT d.entered_in_error
                             AND ((d.code_system = :snomedSystem AND d.code = ANY(:snomed::text[]))
                               OR (d.code_system = :icd10System
                                   AND left(upper(replace(d.code, '.', '')), 3) = ANY(:icd10::text[]))))""";

    private static final String LAST_HBA1C = """
            LEFT JOIN LATERAL (SELECT o.value_numeric, o.observed_at FROM observation o
                                WHERE o.patient_id = p.id AND NOT o.entered_in_error AND o.loinc_code = ANY(:hba1c::text[])
                                  AND o.value_numeric IS NOT NULL
                                ORDER BY o.observed_at DESC LIMIT 1) r ON true""";

    private static final String LAST_BLOOD_PRESSURE = """
            LEFT JOIN LATERAL (SELECT s.value_numeric AS systolic, s.observed_at,
                                      (SELECT d.value_numeric FROM observation d
                                        WHERE d.patient_id = p.id AND NOT d.entered_in_error AND d.loinc_code = '%s'
                                          AND d.observed_at = s.observed_at AND d.value_numeric IS NOT NULL
                                        LIMIT 1) AS diastolic
                                 FROM observation s
                                WHERE s.patient_id = p.id AND NOT s.entered_in_error AND s.loinc_code = '%s' AND s.value_numeric IS NOT NULL
                                ORDER BY s.observed_at DESC LIMIT 1) r ON true"""
            .formatted(OutcomeMeasure.DIASTOLIC, OutcomeMeasure.SYSTOLIC);

    private MeasureFacts() {
    }

    /** The insert for one measure; {@code patientFilter} is a constant clause on {@code p.id}. */
    static String insert(OutcomeMeasure measure, String patientFilter) {
        String head = "INSERT INTO analytics_measure (measure, facility_id, patient_id, in_numerator, last_value, last_at) ";
        return switch (measure) {
            case DIABETES_HBA1C_POOR_CONTROL -> head + """
                    SELECT :measure, pi.facility_id, p.id, coalesce(r.value_numeric > 9, false),
                           trim_scale(r.value_numeric)::text || ' %', r.observed_at
                    """ + POPULATION.formatted(LAST_HBA1C, patientFilter);
            case HYPERTENSION_BP_CONTROLLED -> head + """
                    SELECT :measure, pi.facility_id, p.id, coalesce(r.systolic < 140 AND r.diastolic < 90, false),
                           CASE WHEN r.systolic IS NOT NULL THEN round(r.systolic)::text || '/'
                                || coalesce(round(r.diastolic)::text, '?') || ' mmHg' END, r.observed_at
                    """ + POPULATION.formatted(LAST_BLOOD_PRESSURE, patientFilter);
        };
    }
}
