package org.custodian.analytics;

import java.time.ZoneId;
import java.util.Collection;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the analytics facts and roll-ups in step with the record: per patient after a change, or
 * all at once. Refreshes take one advisory lock, so two of them never race on the same roll-up row.
 */
@Component
class AnalyticsFacts {
    static final int STEPS = 4;
    private static final long LOCK = 0x616e616c79746963L; // "analytic"
    private static final String PATIENTS = "patient_id = ANY(?::uuid[])";

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final String zone;

    AnalyticsFacts(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
        this.zone = ZoneId.systemDefault().getId();
    }

    /**
     * Replaces these patients' facts and moves the roll-ups by the difference: their old
     * contribution is subtracted, their new one added, so the cost is that of their own rows.
     */
    @Transactional
    void refresh(Collection<UUID> patientIds) {
        if (patientIds.isEmpty()) {
            return;
        }
        lock();
        String ids = uuidArray(patientIds);
        adjustRollups(ids, -1);
        client.sql(MonthRollups.DROP_EMPTY_MONTHS).update();
        client.sql(BillingRollups.DROP_EMPTY).update();
        client.sql(MonthRollups.DROP_EMPTY_CODES).param("ids", ids).update();
        jdbc.update("DELETE FROM analytics_code WHERE " + PATIENTS, ids);
        jdbc.update("DELETE FROM analytics_stay WHERE " + PATIENTS, ids);
        jdbc.update(StayFacts.insert(PATIENTS), ids, zone, zone, zone, zone, zone, ids);
        jdbc.update(MonthRollups.INSERT_CODE_FACTS.formatted("s." + PATIENTS), ids, ids);
        adjustRollups(ids, +1);
        jdbc.update("DELETE FROM analytics_measure WHERE " + PATIENTS, ids);
        for (OutcomeMeasure measure : OutcomeMeasure.values()) {
            measureStatement(measure, "p.id = ANY(:ids::uuid[])").param("ids", ids).update();
        }
    }

    /** Throws everything away and derives it again from the whole record, reporting each step done. */
    @Transactional
    void rebuild(IntConsumer stepsDone) {
        lock();
        jdbc.execute("TRUNCATE analytics_stay, analytics_code, analytics_month, analytics_code_month, analytics_measure,"
                + " analytics_billing_month");
        jdbc.update(StayFacts.insert("TRUE"), zone, zone, zone, zone, zone);
        jdbc.execute("ANALYZE analytics_stay");
        stepsDone.accept(1);
        jdbc.update(MonthRollups.BUILD_MONTHS);
        jdbc.update(BillingRollups.BUILD);
        stepsDone.accept(2);
        jdbc.update(MonthRollups.INSERT_CODE_FACTS.formatted("TRUE"));
        jdbc.update(MonthRollups.BUILD_CODES);
        jdbc.execute("ANALYZE analytics_code");
        stepsDone.accept(3);
        for (OutcomeMeasure measure : OutcomeMeasure.values()) {
            measureStatement(measure, "TRUE").update();
        }
        stepsDone.accept(STEPS);
    }

    private void adjustRollups(String ids, int sign) {
        client.sql(MonthRollups.ADD_MONTHS).param("sign", sign).param("ids", ids).update();
        client.sql(MonthRollups.ADD_CODES).param("sign", sign).param("ids", ids).update();
        client.sql(BillingRollups.ADD).param("sign", sign).param("ids", ids).update();
    }

    private JdbcClient.StatementSpec measureStatement(OutcomeMeasure measure, String filter) {
        return client.sql(MeasureFacts.insert(measure, filter))
                .param("measure", measure.name())
                .param("minAge", measure.minAge()).param("maxAge", measure.maxAge())
                .param("snomedSystem", OutcomeMeasure.SNOMED).param("icd10System", OutcomeMeasure.ICD10CM)
                .param("snomed", textArray(measure.snomedCodes()))
                .param("icd10", textArray(measure.icd10Categories()))
                .param("hba1c", textArray(OutcomeMeasure.HBA1C));
    }

    private void lock() {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", LOCK);
    }

    static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static String textArray(Collection<String> values) {
        return values.stream().map(v -> '"' + v + '"').collect(Collectors.joining(",", "{", "}"));
    }
}
