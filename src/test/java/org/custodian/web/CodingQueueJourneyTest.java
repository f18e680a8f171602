package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.coding.CodingFixtures;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.EncounterClass;
import org.custodian.record.Facility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The coding workqueue end to end in real headless Chromium: the queue filtered by facility, class,
 * age, payer, assignee and status; a case assigned, moved by hand, put on hold by a physician query
 * that the physician answers in their own queue (the answer lands in the chart), finalised, reopened
 * with a reason and finalised again; then a second coder audits it blind and the agreement shows on
 * the productivity page.
 */
@IntegrationTest
class CodingQueueJourneyTest extends ChromiumJourney {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @TempDir
    Path codeSets;

    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);

    @Test
    void aCaseGoesThroughEveryStatusFromTheQueueToAnAuditedAgreement() throws IOException {
        CodingFixtures fixtures = CodingFixtures.of(context);
        fixtures.loadCodeSets(codeSets);
        Facility north = fixtures.hospital("QJN" + run);
        Facility south = fixtures.hospital("QJS" + run);
        CodingFixtures.Stay alma = fixtures.stay(north, "Alma", "Quill" + run, "QJ-A-" + run);
        fixtures.stay(north, "Bert", "Quill" + run, "QJ-B-" + run, EncounterClass.OUTPATIENT);
        fixtures.stay(south, "Cora", "Quill" + run, "QJ-C-" + run);
        String coder = "qj.coder." + run.toLowerCase(Locale.ROOT);
        String auditor = "qj.auditor." + run.toLowerCase(Locale.ROOT);
        String physician = "qj.doctor." + run.toLowerCase(Locale.ROOT);
        fixtures.user(coder, Role.CODER, north, south);
        fixtures.user(auditor, Role.CODER, north);
        fixtures.user(physician, Role.CLINICIAN, north);
        context.getBean(UserAccounts.class).linkPractitioner(physician, alma.attending().id(), "test");
        String almaName = "Quill" + run + ", Alma";

        chromium.signIn(port, coder, CodingFixtures.PASSWORD);
        browser.get(url("/coding"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Coding queue"));
        new Select(browser.findElement(By.id("facility"))).selectByVisibleText(north.name());
        awaitGone("QJ-C-" + run);
        awaitResults("QJ-A-" + run, "QJ-B-" + run);
        new Select(browser.findElement(By.id("encounterClass"))).selectByValue("INPATIENT");
        awaitGone("QJ-B-" + run);
        awaitResults("QJ-A-" + run);
        type("maxAge", "10");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "0 encounters"));
        type("maxAge", "");
        type("minAge", "365");
        wait.until(ExpectedConditions.urlContains("minAge=365"));
        awaitResults("QJ-A-" + run);

        clickSettled(By.cssSelector("button[aria-label='Start coding " + almaName + "']"));
        wait.until(ExpectedConditions.textToBe(By.id("patient-name"), almaName));
        assertThat(status()).isEqualTo("In progress");
        type("payer", "Medicare " + run);
        submit(By.cssSelector("form[action$='/payer'] button"));
        wait.until(ExpectedConditions.attributeToBe(By.id("payer"), "value", "Medicare " + run));
        type("assignee", auditor);
        submit(By.cssSelector("form[action$='/assign'] button"));
        wait.until(ExpectedConditions.attributeToBe(By.id("assignee"), "value", auditor));
        type("assignee", coder);
        submit(By.cssSelector("form[action$='/assign'] button"));
        wait.until(ExpectedConditions.attributeToBe(By.id("assignee"), "value", coder));

        new Select(browser.findElement(By.id("status-to"))).selectByValue("TO_CODE");
        type("status-note", "waiting for the operative report");
        submit(By.id("change-status"));
        wait.until(ExpectedConditions.textToBe(By.id("coding-status"), "To code"));

        browser.get(url("/coding?status=TO_CODE&payer=medicare%20" + run.toLowerCase(Locale.ROOT) + "&assignee=" + coder));
        awaitResults("QJ-A-" + run, "Medicare " + run, "To code", coder);
        assertThat(browser.findElements(By.cssSelector("#results tbody tr"))).hasSize(1);
        chromium.screenshot("coding-queue-filtered");

        browser.get(url("/coding/" + alma.encounterId()));
        new Select(browser.findElement(By.id("query-to"))).selectByValue(alma.attending().id().toString());
        browser.findElement(By.id("query-question")).sendKeys("Which organism caused the pneumonia, if known?");
        submit(By.cssSelector("#queries button[type='submit']"));
        wait.until(ExpectedConditions.textToBe(By.id("coding-status"), "On hold – physician query"));
        browser.get(url("/coding?status=ON_HOLD_QUERY&facility=" + north.id()));
        awaitResults("QJ-A-" + run, "On hold");
        chromium.signOut();

        chromium.signIn(port, physician, CodingFixtures.PASSWORD);
        browser.get(url("/coding"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Documentation queries"));
        WebElement card = browser.findElement(By.xpath("//article[h2='" + almaName + "']"));
        assertThat(card.getText()).contains("Which organism caused the pneumonia", "Asked by " + coder);
        card.findElement(By.tagName("textarea")).sendKeys("Streptococcus pneumoniae on sputum culture.");
        card.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Your answer was filed"));
        chromium.signOut();

        chromium.signIn(port, coder, CodingFixtures.PASSWORD);
        browser.get(url("/patients/" + alma.patient().id()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Physician query response"));
        browser.get(url("/coding/" + alma.encounterId()));
        assertThat(status()).isEqualTo("In progress");
        assertThat(browser.findElement(By.id("queries")).getText())
                .contains("Answer (" + physician + "): Streptococcus pneumoniae on sputum culture.");
        assertThat(browser.findElement(By.cssSelector(".coding-documents")).getText())
                .as("the answer is a document of the encounter now").contains("Streptococcus pneumoniae");
        addDiagnosis("J18.9");
        browser.findElement(By.id("finalise")).click();
        wait.until(ExpectedConditions.textToBe(By.id("coding-status"), "Coded"));

        assertThat(browser.findElement(By.id("status-note")).getAttribute("required")).isNotNull();
        type("status-note", "late culture result changes the organism");
        submit(By.id("change-status"));
        wait.until(ExpectedConditions.textToBe(By.id("coding-status"), "In progress"));
        browser.findElement(By.id("finalise")).click();
        wait.until(ExpectedConditions.textToBe(By.id("coding-status"), "Coded"));
        chromium.signOut();

        chromium.signIn(port, auditor, CodingFixtures.PASSWORD);
        browser.get(url("/coding/audits?size=20"));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[th='" + almaName + "']")));
        row.findElement(By.linkText("Re-code blind")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Blind audit re-code"));
        assertThat(browser.findElements(By.id("diagnoses"))).as("the original codes are not shown").isEmpty();
        addDiagnosis("J18.9");
        addDiagnosis("R05");
        submit(By.xpath("//button[normalize-space()='Complete audit and compare']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Audit completed: 1 of 2 codes agreed."));
        WebElement coderRow = browser.findElement(By.xpath("//table[@id='coders']//tr[th='" + coder + "']"));
        assertThat(coderRow.getText()).contains("50%");
        chromium.screenshot("coding-figures-audited");
        browser.get(url("/coding?status=AUDITED&facility=" + north.id()));
        awaitResults("QJ-A-" + run, "Audited");
        assertThat(chromium.severeConsoleMessages()).as("no CSP violations or script errors").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void awaitResults(String... texts) {
        for (String text : texts) {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), text));
        }
    }

    /** Clicks once the live results stop being swapped under the pointer. */
    private void clickSettled(By target) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(target).click();
            return true;
        });
    }

    private void awaitGone(String text) {
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), text)));
    }

    private String status() {
        return browser.findElement(By.id("coding-status")).getText();
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }

    /** Submits a full-page form and waits until the next page has replaced this one. */
    private void submit(By button) {
        WebElement old = browser.findElement(By.tagName("main"));
        browser.findElement(button).click();
        wait.until(d -> replaced(old));
    }

    /**
     * Whether the element has left the page. While the next page loads, Chromium may answer "node does not
     * belong to the document" rather than "stale element": both say it is gone.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException e) {
            return String.valueOf(e.getMessage()).contains("does not belong to the document");
        }
    }

    private void addDiagnosis(String code) {
        type("dx-code", code);
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#dx-results button.pick[data-code='" + code + "']"))).click();
        new Select(browser.findElement(By.id("dx-poa"))).selectByValue("Y");
        if (!browser.findElement(By.id("dx-principal")).isSelected()
                && browser.findElements(By.cssSelector("#diagnoses tbody tr")).isEmpty()) {
            browser.findElement(By.id("dx-principal")).click();
        }
        browser.findElement(By.cssSelector("#add-diagnosis button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("diagnoses"), code));
    }
}
