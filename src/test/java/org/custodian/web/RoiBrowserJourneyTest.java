package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The release-of-information specialist's journeys in real headless Chromium: a request logged,
 * documents selected, the packet released and found in the accounting; one amendment accepted and
 * appended to the record, another denied with the patient's disagreement and our rebuttal linked.
 */
@IntegrationTest
class RoiBrowserJourneyTest extends ChromiumJourney {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void aRequestBecomesAWatermarkedPacketAndAnEntryInTheAccounting() throws Exception {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("ROIJ-A");
        WebFixtures.Chart chart = fixtures.chart("Philippa", "Ravensworth", LocalDate.of(1961, 7, 4), hospital, "RJ-1");
        signIn(fixtures.user("roij.specialist", Role.ROI_SPECIALIST, hospital));

        findPatient("Ravensworth");
        browser.findElement(By.cssSelector("#patients a.new-request")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("patient-name"), "Ravensworth, Philippa"));
        new Select(browser.findElement(By.id("requesterType"))).selectByValue("LAW_ENFORCEMENT");
        browser.findElement(By.id("requesterName")).sendKeys("Det. Mara Quill");
        browser.findElement(By.id("requesterAddress")).sendKeys("County Sheriff, 2 Court St");
        browser.findElement(By.id("informationRequested")).sendKeys("Discharge summary of the pneumonia admission");
        new Select(browser.findElement(By.id("purpose"))).selectByValue("LAW_ENFORCEMENT");
        browser.findElement(By.cssSelector(".roi-form button[type='submit']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deadline"), "30 days left"));
        assertThat(browser.findElement(By.id("basis")).getText()).contains("Required or permitted by law");
        browser.findElement(By.id("doc-" + chart.dischargeSummary())).click();
        browser.findElement(By.id("save-selection")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"), "Selection saved"));
        browser.findElement(By.id("release")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"), "Released: packet of 2 pages"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Released");

        String packetUrl = browser.findElement(By.cssSelector("#packets a.packet-link")).getAttribute("href");
        String packet = pdfText(packetUrl);
        assertThat(packet).contains("Det. Mara Quill", "Treated with antibiotics", "Page 1 of 2", "Page 2 of 2");
        assertThat(packet.replaceAll("\\s", "")).contains("ReleasedtoDet.MaraQuill");

        browser.findElement(By.id("disclosures-link")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounting"), "Det. Mara Quill"));
        assertThat(browser.findElement(By.id("accounting")).getText()).contains("Discharge summary", "Law enforcement");
        assertThat(pdfText(browser.findElement(By.id("accounting-pdf")).getAttribute("href")))
                .contains("Accounting of disclosures", "Det. Mara Quill");
    }

    @Test
    void oneAmendmentIsAcceptedAndAnotherDeniedWithTheStatementsLinked() {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("ROIJ-B");
        fixtures.chart("Octavius", "Pembleton", LocalDate.of(1955, 2, 14), hospital, "RJ-2");
        signIn(fixtures.user("roij.director", Role.HIM_DIRECTOR, hospital));

        requestAmendment("Pembleton", "Cough started a week earlier than written.", "My own recollection.");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deadline"), "60 days left"));
        browser.findElement(By.id("amendmentText")).sendKeys("Onset of cough corrected to one week before admission.");
        browser.findElement(By.id("namedRecipients")).sendKeys("Dr. Ann Ortho, Lakeside Clinic");
        browser.findElement(By.id("accept")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Accepted"));
        assertThat(browser.findElement(By.cssSelector(".alert.success")).getText()).contains("signed and appended to the record");
        assertThat(browser.findElement(By.id("notified")).getText()).contains("Dr. Ann Ortho, Lakeside Clinic");
        browser.findElement(By.id("amendment-document")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Addendum to Discharge summary"));
        assertThat(browser.findElement(By.cssSelector(".document-body")).getText())
                .contains("Onset of cough corrected", "164.526");
        assertThat(browser.findElement(By.cssSelector(".document-header .badge")).getText()).as("signed, not a draft")
                .isEqualTo("Final");

        requestAmendment("Pembleton", "Remove the pneumonia diagnosis.", "I feel fine.");
        new Select(browser.findElement(By.id("basis"))).selectByValue("ACCURATE_AND_COMPLETE");
        browser.findElement(By.id("explanation")).sendKeys("Chest X-ray confirmed the diagnosis.");
        browser.findElement(By.id("deny")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Denied"));
        assertThat(browser.findElement(By.id("denial-letter")).getText())
                .contains("is denied", "accurate and complete", "Chest X-ray confirmed");
        browser.findElement(By.id("statement")).sendKeys("I dispute the diagnosis.");
        browser.findElement(By.id("link-disagreement")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("disagreement"), "I dispute the diagnosis."));
        browser.findElement(By.id("rebuttalText")).sendKeys("Imaging and labs support pneumonia.");
        browser.findElement(By.id("link-rebuttal")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rebuttal"), "Imaging and labs support pneumonia."));

        browser.get("http://localhost:" + port + "/roi");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Recently decided amendments", "Accepted",
                "Denied");
    }

    private void requestAmendment(String family, String change, String reason) {
        findPatient(family);
        browser.findElement(By.cssSelector("#patients a.new-amendment")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Amendment request"));
        new Select(browser.findElement(By.id("document"))).selectByVisibleText(
                new Select(browser.findElement(By.id("document"))).getOptions().stream()
                        .map(o -> o.getText()).filter(t -> t.startsWith("Discharge summary")).findFirst().orElseThrow());
        browser.findElement(By.id("requestedChange")).sendKeys(change);
        browser.findElement(By.id("reason")).sendKeys(reason);
        browser.findElement(By.cssSelector(".roi-form button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
    }

    private void findPatient(String family) {
        browser.get("http://localhost:" + port + "/roi");
        browser.findElement(By.id("name")).sendKeys(family);
        browser.findElement(By.cssSelector(".search-form button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("patients")));
    }

    private void signIn(String username) {
        chromium.signIn(port, username, PASSWORD);
    }

    /** Fetches a PDF the page links to, in the browser's session, and returns its text. */
    private String pdfText(String url) throws Exception {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
