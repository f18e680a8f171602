package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registration desk in real headless Chromium: registering someone already in the index links
 * the new record to them at once (a merge the duplicate review page can undo); a look-alike with
 * another given name is registered and queued for review; a birth date in the future is refused.
 */
@IntegrationTest
class RegistrationJourneyTest extends ChromiumJourney {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private final String family = "Marchbank" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4);
    private final java.util.Random random = new java.util.Random();
    private final LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(25_000));
    private final String ssn = "31" + (1 + random.nextInt(8)) + "-" + (10 + random.nextInt(89)) + "-" + (1000 + random.nextInt(8999));
    private final String phone = "617-555-" + (1000 + random.nextInt(8999));

    @Test
    void aClerkRegistersAKnownPatientALookAlikeAndAnUnbornOne() {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("REG-JOURNEY");
        org.custodian.record.Patient known = new org.custodian.mpi.MpiFixtures(context.getBean(
                org.custodian.record.RecordWriter.class), context.getBean(org.springframework.transaction.support.TransactionTemplate.class))
                .register("Henrietta", family, birth, org.custodian.record.Sex.FEMALE, "12 Elm Street", phone, ssn, hospital,
                        "RJ-" + UUID.randomUUID());
        String clerk = fixtures.user("registration.coder", Role.CODER, hospital);
        chromium.signIn(port, clerk, PASSWORD);

        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Register patient"))).click();
        register("Henrietta", birth, ssn);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Patient registered"));
        assertThat(browser.findElement(By.id("registration-outcome")).getText()).contains("linked");
        assertThat(browser.findElement(By.cssSelector(".registration-match")).getAttribute("data-decision"))
                .isEqualTo("auto-link");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM mpi_merge m JOIN patient r ON r.id = m.retired_id
                 WHERE m.survivor_id = :s AND m.unmerged_at IS NULL AND m.source = 'AUTO_LINK' AND r.family = :f""")
                .param("s", known.id()).param("f", family).query(Long.class).single()).isEqualTo(1);

        browser.findElement(By.linkText("Register another patient")).click();
        register("Harriet", birth, null);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Patient registered"));
        assertThat(browser.findElement(By.id("registration-outcome")).getText()).contains("duplicate review queue");
        assertThat(jdbc.sql("""
                SELECT count(*) FROM mpi_review_task t JOIN patient p ON p.id IN (t.patient_a, t.patient_b)
                 WHERE t.status = 'OPEN' AND t.source = 'REALTIME' AND p.given = 'Harriet' AND p.family = :f""")
                .param("f", family).query(Long.class).single()).isEqualTo(1);

        browser.findElement(By.linkText("Register another patient")).click();
        register("Henrietta", LocalDate.now().plusDays(10), null);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".registration-problems")));
        assertThat(browser.findElement(By.cssSelector(".registration-problems")).getText())
                .contains("birth date", "future");
        assertThat(browser.findElement(By.id("family")).getAttribute("value")).isEqualTo(family);
    }

    private void register(String given, LocalDate born, String ssn) {
        Map<String, String> typed = new java.util.LinkedHashMap<>();
        typed.put("mrn", "RJ-" + UUID.randomUUID());
        typed.put("given", given);
        typed.put("family", family);
        typed.put("address", "12 Elm Street");
        typed.put("city", "Boston");
        typed.put("state", "MA");
        typed.put("zip", "02118");
        typed.put("phone", phone);
        if (ssn != null) {
            typed.put("ssn", ssn);
        }
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Register a patient"));
        typed.forEach((field, value) -> {
            browser.findElement(By.id(field)).clear();
            browser.findElement(By.id(field)).sendKeys(value);
        });
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("birthDate")), born.toString());
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sex"))).selectByValue("FEMALE");
        browser.findElement(By.cssSelector("form.registration-form button[type='submit']")).click();
    }
}
