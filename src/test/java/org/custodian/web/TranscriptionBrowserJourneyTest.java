package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.custodian.IntegrationTest;
import org.custodian.transcription.TranscriptionFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Transcription in real headless Chromium: a transcriptionist types a discharge summary from its
 * template, a second transcriptionist passes it in QA, the resident signs, the attending co-signs,
 * and the document is final in the chart.
 */
@IntegrationTest
class TranscriptionBrowserJourneyTest extends ChromiumJourney {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void typedFromATemplatePassedInQaSignedAndCoSignedTheDocumentIsFinalInTheChart() throws IOException {
        TranscriptionFixtures f = new TranscriptionFixtures(context, "tj");
        String resident = f.resident.displayName();
        String attending = f.attending.displayName();

        signIn(f.transcriptionist);
        browser.findElement(By.linkText("Transcription")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Transcription queue"));
        browser.findElement(By.id("new-document")).click();
        new Select(browser.findElement(By.id("template-type"))).selectByVisibleText("Discharge summary");
        browser.findElement(By.id("use-template")).click();
        WebElement body = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("body")));
        assertThat(body.getDomProperty("value")).startsWith("ADMISSION DIAGNOSIS:").contains("HOSPITAL COURSE:");
        browser.findElement(By.id("mrn")).sendKeys(f.chart.mrn);
        browser.findElement(By.id("visit")).sendKeys(f.chart.encounter.visitNumber());
        new Select(browser.findElement(By.id("author"))).selectByVisibleText(resident);
        new Select(browser.findElement(By.id("cosigner"))).selectByVisibleText(attending);
        body.sendKeys("Aspirin and a statin; cardiology follow-up in two weeks.");
        browser.findElement(By.id("save-new")).click();
        wait.until(ExpectedConditions.textToBe(By.id("job-status"), "Transcribing"));
        String jobUrl = browser.getCurrentUrl();
        assertThat(jobUrl).contains("/transcription/jobs/");
        browser.findElement(By.id("submit-qa")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"), "Sent to QA review."));
        chromium.screenshot("transcription-typed");
        signOut();

        signIn(f.reviewer);
        browser.get("http://localhost:" + port + "/transcription?stage=qa");
        WebElement row = browser.findElement(By.cssSelector("tr.job[data-job='" + jobId(jobUrl) + "']"));
        assertThat(row.getText()).contains("Hester Prynne", "QA review", resident, attending);
        row.findElement(By.linkText("Discharge summary")).click();
        assertThat(browser.findElement(By.id("body")).getDomProperty("value"))
                .as("QA reads the text in the editor").contains("cardiology follow-up in two weeks");
        browser.findElement(By.id("qa-pass")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"),
                "QA passed: routed to " + resident + " for signature."));
        signOut();

        signIn(f.residentUser);
        browser.findElement(By.linkText("Transcription")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Documents to sign"));
        browser.findElement(By.cssSelector("tr.job[data-job='" + jobId(jobUrl) + "']")).findElement(By.linkText("Discharge summary")).click();
        browser.findElement(By.id("sign")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"),
                "now waits for " + attending + "'s co-signature"));
        assertThat(browser.findElement(By.id("job-status")).getText()).isEqualTo("Awaiting co-signature");
        signOut();

        signIn(f.attendingUser);
        browser.get("http://localhost:" + port + "/transcription/signatures");
        browser.findElement(By.cssSelector("tr.job[data-job='" + jobId(jobUrl) + "']")).findElement(By.linkText("Discharge summary")).click();
        browser.findElement(By.id("cosign")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"),
                "Co-signed: Discharge summary is final."));
        assertThat(browser.findElement(By.id("job-status")).getText()).isEqualTo("Signed");
        browser.findElement(By.id("in-chart")).click();
        wait.until(ExpectedConditions.textToBe(By.id("document-title"), "Discharge summary"));
        assertThat(browser.findElement(By.cssSelector(".document-header .badge")).getText()).isEqualTo("Final");
        assertThat(browser.findElement(By.cssSelector(".document-body")).getText()).contains("cardiology follow-up in two weeks");
        assertThat(browser.findElement(By.cssSelector("table.data tbody")).getText())
                .contains("signed by " + resident, "co-signed by " + attending);
        chromium.screenshot("transcription-final-in-chart");
        assertThat(chromium.severeConsoleMessages()).isEmpty();
    }

    private static String jobId(String jobUrl) {
        return jobUrl.substring(jobUrl.lastIndexOf('/') + 1);
    }

    private void signIn(String username) {
        chromium.signIn(port, username, TranscriptionFixtures.PASSWORD);
    }

    private void signOut() {
        chromium.signOut();
    }
}
