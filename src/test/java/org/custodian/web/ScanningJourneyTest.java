package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.scanning.ScanSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scanned paper in real headless Chromium: a clerk uploads a PDF and indexes it to the wrong
 * patient; the QA reviewer sees page 1, flags it as the wrong patient and moves it to the right
 * chart; the history shows the move and the right chart lists the scan, the wrong one no longer.
 */
@IntegrationTest
class ScanningJourneyTest extends ChromiumJourney {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path folder;

    @Test
    void aScanFiledToTheWrongPatientIsFlaggedByQaAndMovedToTheRightChartWithItsHistory() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("SCJ-" + suffix.toUpperCase(Locale.ROOT));
        WebFixtures.Chart wrong = fixtures.chart("Wendell", "Wrongly", LocalDate.of(1950, 6, 1), hospital, "W" + suffix);
        WebFixtures.Chart right = fixtures.chart("Rita", "Rightly", LocalDate.of(1955, 7, 2), hospital, "R" + suffix);
        String clerk = fixtures.user("scan.clerk." + suffix, Role.CODER, hospital);
        String reviewer = fixtures.user("scan.qa." + suffix, Role.HIM_DIRECTOR, hospital);
        Path pdf = folder.resolve("discharge-" + suffix + ".pdf");
        Files.write(pdf, ScanSamples.pdf(2, "Discharge summary for Rita Rightly " + suffix));

        chromium.signIn(port, clerk, PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Scanning"))).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Scanning"));
        browser.findElement(By.id("files")).sendKeys(pdf.toString());
        browser.findElement(By.id("upload")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accepted"), pdf.getFileName() + ": PDF, 2 pages"));

        browser.findElement(By.linkText(pdf.getFileName().toString())).click();
        wait.until(ExpectedConditions.textToBe(By.id("scan-status"), "Not indexed"));
        assertThat(browser.findElement(By.id("pages")).getText()).isEqualTo("2");
        assertPreviewShows();
        chooseChart("W" + suffix, "Wrongly");
        new Select(browser.findElement(By.id("type"))).selectByVisibleText("Discharge summary");
        setDate("2025-10-01");
        browser.findElement(By.id("file-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"), "Indexed"));
        browser.findElement(By.cssSelector("form.sign-out button")).click();

        chromium.signIn(port, reviewer, PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Scanning"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("QA queue"))).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Scan QA"));
        browser.findElement(By.xpath("//table[contains(@class,'scan-qa')]//a[contains(., 'Wrongly') and contains(., 'W"
                + suffix + "')]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("scan-status"), "Awaiting QA"));
        assertPreviewShows();
        new Select(browser.findElement(By.id("flag-reason"))).selectByVisibleText("Wrong patient");
        browser.findElement(By.id("flag-comment")).sendKeys("Page 1 names Rita Rightly.");
        browser.findElement(By.id("flag-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flag"), "Wrong patient"));
        assertThat(browser.findElement(By.id("scan-status")).getText()).isEqualTo("Flagged");

        chooseChart("R" + suffix, "Rightly");
        new Select(browser.findElement(By.id("type"))).selectByVisibleText("Discharge summary");
        setDate("2025-10-01");
        browser.findElement(By.id("move-reason")).sendKeys("The summary is Rita Rightly's.");
        browser.findElement(By.id("file-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"), "Moved"));

        WebElement move = browser.findElement(By.cssSelector("table.scan-history tr[data-action='MOVED']"));
        assertThat(move.getText()).contains(reviewer, "Moved", "Wrongly, Wendell", "Rightly, Rita",
                "Wrong patient: The summary is Rita Rightly's.");
        assertThat(browser.findElements(By.cssSelector("table.scan-history tbody tr"))).extracting(r -> r.getAttribute("data-action"))
                .containsExactly("INDEXED", "FLAGGED", "MOVED");
        assertThat(browser.findElement(By.id("filing")).getText()).contains("Rightly, Rita");

        browser.findElement(By.cssSelector("#filing a")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("scanned-documents"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Rightly, Rita"));
        assertThat(browser.findElement(By.cssSelector("table.scan-chart")).getText())
                .contains("Discharge summary", "10/01/2025", pdf.getFileName().toString(), "Confirmed");
        browser.get("http://localhost:" + port + "/scanning/patients/" + wrong.id());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Wrongly, Wendell"));
        assertThat(browser.findElement(By.cssSelector("main")).getText())
                .contains("No scanned documents are filed to this chart.");

        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE username = :u AND resource_type = 'ScannedDocument'"
                        + " AND action = 'UPDATE' AND patient_id IN (:a, :b) AND detail LIKE 'moved %'")
                .param("u", reviewer).param("a", wrong.id()).param("b", right.id()).query(Long.class).single())
                .as("the move is audited against both charts").isEqualTo(2);
        assertThat(chromium.severeConsoleMessages()).as("no CSP violations or script errors").isEmpty();
    }

    private void chooseChart(String mrn, String family) {
        WebElement field = browser.findElement(By.id("mrn"));
        field.clear();
        field.sendKeys(mrn);
        browser.findElement(By.id("find")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[@class='scan-matches']//a[contains(., '"
                + family + "')]"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chosen"), family));
        new Select(browser.findElement(By.id("encounter"))).selectByIndex(1);
    }

    private void setDate(String isoDate) {
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("date")), isoDate);
    }

    private void assertPreviewShows() {
        WebElement preview = browser.findElement(By.cssSelector(".scan-preview img"));
        wait.until(driver -> ((Number) browser.executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", preview)).intValue() > 0);
        assertThat(((Number) browser.executeScript("return arguments[0].naturalWidth", preview)).intValue())
                .as("page 1 is rendered to a PNG").isBetween(600, 800);
    }
}
