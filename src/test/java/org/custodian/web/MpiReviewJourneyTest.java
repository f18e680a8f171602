package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.mpi.MpiFixtures;
import org.custodian.mpi.PatientMatcher;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.Patient;
import org.custodian.record.RecordWriter;
import org.custodian.record.Sex;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An HIM director's duplicate review in real headless Chromium: a second registration of a patient
 * is flagged in real time, the director compares the pair field by field, merges it (the visits
 * move to the survivor), then undoes the merge and finds both records as they were.
 */
@IntegrationTest
class MpiReviewJourneyTest extends ChromiumJourney {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    PatientMatcher matcher;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDirectorReviewsAFlaggedPairMergesItAndUndoesTheMerge() {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("MPI-JOURNEY");
        WebFixtures.Chart chart = fixtures.chart("Philippa", "Quarrington", LocalDate.of(1947, 4, 9), hospital, "MJ-1");
        Patient second = new MpiFixtures(context.getBean(RecordWriter.class), context.getBean(TransactionTemplate.class))
                .register("Pippa", "Quarington", LocalDate.of(1947, 4, 9), Sex.FEMALE, "12 Elm St", "508-555-0142",
                        WebFixtures.SSN, hospital, "MJ-2");
        assertThat(matcher.flagNewPatient(second.id(), hospital.id(), "REALTIME"))
                .extracting(PatientMatcher.Candidate::patientId).contains(chart.id());
        String director = fixtures.user("mpi.director", Role.HIM_DIRECTOR, hospital);
        String before = rows(chart.id(), second.id());

        signIn(director);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Duplicates"))).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Duplicate review"));
        WebElement pairLink = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//table[contains(@class,'mpi-queue')]//tr[contains(., 'Quarrington') and contains(., 'Quarington')]//a")));
        pairLink.click();

        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Are these one person?"));
        assertThat(browser.findElement(By.cssSelector("tr[data-field='Birth date']")).getAttribute("class"))
                .isEqualTo("mpi-agree");
        assertThat(browser.findElement(By.cssSelector("tr[data-field='Given name']")).getText())
                .contains("Philippa", "Pippa", "nickname");
        assertThat(browser.findElement(By.cssSelector("tr[data-field='Family name']")).getAttribute("class"))
                .isEqualTo("mpi-partial");
        assertThat(browser.findElement(By.cssSelector("tr[data-field='SSN']")).getText()).contains("***-**-6789")
                .doesNotContain("123-45");
        browser.findElement(By.cssSelector("input[name='survivor'][value='" + chart.id() + "']")).click();
        browser.findElement(By.cssSelector("button[value='MERGE']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert"), "Merged"));
        assertThat(count("encounter", chart.id())).isEqualTo(2);
        assertThat(count("patient_identifier", chart.id())).isEqualTo(2);
        assertThat(count("patient_identifier", second.id())).isZero();
        List<WebElement> merges = browser.findElements(By.cssSelector("table.mpi-merges tbody tr"));
        WebElement ours = merges.stream().filter(r -> r.getText().contains(chart.id().toString())).findFirst().orElseThrow();
        assertThat(ours.getText()).contains("mpi.director", "merged");
        ours.findElement(By.cssSelector("button")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert"), "Unmerged"));
        assertThat(rows(chart.id(), second.id())).as("both records exactly as before the merge").isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = :u AND detail LIKE 'unmerge %'")
                .param("u", director).query(Long.class).single()).isEqualTo(2);
    }

    private void signIn(String username) {
        chromium.signIn(port, username, PASSWORD);
    }

    private String rows(UUID a, UUID b) {
        return jdbc.sql("SELECT string_agg(row_to_json(p)::text, '\n' ORDER BY id) FROM patient p WHERE id IN (:a, :b)")
                .param("a", a).param("b", b).query(String.class).single()
                + jdbc.sql("SELECT string_agg(value || '=' || patient_id, ',' ORDER BY value) FROM patient_identifier WHERE patient_id IN (:a, :b)")
                .param("a", a).param("b", b).query(String.class).single()
                + jdbc.sql("SELECT string_agg(id || '=' || patient_id, ',' ORDER BY id) FROM encounter WHERE patient_id IN (:a, :b)")
                .param("a", a).param("b", b).query(String.class).single();
    }

    private long count(String table, UUID patient) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE patient_id = :p").param("p", patient)
                .query(Long.class).single();
    }
}
