package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.io.IOException;
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

/**
 * An administrator's day in real headless Chromium: create an account with a temporary password,
 * which the new user must replace at first sign-in; then disable it, which signs the user out of
 * the session they have open at once.
 */
@IntegrationTest
class AdminUsersJourneyTest extends ChromiumJourney {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void anAdministratorCreatesAnAccountItsOwnerSetsAPasswordAndADisabledAccountIsSignedOutAtOnce() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        WebFixtures fixtures = WebFixtures.of(context);
        Facility clinic = fixtures.hospital("AUJ-" + run.toUpperCase());
        String admin = fixtures.user("auj.admin." + run, Role.ADMIN);
        String newcomer = "auj.coder." + run;

        chromium.signIn(port, admin, PASSWORD);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Users"));
        browser.findElement(By.id("new-user")).click();
        browser.findElement(By.id("username")).sendKeys(newcomer);
        browser.findElement(By.id("displayName")).sendKeys("Nia <b>Newcomer</b>");
        browser.findElement(By.id("role-CODER")).click();
        browser.findElement(By.id("facility-" + clinic.code())).click();
        browser.findElement(By.id("create-user")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("temporary-password")));
        String temporary = browser.findElement(By.id("temporary-password")).getText();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nia <b>Newcomer</b>");
        assertThat(browser.findElement(By.id("user-status")).getText()).contains("Must change the temporary password");
        chromium.screenshot("admin-user-created");
        chromium.signOut();

        chromium.signIn(port, newcomer, temporary);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Change password"));
        browser.get("http://localhost:" + port + "/patients");
        assertThat(browser.getCurrentUrl()).as("nothing opens before the password is changed").endsWith("/account/password");
        browser.findElement(By.id("current")).sendKeys(temporary);
        browser.findElement(By.id("replacement")).sendKeys("Nia's own passphrase");
        browser.findElement(By.id("confirmation")).sendKeys("Nia's own passphrase");
        browser.findElement(By.id("change-password")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Patient search"));
        assertThat(browser.findElement(By.cssSelector(".who-facilities")).getText()).contains(clinic.name());

        WebSession administrator = WebSession.signedIn(port, admin, PASSWORD);
        administrator.open("/admin/users/" + newcomer);
        WebSession.Page disabled = administrator.postWithToken("/admin/users/" + newcomer + "/disable",
                java.util.Map.of("reason", "left the organisation"));
        assertThat(disabled.location()).endsWith("/admin/users/" + newcomer);
        assertThat(administrator.open("/admin/users/" + newcomer).body()).contains("Disabled: left the organisation");

        browser.navigate().refresh();
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(newcomer);
        browser.findElement(By.id("password")).sendKeys("Nia's own passphrase");
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(ExpectedConditions.urlContains("/login?error"));
        assertThat(chromium.severeConsoleMessages()).as("no CSP violations or script errors").isEmpty();
    }
}
