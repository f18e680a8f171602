package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.coding.CodingFixtures;
import org.custodian.privacy.Role;
import org.custodian.training.TrainingSandbox;
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
 * In real headless Chromium: a trainer creates a set on a sandbox encounter and assigns it; the trainee
 * codes the exercise in the real coding screen, submits it and reads the grade and its explanations;
 * the trainer sees the trainee's result and the common mistakes.
 */
@IntegrationTest
class TrainingJourneyTest extends ChromiumJourney {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TrainingSandbox sandbox;
    @TempDir
    Path codeSets;

    @Test
    void aTrainerAssignsASetTheTraineeCodesItAndBothSeeTheGrade() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        CodingFixtures fixtures = CodingFixtures.of(context);
        fixtures.loadCodeSets(codeSets);
        fixtures.stay(sandbox.ensureFacility(), "Tabitha", "Journeyman" + run, "TJ-" + run);
        fixtures.user("tj.trainer." + run, Role.TRAINER);
        fixtures.user("tj.trainee." + run, Role.TRAINEE);

        signIn("tj.trainer." + run);
        browser.get(url("/training"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Training"));
        browser.findElement(By.id("set-name")).sendKeys("Pneumonia " + run);
        browser.findElement(By.id("set-topic")).sendKeys("Respiratory");
        new Select(browser.findElement(By.id("set-difficulty"))).selectByValue("BEGINNER");
        browser.findElement(By.cssSelector("#new-set button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("set-name"), "Pneumonia " + run));
        browser.findElement(By.id("add-exercise")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "a[aria-label='Use the encounter of Journeyman" + run + ", Tabitha V-TJ-" + run + "']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("exercise-key")));
        browser.findElement(By.id("exercise-title")).sendKeys("Pneumonia stay");
        WebElement key = browser.findElement(By.id("exercise-key"));
        key.clear();
        key.sendKeys("dx J18.9 Y principal -- Pneumonia, unspecified organism\ndx E11.9 Y -- Type 2 diabetes mellitus");
        browser.findElement(By.cssSelector("#new-exercise button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("exercises"), "Pneumonia stay"));
        browser.findElement(By.id("trainee")).sendKeys("tj.trainee." + run);
        browser.findElement(By.cssSelector("#assign button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("trainees"), "tj.trainee." + run));
        screenshot("training-set");
        signOut();

        signIn("tj.trainee." + run);
        browser.get(url("/training"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Start Pneumonia stay']"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("patient-name"), "Journeyman" + run + ", Tabitha"));
        assertThat(browser.findElement(By.cssSelector(".coding-documents")).getText()).contains("right lower lobe pneumonia");
        WebElement code = browser.findElement(By.id("dx-code"));
        code.sendKeys("J18.1");
        new Select(browser.findElement(By.id("dx-poa"))).selectByValue("Y");
        browser.findElement(By.id("dx-principal")).click();
        browser.findElement(By.cssSelector("#add-diagnosis button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("diagnoses"), "J18.1"));
        screenshot("training-coding");

        browser.get(url("/training"));
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[aria-label='Submit Pneumonia stay for grading']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("grade")));
        String findings = browser.findElement(By.id("findings")).getText();
        assertThat(findings).contains("Same category", "You coded J18.1 where the key has J18.9", "Missing code",
                "You did not code the diagnosis E11.9");
        assertThat(browser.findElement(By.id("answer-key")).getText()).contains("J18.9", "E11.9");
        screenshot("training-grade");
        signOut();

        signIn("tj.trainer." + run);
        browser.get(url("/training/sets"));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Pneumonia " + run))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("progress")));
        WebElement row = browser.findElement(By.cssSelector("#progress tr[data-trainee='tj.trainee." + run + "']"));
        assertThat(row.getText()).contains("%");
        assertThat(browser.findElement(By.id("mistakes")).getText()).contains("Missing code", "E11.9");
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-chart]"), "data-drawn", "true"));
        screenshot("training-results");
        row.findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.textToBe(By.id("attempt-trainee"), "tj.trainee." + run));
        assertThat(browser.findElement(By.id("findings")).getText()).contains("Same category");
        assertThat(chromium.severeConsoleMessages()).as("no CSP violations or script errors").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String username) {
        chromium.signIn(port, username, CodingFixtures.PASSWORD);
    }

    private void signOut() {
        chromium.signOut();
    }

    private void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
