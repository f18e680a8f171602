package org.custodian.analytics;

/**
 * The SQL that keeps the monthly roll-ups: built whole from the facts ({@link #BUILD_MONTHS},
 * {@link #BUILD_CODES}), or moved by one set of patients' contribution, subtracted before their
 * facts are replaced and added after ({@link #ADD_MONTHS}, {@link #ADD_CODES} with {@code :sign}
 * -1 or +1 and {@code :ids}). Rows that fall to zero are removed ({@link #DROP_EMPTY_MONTHS},
 * {@link #DROP_EMPTY_CODES}), so a refresh costs what the patients' own facts cost.
 */
final class MonthRollups {
    private static final String MONTH_CONTRIBUTIONS = """
            SELECT facility_id, month, class, sum(encounters) AS encounters, sum(discharges) AS discharges,
                   sum(days) AS days, sum(index_stays) AS index_stays, sum(readmissions) AS readmissions
              FROM (SELECT facility_id, admit_month AS month, class, count(*) AS encounters, 0 AS discharges,
                           0 AS days, 0 AS index_stays, 0 AS readmissions
                      FROM analytics_stay WHERE %1$s GROUP BY 1, 2, 3
                    UNION ALL
                    SELECT facility_id, discharge_month, class, 0, count(*), coalesce(sum(length_of_stay), 0),
                           count(*) FILTER (WHERE index_stay), count(*) FILTER (WHERE readmitted_30)
                      FROM analytics_stay WHERE discharge_month IS NOT NULL AND %1$s GROUP BY 1, 2, 3) c
             GROUP BY 1, 2, 3""";

    static final String BUILD_MONTHS = """
            INSERT INTO analytics_month (facility_id, month, class, encounters, discharges, inpatient_days,
                                         index_stays, readmissions)
            """ + MONTH_CONTRIBUTIONS.formatted("TRUE");

    static final String ADD_MONTHS = """
            INSERT INTO analytics_month (facility_id, month, class, encounters, discharges, inpatient_days,
                                         index_stays, readmissions)
            SELECT facility_id, month, class, :sign * encounters, :sign * discharges, :sign * days,
                   :sign * index_stays, :sign * readmissions
              FROM (%s) c
            ON CONFLICT (facility_id, month, class) DO UPDATE SET
                encounters = analytics_month.encounters + EXCLUDED.encounters,
                discharges = analytics_month.discharges + EXCLUDED.discharges,
                inpatient_days = analytics_month.inpatient_days + EXCLUDED.inpatient_days,
                index_stays = analytics_month.index_stays + EXCLUDED.index_stays,
                readmissions = analytics_month.readmissions + EXCLUDED.readmissions"""
            .formatted(MONTH_CONTRIBUTIONS.formatted("patient_id = ANY(:ids::uuid[])"));

    static final String DROP_EMPTY_MONTHS = """
            DELETE FROM analytics_month
             WHERE encounters = 0 AND discharges = 0 AND inpatient_days = 0 AND index_stays = 0 AND readmissions = 0""";

    /** Derives the code facts; {@code %s} restricts to patients ({@code s.patient_id = ANY(...)}) or is TRUE. */
    static final String INSERT_CODE_FACTS = """
            INSERT INTO analytics_code (encounter_id, patient_id, facility_id, month, kind, code_system, code, display)
            SELECT s.encounter_id, s.patient_id, s.facility_id, s.admit_month, 'DIAGNOSIS', d.code_system, d.code,
                   min(d.display)
              FROM analytics_stay s JOIN diagnosis d ON d.encounter_id = s.encounter_id AND NOT d.entered_in_error
             WHERE %1$s
             GROUP BY s.encounter_id, s.patient_id, s.facility_id, s.admit_month, d.code_system, d.code
            UNION ALL
            SELECT s.encounter_id, s.patient_id, s.facility_id, s.admit_month, 'PROCEDURE', p.code_system, p.code,
                   min(p.display)
              FROM analytics_stay s JOIN procedure_performed p ON p.encounter_id = s.encounter_id AND NOT p.entered_in_error
             WHERE %1$s
             GROUP BY s.encounter_id, s.patient_id, s.facility_id, s.admit_month, p.code_system, p.code""";

    private static final String CODE_CONTRIBUTIONS = """
            SELECT facility_id, month, kind, code_system, code, min(display) AS display, count(*) AS encounters
              FROM analytics_code WHERE %s GROUP BY facility_id, month, kind, code_system, code""";

    static final String BUILD_CODES = """
            INSERT INTO analytics_code_month (facility_id, month, kind, code_system, code, display, encounters)
            """ + CODE_CONTRIBUTIONS.formatted("TRUE");

    static final String ADD_CODES = """
            INSERT INTO analytics_code_month (facility_id, month, kind, code_system, code, display, encounters)
            SELECT facility_id, month, kind, code_system, code, display, :sign * encounters FROM (%s) c
            ON CONFLICT (facility_id, month, kind, code_system, code) DO UPDATE SET
                encounters = analytics_code_month.encounters + EXCLUDED.encounters"""
            .formatted(CODE_CONTRIBUTIONS.formatted("patient_id = ANY(:ids::uuid[])"));

    /** Run after subtracting and before the patients' code facts are replaced: their keys are still known. */
    static final String DROP_EMPTY_CODES = """
            DELETE FROM analytics_code_month m
             USING (SELECT DISTINCT facility_id, month, kind, code_system, code FROM analytics_code
                     WHERE patient_id = ANY(:ids::uuid[])) c
             WHERE m.encounters = 0 AND m.facility_id = c.facility_id AND m.month = c.month AND m.kind = c.kind
               AND m.code_system = c.code_system AND m.code = c.code""";

    private MonthRollups() {
    }
}
