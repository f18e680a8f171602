package org.custodian.analytics;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.PhiAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Outcome measures per facility, and the patients behind them for follow-up. The counts carry no
 * identifiers; the lists are PHI and go through {@link PhiAccess}: refused without the right to
 * search patients, limited to the user's facilities, and audited as a search.
 */
@Service
public class OutcomeMeasures {
    private final JdbcClient jdbc;
    private final PhiAccess phi;

    OutcomeMeasures(JdbcClient jdbc, PhiAccess phi) {
        this.jdbc = jdbc;
        this.phi = phi;
    }

    /** Every measure at every facility given (facilities without population are listed with zeros). */
    public List<MeasureSummary> summaries(Collection<UUID> facilities) {
        return jdbc.sql("""
                        SELECT m.name AS measure, f.name AS facility,
                               count(a.patient_id) AS population,
                               count(a.patient_id) FILTER (WHERE a.in_numerator) AS numerator,
                               count(a.patient_id) FILTER (WHERE a.last_at IS NULL) AS without_result
                          FROM facility f
                         CROSS JOIN unnest(:measures::text[]) AS m(name)
                          LEFT JOIN analytics_measure a ON a.facility_id = f.id AND a.measure = m.name
                         WHERE f.id = ANY(:f::uuid[])
                         GROUP BY m.name, f.name ORDER BY m.name, f.name""")
                .param("measures", measureArray()).param("f", AnalyticsFacts.uuidArray(facilities))
                .query((rs, i) -> new MeasureSummary(OutcomeMeasure.valueOf(rs.getString("measure")),
                        rs.getString("facility"), rs.getLong("population"), rs.getLong("numerator"),
                        rs.getLong("without_result")))
                .list();
    }

    /**
     * The patients in a measure's population at the facilities asked for (within the user's own),
     * numerator first, for follow-up. Audited as a search naming the measure; a patient whose chart
     * the user may not open (a sensitivity label, a restriction), or with a labelled encounter or document
     * the user may not see (its result may be the one listed), is left out.
     */
    public List<MeasurePatient> patients(CustodianUser user, OutcomeMeasure measure, Collection<UUID> facilities) {
        String detail = "outcome measure " + measure.slug() + " patient list";
        return phi.searchPatientsShowingFacts(user, detail, scope -> jdbc.sql("""
                        SELECT p.id, p.given, p.family, p.birth_date, f.name AS facility, a.in_numerator,
                               a.last_value, a.last_at
                          FROM analytics_measure a
                          JOIN patient p ON p.id = a.patient_id
                          JOIN facility f ON f.id = a.facility_id
                         WHERE a.measure = :measure AND a.facility_id = ANY(:f::uuid[])
                           AND a.facility_id = ANY(:scope::uuid[])
                         ORDER BY a.in_numerator DESC, p.family, p.given, f.name""")
                .param("measure", measure.name()).param("f", AnalyticsFacts.uuidArray(facilities))
                .param("scope", AnalyticsFacts.uuidArray(scope))
                .query((rs, i) -> {
                    OffsetDateTime at = rs.getObject("last_at", OffsetDateTime.class);
                    return new MeasurePatient(rs.getObject("id", UUID.class), rs.getString("given"),
                            rs.getString("family"), rs.getObject("birth_date", java.time.LocalDate.class),
                            rs.getString("facility"), rs.getBoolean("in_numerator"), rs.getString("last_value"),
                            at == null ? null : at.toInstant());
                })
                .list(), MeasurePatient::patientId);
    }

    private static String measureArray() {
        return "{" + String.join(",", java.util.Arrays.stream(OutcomeMeasure.values()).map(Enum::name).toList()) + "}";
    }
}
