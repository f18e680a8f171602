package org.custodian.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the browser journeys, driven by Debian's chromium and
 * chromium-driver (the test is skipped, saying so, when they are missing). Each journey starts
 * its own, with a fresh profile, and closes it afterwards.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private HeadlessChromium(Path profile, ChromeDriver driver, WebDriverWait wait) {
        this.profile = profile;
        this.driver = driver;
        this.wait = wait;
    }

    /** Starts Chromium; {@code patience} is how long {@link #await()} waits for a condition. */
    static HeadlessChromium start(Duration patience) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: install Debian packages chromium and chromium-driver "
                        + "(/usr/bin/chromium, /usr/bin/chromedriver)");
        Path profile = Files.createTempDirectory("custodian-chromium");
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
        ChromeDriver driver = new ChromeDriver(service, options);
        return new HeadlessChromium(profile, driver, new WebDriverWait(driver, patience));
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait await() {
        return wait;
    }

    /**
     * Fills in and submits the sign-in form, and waits until the browser has left the sign-in
     * page: a journey that navigates on at once would otherwise race the form's own navigation
     * and arrive signed out.
     */
    void signIn(int port, String username, String password) {
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Signs out with the header's button and waits for the signed-out page. */
    void signOut() {
        driver.findElement(By.cssSelector("form.sign-out button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    /** Saves the whole page, not just the window, as the user would scroll through it. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Number width = (Number) driver.executeScript("return document.documentElement.scrollWidth");
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Console errors so far: CSP violations and script errors show up here. */
    List<String> severeConsoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
