package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.quality.ChartCompletion;
import org.custodian.quality.Eventually;
import org.custodian.quality.QualityFindings;
import org.custodian.quality.QualityFixtures;
import org.custodian.record.DocumentType;
import org.custodian.record.Facility;
import org.custodian.record.Practitioner;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Chart completion in real headless Chromium: the HIM analyst sees the unsigned discharge summary
 * in the deficiency queue with where and why; the physician signs it from their own queue; the
 * deficiency closes itself and the analyst sees the chart complete and the scorecard count it.
 */
@IntegrationTest
class QualityBrowserJourneyTest extends ChromiumJourney {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void theAnalystSeesTheDeficiencyThePhysicianSignsAndItResolves() throws IOException {
        WebFixtures web = WebFixtures.of(context);
        QualityFixtures fixtures = new QualityFixtures(context);
        Facility hospital = web.hospital("QJOURNEY");
        Practitioner doctor = fixtures.physician("Rosalind", "Franklin");
        QualityFixtures.Chart chart = fixtures.cleanInpatient(hospital, doctor, 12);
        chart.withoutDocument(DocumentType.DISCHARGE_SUMMARY);
        chart.documents.add(QualityFixtures.note(chart, DocumentType.DISCHARGE_SUMMARY, "Discharge summary",
                chart.encounter.dischargeAt(), doctor, false, "Recovered; discharged home on aspirin."));
        fixtures.write(chart);
        QualityFindings findings = context.getBean(QualityFindings.class);
        Eventually.within(Duration.ofSeconds(60), "the unsigned summary is found",
                () -> !findings.openFor(List.of(chart.patientId())).isEmpty());
        String analyst = web.user("journey.analyst", Role.CODER, hospital);
        String physician = web.user("journey.doctor", Role.CLINICIAN, hospital);
        context.getBean(ChartCompletion.class).linkPhysician(physician, doctor.id(), "test");

        signIn(analyst);
        browser.findElement(By.linkText("Chart completion")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Deficiency queue"));
        WebElement section = browser.findElement(By.cssSelector("section[data-encounter='" + chart.encounter.id() + "']"));
        assertThat(section.getText()).contains("Hester Prynne", "Incomplete", "Rosalind Franklin");
        WebElement row = section.findElement(By.cssSelector("tr.deficiency"));
        assertThat(row.findElement(By.cssSelector(".location")).getText()).startsWith("Document 'Discharge summary'");
        assertThat(row.findElement(By.cssSelector(".detail")).getText()).startsWith("The document is not signed");
        screenshot("quality-analyst-queue");
        signOut();

        signIn(physician);
        browser.get("http://localhost:" + port + "/quality");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "My deficiencies"));
        assertThat(browser.findElement(By.cssSelector(".notices")).getText()).contains("The document is not signed");
        WebElement mine = browser.findElement(By.cssSelector("tr.deficiency"));
        assertThat(mine.getText()).contains("Hester Prynne", chart.encounter.visitNumber());
        mine.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"), "Signed: Discharge summary"));
        Eventually.within(Duration.ofSeconds(60), "the deficiency closes itself",
                () -> findings.openFor(List.of(chart.patientId())).isEmpty());
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".result-count"), "Nothing is waiting for you."));
        signOut();

        signIn(analyst);
        browser.get("http://localhost:" + port + "/quality/deficiencies");
        WebElement after = browser.findElement(By.cssSelector("section[data-encounter='" + chart.encounter.id() + "']"));
        assertThat(after.getText()).contains("Complete", "No open deficiencies.");
        browser.findElement(By.linkText("Scorecards")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Chart completion scorecards"));
        WebElement facilityRow = browser.findElement(By.xpath("//table[contains(@class,'scores')]//th[text()='QJOURNEY']/.."));
        assertThat(facilityRow.findElement(By.cssSelector(".completeness")).getText()).isEqualTo("100.0%");
        assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSizeGreaterThanOrEqualTo(8);
        screenshot("quality-scorecards");
    }

    private void signIn(String username) {
        chromium.signIn(port, username, PASSWORD);
    }

    private void signOut() {
        chromium.signOut();
    }

    private void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
