package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.custodian.IntegrationTest;
import org.custodian.coding.CodingFixtures;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A coder works the queue in real headless Chromium: opens the queue, starts coding an encounter,
 * reads its discharge summary, searches and adds codes, sees an edit, fixes it and finalises.
 */
@IntegrationTest
class CodingJourneyTest extends ChromiumJourney {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @TempDir
    Path codeSets;

    @Test
    void aCoderOpensAnEncounterFromTheQueueCodesItFixesAnEditAndFinalises() throws IOException {
        CodingFixtures fixtures = CodingFixtures.of(context);
        fixtures.loadCodeSets(codeSets);
        Facility hospital = fixtures.hospital("JOURNEY-H");
        CodingFixtures.Stay stay = fixtures.stay(hospital, "Philippa", "Quarrington", "CJ-7001");
        fixtures.user("journey.coder", Role.CODER, hospital);

        signIn("journey.coder");
        browser.get("http://localhost:" + port + "/coding");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Coding queue"));
        new Select(browser.findElement(By.id("encounterClass"))).selectByValue("INPATIENT");
        wait.until(ExpectedConditions.urlContains("encounterClass=INPATIENT"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "CJ-7001"));
        assertThat(browser.findElement(By.id("results")).getText()).contains("Quarrington, Philippa", "To code");
        screenshot("coding-queue");
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[aria-label='Start coding Quarrington, Philippa']"))).click();

        wait.until(ExpectedConditions.textToBe(By.id("patient-name"), "Quarrington, Philippa"));
        assertThat(browser.findElement(By.cssSelector(".coding-documents")).getText())
                .contains("Discharge summary", "right lower lobe pneumonia");
        assertThat(browser.findElement(By.id("coding-status")).getText()).isEqualTo("In progress");
        assertThat(browser.findElement(By.id("edits")).getText()).contains("NO_DIAGNOSIS");

        // Search by words, pick the category J18 from the typeahead: a header code, so an edit fires.
        browser.findElement(By.id("dx-code")).sendKeys("pneumonia");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#dx-results button.pick[data-code='J18']"))).click();
        assertThat(browser.findElement(By.id("dx-code")).getAttribute("value")).isEqualTo("J18");
        new Select(browser.findElement(By.id("dx-poa"))).selectByValue("Y");
        browser.findElement(By.id("dx-principal")).click();
        browser.findElement(By.cssSelector("#add-diagnosis button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("edits"), "HEADER_CODE"));
        assertThat(browser.findElement(By.id("edits")).getText()).contains("diagnosis 1 (J18)", "not billable");
        screenshot("coding-edit");

        // Fix it: remove J18 and code the billable J18.9 instead, then a procedure with its date.
        browser.findElement(By.cssSelector("button[aria-label='Remove J18']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button[aria-label='Remove J18']")));
        WebElement code = browser.findElement(By.id("dx-code"));
        code.clear();
        code.sendKeys("J18.9");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#dx-results button.pick[data-code='J18.9']"))).click();
        new Select(browser.findElement(By.id("dx-poa"))).selectByValue("Y");
        if (!browser.findElement(By.id("dx-principal")).isSelected()) {
            browser.findElement(By.id("dx-principal")).click();
        }
        browser.findElement(By.cssSelector("#add-diagnosis button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("diagnoses"), "J18.9"));
        browser.findElement(By.id("px-code")).sendKeys("chest radiography");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#px-results button.pick[data-code='BW03ZZZ']"))).click();
        browser.findElement(By.id("px-date")).sendKeys("03/11/2019");
        browser.findElement(By.cssSelector("#add-procedure button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("procedures"), "BW03ZZZ"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edits-clean")));
        assertThat(browser.findElement(By.id("diagnoses")).getText()).contains("J18.9", "Pneumonia, unspecified organism",
                "Principal");
        screenshot("coding-clean");

        browser.findElement(By.id("finalise")).click();
        wait.until(ExpectedConditions.textToBe(By.id("coding-status"), "Coded"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("The encounter is coded", "Coded by journey.coder");
        screenshot("coding-finalised");
        assertThat(stay.encounterId()).isNotNull();
        assertThat(severeConsoleMessages()).as("no CSP violations or script errors").isEmpty();
    }

    private void signIn(String username) {
        chromium.signIn(port, username, CodingFixtures.PASSWORD);
    }

    private void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    private List<String> severeConsoleMessages() {
        return chromium.severeConsoleMessages();
    }
}
