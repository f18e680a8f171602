package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A coder's day in real headless Chromium: sign in, find a patient despite a typo with live
 * search, read the chart, sign out; then the auditor finds that read in the audit report.
 */
@IntegrationTest
class BrowserJourneyTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private Path profile;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startChromium() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: install Debian packages chromium and chromium-driver "
                        + "(/usr/bin/chromium, /usr/bin/chromedriver)");
        profile = Files.createTempDirectory("custodian-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        // An explicit driver: Selenium Manager must never download anything.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

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
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
    }

    /** Saves the whole page, not just the window, as the user would scroll through it. */
    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private List<String> severeConsoleMessages() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }
}
