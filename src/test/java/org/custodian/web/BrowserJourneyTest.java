package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A coder's day in real headless Chromium: sign in, find a patient despite a typo with live
 * search, read the chart, sign out; then the auditor finds that read in the audit report.
 */
@IntegrationTest
class BrowserJourneyTest extends ChromiumJourney {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void aCoderFindsAndReadsAChartAndTheAuditorSeesThatRead() throws IOException {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("BROWSER-H");
        WebFixtures.Chart chart = fixtures.chart("Evangeline", "Fairweather", LocalDate.of(1952, 8, 17), hospital, "B-5001");
        String coder = fixtures.user("browser.coder", Role.CODER, hospital);
        String auditor = fixtures.user("browser.auditor", Role.AUDITOR);

        signIn(coder);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Patient search"));
        assertThat(browser.findElement(By.cssSelector(".who-name")).getText()).isEqualTo("Browser coder");

        // Live search: type a misspelling and wait for htmx to swap in the results, without submitting.
        browser.findElement(By.id("name")).sendKeys("Evangline Fairwether");
        WebElement openChart = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#results a[href='/patients/" + chart.id() + "']")));
        assertThat(browser.findElement(By.id("results")).getText()).contains("Fairweather, Evangeline", "08/17/1952");
        assertThat(browser.getCurrentUrl()).as("the address keeps the search").contains("name=Evangline");
        screenshot("search");

        openChart.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("patient-name"), "Fairweather, Evangeline"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Demographics", "***-**-6789", "12 Elm Street",
                "Encounters", "Inpatient", "Grace Hopperton", "Community-acquired pneumonia",
                "Problems and diagnoses", "J18.9", "Lab results", "Potassium", "LL",
                "Documents", "Discharge summary", "Final");
        screenshot("chart");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        screenshot("chart-print");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        browser.findElement(By.linkText("Discharge summary")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Version history"));
        assertThat(browser.findElement(By.cssSelector(".document-body")).getText()).contains("Treated with antibiotics");
        screenshot("document");

        browser.findElement(By.cssSelector(".sign-out button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "You have signed out"));

        signIn(auditor);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Audit report"));
        browser.findElement(By.id("user")).sendKeys(coder);
        browser.findElement(By.cssSelector("#action option[value='READ']")).click();
        browser.findElement(By.cssSelector(".filter-form button[type='submit']")).click();
        wait.until(ExpectedConditions.urlContains("action=READ"));
        List<WebElement> rows = browser.findElements(By.cssSelector("table.audit tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(rows).anySatisfy(row -> assertThat(row.getText())
                .contains(coder, "Read", "Success", chart.id().toString(), "PatientChart"));
        screenshot("audit");

        assertThat(severeConsoleMessages()).as("no CSP violations or script errors").isEmpty();
    }

    @Test
    void aDirectorSeesTheAnalyticsChartsDrawnWithoutScriptErrors() throws IOException {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("BROWSER-A");
        fixtures.chart("Philippa", "Analytica", LocalDate.of(1961, 2, 3), hospital, "B-6001");
        String director = fixtures.user("browser.director", Role.HIM_DIRECTOR, hospital);

        signIn(director);
        browser.get("http://localhost:" + port + "/analytics");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Analytics"));
        wait.until(d -> d.findElements(By.cssSelector(".chart[data-drawn='true'] canvas")).size()
                == d.findElements(By.cssSelector(".chart")).size());
        assertThat(browser.findElements(By.cssSelector(".chart canvas"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Encounters by month and class", "Length of stay and readmissions", "Outcome measures");
        screenshot("analytics");
        assertThat(severeConsoleMessages()).as("no CSP violations or script errors").isEmpty();
    }

    private void signIn(String username) {
        chromium.signIn(port, username, PASSWORD);
    }

    private void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    private List<String> severeConsoleMessages() {
        return chromium.severeConsoleMessages();
    }
}
