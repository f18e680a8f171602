package org.custodian.analytics;

/**
 * The SQL that derives {@code analytics_stay} from encounters. {@code %1$s} restricts to patients
 * (a {@code patient_id = ANY(?::uuid[])} clause, or {@code TRUE} for all); months are taken in the
 * zone given as the statement's parameters ({@value #ZONES} of them). An encounter's gross charges
 * are the sum of its claims' ({@code encounter_charge}); it is final billed from the month its coding
 * case became final (coded or audited): Custodian drops the bill when coding is final.
 */
final class StayFacts {
    static final int ZONES = 5;
    /** Dispositions that mean the patient died in the stay (free text, UB-04 code 20, HL7 table 0112). */
    private static final String DIED = "lower(coalesce(e.discharge_disposition, '')) ~ '(expired|died|deceased|death|^20$)'";

    static final String INSERT = """
            INSERT INTO analytics_stay (encounter_id, patient_id, facility_id, class, admit_month, discharge_month,
                                        length_of_stay, index_stay, readmitted_30, gross_charges, final_coded_month)
            WITH next_inpatient AS (
                SELECT id, lead(admit_at) OVER (PARTITION BY patient_id ORDER BY admit_at, id) AS next_admit
                  FROM encounter
                 WHERE class = 'INPATIENT' AND cancelled_at IS NULL AND NOT entered_in_error AND %1$s
            ), facts AS (
                SELECT e.id, e.patient_id, e.facility_id, e.class,
                       date_trunc('month', e.admit_at AT TIME ZONE ?)::date AS admit_month,
                       date_trunc('month', e.discharge_at AT TIME ZONE ?)::date AS discharge_month,
                       CASE WHEN e.class = 'INPATIENT' AND e.discharge_at IS NOT NULL
                            THEN greatest(1, (e.discharge_at AT TIME ZONE ?)::date - (e.admit_at AT TIME ZONE ?)::date)
                       END AS length_of_stay,
                       e.class = 'INPATIENT' AND e.discharge_at IS NOT NULL AND NOT (%2$s)
                           AND (p.deceased_at IS NULL OR p.deceased_at > e.discharge_at) AS index_stay,
                       n.next_admit, e.discharge_at,
                       (SELECT sum(c.amount) FROM encounter_charge c WHERE c.encounter_id = e.id) AS gross_charges,
                       (SELECT date_trunc('month', k.coded_at AT TIME ZONE ?)::date FROM coding_case k
                         WHERE k.encounter_id = e.id AND k.status IN ('CODED', 'AUDITED')) AS final_coded_month
                  FROM encounter e
                  JOIN patient p ON p.id = e.patient_id
                  LEFT JOIN next_inpatient n ON n.id = e.id
                 WHERE e.cancelled_at IS NULL AND NOT e.entered_in_error AND %3$s
            )
            SELECT id, patient_id, facility_id, class, admit_month, discharge_month, length_of_stay, index_stay,
                   index_stay AND next_admit IS NOT NULL AND next_admit > discharge_at
                       AND next_admit <= discharge_at + interval '30 days',
                   gross_charges, CASE WHEN discharge_at IS NOT NULL THEN final_coded_month END
              FROM facts""";

    private StayFacts() {
    }

    /** The insert for the given patient filter (a constant clause written here, never user text). */
    static String insert(String patientFilter) {
        return INSERT.formatted(patientFilter, DIED, patientFilter.replace("patient_id", "e.patient_id"));
    }
}
