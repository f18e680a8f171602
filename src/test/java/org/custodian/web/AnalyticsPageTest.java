package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.time.Duration;
import java.time.LocalDate;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The analytics dashboard and its CSV exports: who may see them, and figures from a real record. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsPageTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    Facility hospital;
    Facility other;
    String coder;
    WebSession director;

    @BeforeAll
    void aRecordAndADirector() {
        java.sql.Timestamp since = java.sql.Timestamp.from(java.time.Instant.now().minusMillis(1));
        WebFixtures fixtures = WebFixtures.of(context);
        hospital = fixtures.hospital("ANALYTICS-H");
        other = fixtures.hospital("ANALYTICS-O");
        fixtures.chart("Rosalind", "Statistica", LocalDate.of(1958, 7, 25), hospital, "AN-1");
        fixtures.chart("Hidden", "Elsewhere", LocalDate.of(1959, 7, 25), other, "AN-2");
        chargeTheStay("IP-AN-1", "1520.35");
        coder = fixtures.user("analytics.coder", Role.CODER, hospital);
        director = WebSession.signedIn(port, fixtures.user("analytics.director", Role.HIM_DIRECTOR, hospital), PASSWORD);
        // only this class's publications count: an earlier class's may still be pending
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject("SELECT count(*) FROM event_publication "
                + "WHERE completion_date IS NULL AND listener_id LIKE '%AnalyticsListener%' AND publication_date >= ?",
                Long.class, since) == 0);
    }

    @Test
    void aDirectorSeesTheDeliveryFiguresOfTheirFacilitiesOnly() {
        Page page = director.get("/analytics");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Analytics</h1>", "Encounters by month and class", "data-chart=",
                "J18.9", "Pneumonia, unspecified organism", "BW03ZZZ", "No MS-DRG relative weights are loaded",
                "Diabetes: HbA1c poor control")
                .doesNotContain("ANALYTICS-O Hospital");
        assertThat(page.body()).containsPattern("kpi-value\">1</span>\\s*<span class=\"kpi-label\">Inpatient discharges");
        assertThat(page.body()).contains("HIM operations", "Coder productivity and accuracy", "Chart completion",
                "Release-of-information turnaround; 0 pending")
                .as("the inpatient stay and the outpatient visit of 400 days ago both await coding")
                .containsPattern("kpi-value\">2</span>\\s*<span class=\"kpi-label\">In the coding queue now \\(DNFC\\)");
    }

    @Test
    void dnfbShowsCountDollarsAndDaysAndSaysHowManyEncountersLackCharges() {
        String today = LocalDate.now().toString();
        Page page = director.get("/analytics");
        assertThat(page.body()).contains("Discharged, not final billed (DNFB)", "DNFB gross charges", "$1,520",
                "1 of the 2 encounters in DNFB on " + today + " have no charges recorded")
                .containsPattern("kpi-value\">2</span>\\s*<span class=\"kpi-label\">Encounters in DNFB on " + today)
                .as("all DNFB charges were discharged in the last three months: days = days of the window")
                .containsPattern("kpi-value\">\\d{2}\\.0 days</span>");
        Page csv = director.get("/analytics/export/dnfb.csv?facility=ANALYTICS-H");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("facility,month,as_of,dnfb_encounters,dnfb_encounters_without_charges,"
                        + "dnfb_gross_charges,window_gross_revenue,window_days,average_daily_gross_revenue,dnfb_days,"
                        + "discharges,discharges_without_charges\r\n")
                .contains("," + today + ",2,1,1520.35,1520.35,")
                .doesNotContain("ANALYTICS-O");
    }

    @Test
    void exportsAreCsvFilesWithTheSameFigures() {
        Page csv = director.get("/analytics/export/top-diagnoses.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment", "custodian-top-diagnoses-"));
        assertThat(csv.body()).startsWith("code_system,code,description,encounters\r\n")
                .contains("ICD-10-CM,J18.9,\"Pneumonia, unspecified organism\",1\r\n")
                .doesNotContain("S93.401A,\"Sprain of ankle, initial encounter\",2");
        assertThat(director.get("/analytics/export/inpatient-stays.csv").body())
                .startsWith("month,discharges,inpatient_days,average_length_of_stay,index_stays,readmissions_30_day,"
                        + "readmission_rate\r\n");
        assertThat(director.get("/analytics/export/no-such-report.csv").status()).isEqualTo(404);
    }

    @Test
    void aBadPeriodOrSomeoneElsesFacilityIsAClearError() {
        Page badMonth = director.get("/analytics?from=2025-13");
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.body()).contains("&#39;2025-13&#39; in from is not a month like 2026-01");
        Page backwards = director.get("/analytics?from=2025-06&to=2025-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("ends (2025-01) before it starts (2025-06)");
        Page notMine = director.get("/analytics?facility=ANALYTICS-O");
        assertThat(notMine.status()).isEqualTo(400);
        assertThat(notMine.body()).contains("Facility &#39;ANALYTICS-O&#39; is not one of your facilities");
        assertThat(director.get("/analytics/export/top-diagnoses.csv?facility=ANALYTICS-O").status()).isEqualTo(400);
        Page hostile = director.get("/analytics?facility=" + WebSession.enc("<script>alert(1)</script>"));
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.body()).doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void theDeIdentifiedExtractOfAFacilityCarriesNoIdentifiers() throws java.io.IOException {
        assertThat(director.get("/analytics?facility=ANALYTICS-H").body()).contains("/analytics/extract.zip?facility=ANALYTICS-H");
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(
                director.download("/analytics/extract.zip?facility=ANALYTICS-H")))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(files).containsKeys("patients.csv", "encounters.csv", "diagnoses.csv");
        assertThat(files.get("patients.csv")).contains("1958").doesNotContain("1958-07-25");
        assertThat(String.join("\n", files.values())).doesNotContain("Rosalind", "Statistica", "AN-1", "Hidden");
        assertThat(director.get("/analytics/extract.zip?facility=ANALYTICS-O").status())
                .as("another facility's patients").isEqualTo(404);
        assertThat(WebSession.signedIn(port, coder, PASSWORD).get("/analytics/extract.zip?facility=ANALYTICS-H").status())
                .isEqualTo(403);
    }

    private void chargeTheStay(String visitNumber, String amount) {
        java.util.Map<String, Object> stay = jdbc.queryForMap("SELECT id, patient_id FROM encounter WHERE visit_number = ?",
                visitNumber);
        var charge = new org.custodian.record.EncounterCharge(java.util.UUID.randomUUID(), (java.util.UUID) stay.get("patient_id"),
                (java.util.UUID) stay.get("id"), new java.math.BigDecimal(amount), "USD");
        context.getBean(org.springframework.transaction.support.TransactionTemplate.class).executeWithoutResult(s ->
                context.getBean(org.custodian.record.RecordWriter.class).batch()
                        .charge(charge, org.custodian.record.Provenance.now("test", "claim-1", "tester")).flush());
    }

    @Test
    void aCoderHasNoAnalytics() {
        WebSession session = WebSession.signedIn(port, coder, PASSWORD);
        assertThat(session.get("/analytics").status()).isEqualTo(403);
        assertThat(session.get("/analytics/export/top-diagnoses.csv").status()).isEqualTo(403);
    }

    @Test
    void theMeasurePatientListIsAnAuditedSearch() {
        Page page = director.get("/analytics/measures/diabetes-hba1c-poor-control");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Diabetes: HbA1c poor control", "0 patients in the population");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = 'analytics.director' "
                + "AND action = 'SEARCH' AND detail LIKE 'outcome measure diabetes-hba1c-poor-control%'", Long.class))
                .isEqualTo(1);
        assertThat(director.get("/analytics/measures/no-such-measure").status()).isEqualTo(404);
    }
}
