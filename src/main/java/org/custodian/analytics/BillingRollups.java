package org.custodian.analytics;

/**
 * The SQL that keeps {@code analytics_billing_month}: discharged encounters by facility, month of
 * discharge and month they became final billed ({@code 'infinity'} while not), with their gross
 * charges. Built whole ({@link #BUILD}) or moved by one set of patients' contribution
 * ({@link #ADD} with {@code :sign} and {@code :ids}), as {@link MonthRollups} does.
 */
final class BillingRollups {
    private static final String CONTRIBUTIONS = """
            SELECT facility_id, discharge_month, coalesce(final_coded_month, 'infinity'::date) AS final_month,
                   count(*) AS encounters, count(*) FILTER (WHERE gross_charges IS NULL) AS without_charges,
                   coalesce(sum(gross_charges), 0) AS gross_charges
              FROM analytics_stay WHERE discharge_month IS NOT NULL AND %s GROUP BY 1, 2, 3""";

    static final String BUILD = """
            INSERT INTO analytics_billing_month (facility_id, discharge_month, final_month, encounters,
                                                 without_charges, gross_charges)
            """ + CONTRIBUTIONS.formatted("TRUE");

    static final String ADD = """
            INSERT INTO analytics_billing_month (facility_id, discharge_month, final_month, encounters,
                                                 without_charges, gross_charges)
            SELECT facility_id, discharge_month, final_month, :sign * encounters, :sign * without_charges,
                   :sign * gross_charges
              FROM (%s) c
            ON CONFLICT (facility_id, discharge_month, final_month) DO UPDATE SET
                encounters = analytics_billing_month.encounters + EXCLUDED.encounters,
                without_charges = analytics_billing_month.without_charges + EXCLUDED.without_charges,
                gross_charges = analytics_billing_month.gross_charges + EXCLUDED.gross_charges"""
            .formatted(CONTRIBUTIONS.formatted("patient_id = ANY(:ids::uuid[])"));

    static final String DROP_EMPTY = "DELETE FROM analytics_billing_month WHERE encounters = 0";

    private BillingRollups() {
    }
}
