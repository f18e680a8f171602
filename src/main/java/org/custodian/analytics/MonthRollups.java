package org.custodian.analytics;

/**
 * The SQL that recomputes the monthly roll-ups of some facility-months from the facts. The keys
 * come as two parallel arrays (facility ids, first days of months) bound as parameters, or the
 * whole table is recomputed ({@link #ALL_KEYS}).
 */
final class MonthRollups {
    static final String ALL_KEYS = """
            SELECT DISTINCT facility_id AS f, admit_month AS mo FROM analytics_stay
            UNION SELECT DISTINCT facility_id, discharge_month FROM analytics_stay WHERE discharge_month IS NOT NULL""";
    static final String GIVEN_KEYS = "SELECT * FROM unnest(?::uuid[], ?::date[]) AS k(f, mo)";

    static final String DELETE_MONTHS =
            "DELETE FROM analytics_month m USING (%s) k WHERE m.facility_id = k.f AND m.month = k.mo";
    static final String DELETE_CODES =
            "DELETE FROM analytics_code_month c USING (%s) k WHERE c.facility_id = k.f AND c.month = k.mo";

    static final String INSERT_MONTHS = """
            INSERT INTO analytics_month (facility_id, month, class, encounters, discharges, inpatient_days,
                                         index_stays, readmissions)
            SELECT k.f, k.mo, s.class,
                   count(*) FILTER (WHERE s.admit_month = k.mo),
                   count(*) FILTER (WHERE s.discharge_month = k.mo),
                   coalesce(sum(s.length_of_stay) FILTER (WHERE s.discharge_month = k.mo), 0),
                   count(*) FILTER (WHERE s.discharge_month = k.mo AND s.index_stay),
                   count(*) FILTER (WHERE s.discharge_month = k.mo AND s.readmitted_30)
              FROM (%s) k
              JOIN analytics_stay s ON s.facility_id = k.f AND (s.admit_month = k.mo OR s.discharge_month = k.mo)
             GROUP BY k.f, k.mo, s.class""";

    static final String INSERT_CODES = """
            INSERT INTO analytics_code_month (facility_id, month, kind, code_system, code, display, encounters)
            SELECT k.f, k.mo, 'DIAGNOSIS', d.code_system, d.code, min(d.display), count(DISTINCT d.encounter_id)
              FROM (%1$s) k
              JOIN analytics_stay s ON s.facility_id = k.f AND s.admit_month = k.mo
              JOIN diagnosis d ON d.encounter_id = s.encounter_id
             GROUP BY k.f, k.mo, d.code_system, d.code
            UNION ALL
            SELECT k.f, k.mo, 'PROCEDURE', p.code_system, p.code, min(p.display), count(DISTINCT p.encounter_id)
              FROM (%1$s) k
              JOIN analytics_stay s ON s.facility_id = k.f AND s.admit_month = k.mo
              JOIN procedure_performed p ON p.encounter_id = s.encounter_id
             GROUP BY k.f, k.mo, p.code_system, p.code""";

    static final String KEYS_OF_PATIENTS = """
            SELECT facility_id, admit_month FROM analytics_stay WHERE patient_id = ANY(?::uuid[])
            UNION SELECT facility_id, discharge_month FROM analytics_stay
                   WHERE patient_id = ANY(?::uuid[]) AND discharge_month IS NOT NULL""";

    private MonthRollups() {
    }
}
