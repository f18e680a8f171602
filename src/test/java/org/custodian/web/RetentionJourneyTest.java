package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.Patient;
import org.custodian.retention.RetentionFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The HIM director and the privacy officer in real headless Chromium: a facility schedule set, the
 * records past it seen, one patient put on legal hold, destruction of the rest proposed by the
 * director, approved by the privacy officer, and the certificate downloaded.
 */
@IntegrationTest
class RetentionJourneyTest extends ChromiumJourney {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void aScheduleAHoldAndTwoPeopleDestroyWhatIsPastRetentionWithACertificate() throws Exception {
        RetentionFixtures records = RetentionFixtures.of(context);
        WebFixtures web = WebFixtures.of(context);
        String s = RetentionFixtures.suffix();
        Facility hospital = records.hospital("RETJ" + s);
        String director = web.user("retj.director." + s.toLowerCase(), Role.HIM_DIRECTOR, hospital);
        String privacy = web.user("retj.privacy." + s.toLowerCase(), Role.PRIVACY_OFFICER, hospital);
        Patient litigant = records.patient("Litigant" + s, LocalDate.of(1950, 3, 3), hospital, "HOLD" + s);
        Patient routine = records.patient("Routine" + s, LocalDate.of(1950, 4, 4), hospital, "GONE" + s);
        records.stay(litigant, hospital, LocalDate.of(2014, 2, 2));
        UUID destroyed = records.stay(routine, hospital, LocalDate.of(2014, 3, 3));
        UUID recent = records.stay(routine, hospital, LocalDate.of(2024, 3, 3));

        signIn(director);
        browser.findElement(By.linkText("Retention")).click();
        browser.findElement(By.id("schedules-link")).click();
        new Select(browser.findElement(By.id("type"))).selectByValue("ENCOUNTER");
        new Select(browser.findElement(By.id("facility"))).selectByValue(hospital.id().toString());
        setNumber("yearsAfterLastActivity", "8");
        browser.findElement(By.id("basis")).sendKeys("State rule: 8 years after discharge");
        browser.findElement(By.id("save-schedule")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"), "Schedule saved"));
        assertThat(browser.findElement(By.id("schedules")).getText()).contains(hospital.name(), "8 years after last activity");

        browser.get("http://localhost:" + port + "/retention?facility=" + hospital.id());
        assertThat(browser.findElement(By.id("schedule-applied")).getText()).contains(hospital.name(), "8 years");
        assertThat(browser.findElement(By.id("eligible-count")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("eligible")).getText()).doesNotContain(recent.toString().substring(0, 8));

        WebElement litigantRow = browser.findElement(By.cssSelector("#eligible tr[data-mrn='HOLD" + s + "']"));
        litigantRow.findElement(By.name("matter")).sendKeys("Doe v. " + hospital.name());
        litigantRow.findElement(By.cssSelector("button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"), "Legal hold placed"));
        assertThat(browser.findElement(By.id("eligible-count")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("held")).getText()).contains("HOLD" + s, "Doe v. " + hospital.name());
        assertThat(browser.findElement(By.id("holds")).getText()).contains("Doe v. " + hospital.name());

        browser.findElement(By.id("propose")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("batch-status"), "Proposed"));
        assertThat(browser.findElement(By.id("needs-second")).getText()).contains("another person");
        assertThat(browser.findElements(By.id("approve"))).isEmpty();
        String batchUrl = browser.getCurrentUrl();

        browser.findElement(By.cssSelector("form.sign-out button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        signIn(privacy);
        browser.get(batchUrl);
        browser.findElement(By.id("approve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("batch-status"), "Destroyed"));
        assertThat(browser.findElement(By.id("destroyed-count")).getText()).isEqualTo("1");
        assertThat(records.rows("encounter", "id", destroyed)).isZero();
        assertThat(records.rows("encounter", "id", recent)).isEqualTo(1);

        String certificate = pdfText(browser.findElement(By.id("certificate")).getAttribute("href"));
        assertThat(certificate).contains("Certificate of destruction", "GONE" + s, destroyed.toString(),
                "Authorised by: " + privacy, "Proposed by: " + director);
        assertThat(certificate).doesNotContain("HOLD" + s, "NSTEMI");
        chromium.screenshot("retention-batch");
        assertThat(chromium.severeConsoleMessages()).isEmpty();
    }

    private void setNumber(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private void signIn(String username) {
        chromium.signIn(port, username, PASSWORD);
    }

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
