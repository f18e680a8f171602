package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.io.IOException;
import java.time.LocalDate;
import org.custodian.IntegrationTest;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.Facility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * In real headless Chromium: an administrator requires two-step sign-in for privacy officers, one
 * enrols with the QR page and must then give a code at sign-in; a clinician breaks the glass on a
 * VIP's record and the privacy officer reviews it.
 */
@IntegrationTest
class PrivacyBrowserJourneyTest extends ChromiumJourney {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    UserAccounts accounts;

    @Test
    void anOfficerRequiredToUseTwoStepSignInEnrolsAndThenMustGiveACode() throws IOException {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("PBJ-M");
        String admin = fixtures.user("pbj.admin", Role.ADMIN);
        String officer = fixtures.user("pbj.officer", Role.PRIVACY_OFFICER, hospital);

        signIn(admin);
        browser.get(url("/admin/mfa"));
        browser.findElement(By.id("role-PRIVACY_OFFICER")).click();
        browser.findElement(By.cssSelector("main form button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Saved"));
        signOut();

        signIn(officer);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Set up two-step sign-in"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Your role requires two-step sign-in");
        assertThat(browser.findElements(By.cssSelector("svg.mfa-qr path.module"))).hasSize(1);
        screenshot("mfa-enrol");
        TestAuthenticator app = new TestAuthenticator(browser.findElement(By.id("mfa-secret")).getText());
        browser.findElement(By.id("code")).sendKeys(app.code(0));
        browser.findElement(By.cssSelector("main form button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Two-step sign-in is on"));
        assertThat(browser.findElements(By.cssSelector(".recovery-codes li"))).hasSize(10);
        browser.findElement(By.id("mfa-continue")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Patient search"));
        signOut();

        signIn(officer);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Two-step sign-in"));
        browser.get(url("/privacy"));
        assertThat(browser.getCurrentUrl()).as("nothing opens before the second step").endsWith("/mfa/verify");
        browser.findElement(By.id("code")).sendKeys(app.code(1));
        browser.findElement(By.cssSelector("main form.stack button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Patient search"));
        browser.get(url("/privacy"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Privacy dashboard"));
        signOut();

        signIn(admin);
        browser.get(url("/admin/mfa"));
        browser.findElement(By.id("role-PRIVACY_OFFICER")).click();
        browser.findElement(By.cssSelector("main form button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Saved"));
    }

    @Test
    void aClinicianBreaksTheGlassAndThePrivacyOfficerReviewsIt() throws IOException {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("PBJ-B");
        WebFixtures.Chart vip = fixtures.chart("Valentina", "Starlight", LocalDate.of(1975, 3, 3), hospital, "PBJ-1");
        String clinician = fixtures.user("pbj.clinician", Role.CLINICIAN, hospital);
        String officer = fixtures.user("pbj.reviewer", Role.PRIVACY_OFFICER, hospital);
        labels.label(accounts.find(officer).orElseThrow(), vip.id(), LabelTarget.PATIENT, vip.id(), SensitivityLabel.VIP);

        signIn(clinician);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Patient search"));
        browser.get(url("/patients/" + vip.id()));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Access denied"));
        assertThat(browser.findElement(By.cssSelector(".decision-steps")).getText())
                .contains("member of PBJ-B", "sensitivity label");
        screenshot("break-glass-denied");
        browser.findElement(By.id("reason")).sendKeys("Patient collapsed in clinic; need medication list");
        browser.findElement(By.id("break-glass")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("patient-name"), "Starlight, Valentina"));
        signOut();

        signIn(officer);
        browser.get(url("/privacy"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Privacy dashboard"));
        String queue = browser.findElement(By.cssSelector("table.break-glass-queue")).getText();
        assertThat(queue).contains("pbj.clinician", "Valentina Starlight", "Patient collapsed in clinic");
        screenshot("privacy-dashboard");
        browser.findElement(By.cssSelector("tr.unreviewed input[name='note']")).sendKeys("Clinic incident report seen");
        browser.findElement(By.cssSelector("tr.unreviewed button[value='APPROPRIATE']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.break-glass-queue"),
                "Clinic incident report seen"));
        assertThat(browser.findElement(By.cssSelector("table.break-glass-queue")).getText()).contains("APPROPRIATE");
    }

    private void signIn(String username) {
        chromium.signIn(port, username, PASSWORD);
    }

    private void signOut() {
        chromium.signOut();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
