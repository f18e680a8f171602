package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.coding.CodingFixtures;
import org.custodian.privacy.Role;
import org.custodian.training.TrainingSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In real headless Chromium: a trainer loads synthetic patients into the training sandbox from the
 * browser; Synthea runs in the background while the page polls the load's progress with htmx, until
 * it reports the patients loaded. The load is audited under training's tag.
 */
@IntegrationTest
class TrainingSandboxJourneyTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TrainingSandbox sandbox;
    @Autowired
    JdbcTemplate jdbc;

    private HeadlessChromium chromium;

    @AfterEach
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aTrainerFillsTheSandboxFromTheBrowserAndWatchesTheLoadToTheEnd() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("target", "synthea-lib")), "Synthea is not built in target/synthea-lib");
        String run = UUID.randomUUID().toString().substring(0, 6);
        CodingFixtures fixtures = CodingFixtures.of(context);
        String trainer = "sj.trainer." + run;
        fixtures.user(trainer, Role.TRAINER);
        long before = sandbox.patients();
        chromium = HeadlessChromium.start(Duration.ofSeconds(20));
        ChromeDriver browser = chromium.driver();
        WebDriverWait wait = chromium.await();

        chromium.signIn(port, trainer, CodingFixtures.PASSWORD);
        browser.get(url("/training/sets"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sandbox-link"))).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Training sandbox"));
        WebElement patients = browser.findElement(By.id("sandbox-patients-input"));
        patients.clear();
        patients.sendKeys("2");
        WebElement seed = browser.findElement(By.id("sandbox-seed"));
        seed.clear();
        seed.sendKeys(Long.toString(100_000 + (long) (Math.random() * 1_000_000)));
        browser.findElement(By.id("load-sandbox")).click();

        WebElement load = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sandbox-load")));
        assertThat(load.getText()).contains("Started by " + trainer + ": 2 patients");
        chromium.screenshot("training-sandbox-loading");
        new WebDriverWait(browser, Duration.ofMinutes(15)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(
                By.id("sandbox-load"), "data-status", "DONE"));
        String status = browser.findElement(By.id("sandbox-load-status")).getText();
        assertThat(status).startsWith("Done: ").contains("0 rejected");
        assertThat(browser.findElement(By.id("sandbox-load")).getAttribute("hx-trigger"))
                .as("a finished load stops polling").isNull();
        assertThat(sandbox.patients()).isGreaterThanOrEqualTo(before + 2);
        chromium.screenshot("training-sandbox-done");
        assertThat(chromium.severeConsoleMessages()).as("no CSP violations or script errors").isEmpty();

        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE username = ? AND resource_type = 'Training'"
                + " AND detail LIKE 'training: sandbox load%' ORDER BY seq", String.class, trainer))
                .hasSize(2).first().asString().startsWith("training: sandbox load started: 2 synthetic patients");
    }

    @Test
    void aBadCountIsAClearErrorAndATraineeMayNotLoad() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        CodingFixtures fixtures = CodingFixtures.of(context);
        fixtures.user("sj.trainer2." + run, Role.TRAINER);
        fixtures.user("sj.trainee." + run, Role.TRAINEE);
        WebSession trainer = WebSession.signedIn(port, "sj.trainer2." + run, CodingFixtures.PASSWORD);
        assertThat(trainer.get("/training/sandbox").body()).contains("Load sandbox");

        WebSession.Page none = trainer.postWithToken("/training/sandbox/loads", Map.of("patients", "0"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("Patients must be between 1 and 1000, not 0");
        WebSession.Page words = trainer.postWithToken("/training/sandbox/loads", Map.of("patients", "ten"));
        assertThat(words.body()).contains("&#39;ten&#39; in patients is not a whole number");
        assertThat(trainer.get("/training/sandbox/loads/" + UUID.randomUUID()).status()).isEqualTo(404);

        WebSession trainee = WebSession.signedIn(port, "sj.trainee." + run, CodingFixtures.PASSWORD);
        assertThat(trainee.get("/training/sandbox").status()).isEqualTo(403);
        trainee.get("/training");
        assertThat(trainee.postWithToken("/training/sandbox/loads", Map.of("patients", "2")).status()).isEqualTo(403);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
