package org.custodian.web;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser journey starts from: a fresh headless Chromium per test, closed afterwards,
 * with a wait patient enough for a machine busy with the rest of the suite.
 */
abstract class ChromiumJourney {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    protected HeadlessChromium chromium;
    protected ChromeDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void startChromium() throws IOException {
        chromium = HeadlessChromium.start(PATIENCE);
        browser = chromium.driver();
        wait = chromium.await();
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }
}
