package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The session row is written at sign-in and not again by requests in quick succession. */
@IntegrationTest
class SessionStoreConfigTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    record SessionRow(String sessionId, long lastAccess, long expiry) {
    }

    @Test
    void signInWritesTheSessionRowAndRequestsWithinAThirtiethOfTheIdleTimeoutLeaveItAlone() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("SES-" + suffix);
        String username = fixtures.user("session." + suffix.toLowerCase(java.util.Locale.ROOT), Role.CODER, hospital);
        WebSession browser = WebSession.signedIn(port, username, PASSWORD);

        SessionRow signedIn = row(username);
        assertThat(browser.get("/patients").status()).isEqualTo(200);
        assertThat(browser.get("/patients").status()).isEqualTo(200);

        assertThat(row(username)).as("15 minutes idle timeout: the row moves only every 30 s").isEqualTo(signedIn);
        assertThat(signedIn.expiry() - signedIn.lastAccess()).isEqualTo(15 * 60 * 1000L);
    }

    /** The signed-in user's session row: found by principal, so it exists only if sign-in wrote it. */
    private SessionRow row(String username) {
        return jdbc.sql("SELECT SESSION_ID, LAST_ACCESS_TIME, EXPIRY_TIME FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :u")
                .param("u", username)
                .query((rs, i) -> new SessionRow(rs.getString(1), rs.getLong(2), rs.getLong(3))).single();
    }
}
