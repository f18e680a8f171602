package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two-step sign-in over real HTTP: enrolment, the second step, recovery codes, per-role requirement, lockout. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MfaPagesTest {
    private static final Pattern SECRET = Pattern.compile("id=\"mfa-secret\">([A-Z2-7]+)<");
    private static final Pattern RECOVERY = Pattern.compile("<li>([a-z2-7]{5}-[a-z2-7]{5})</li>");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;

    WebFixtures fixtures;
    String admin;

    @BeforeAll
    void world() {
        fixtures = WebFixtures.of(context);
        admin = fixtures.user("mfa.admin", Role.ADMIN);
    }

    @AfterAll
    void noRoleRequiresItAfterwards() {
        WebSession session = WebSession.signedIn(port, admin, PASSWORD);
        session.get(MfaPolicyController.PATH);
        session.postWithToken(MfaPolicyController.PATH, Map.of());
    }

    @Test
    void aUserWhoEnrolsMustGiveACodeAtEverySignInAfter() {
        String user = fixtures.user("mfa.coder", Role.CODER, fixtures.hospital("MFA-H"));
        WebSession session = WebSession.signedIn(port, user, PASSWORD);
        TestAuthenticator app = enrol(session);

        WebSession next = new WebSession(port);
        Page signedIn = next.signIn(user, PASSWORD);
        String before = next.sessionCookie();
        Page gated = next.get("/patients");
        assertThat(gated.location()).as("every page waits for the second step").endsWith("/mfa/verify");
        Page form = next.get("/mfa/verify");
        assertThat(form.body()).contains("Two-step sign-in", "six-digit code");
        Page wrong = next.postWithToken("/mfa/verify", Map.of("code", "000000".equals(app.code(1)) ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("That code is not right");
        assertThat(next.get("/patients").location()).endsWith("/mfa/verify");

        next.get("/mfa/verify");
        Page passed = next.postWithToken("/mfa/verify", Map.of("code", app.code(1)));
        assertThat(passed.location()).endsWith("/");
        assertThat(next.sessionCookie()).as("a new session id after the second step").isNotEqualTo(before);
        assertThat(next.get("/patients").status()).isEqualTo(200);
        assertThat(signedIn.status()).isEqualTo(302);
    }

    @Test
    void aRecoveryCodeWorksOnceInsteadOfTheAppCode() {
        String user = fixtures.user("mfa.recovery", Role.CODER, fixtures.hospital("MFA-H"));
        WebSession session = WebSession.signedIn(port, user, PASSWORD);
        session.get("/mfa/enrol");
        Matcher secret = SECRET.matcher(session.get("/mfa/enrol").body());
        assertThat(secret.find()).isTrue();
        Page codes = session.postWithToken("/mfa/enrol", Map.of("code", new TestAuthenticator(secret.group(1)).code(0)));
        List<String> recovery = RECOVERY.matcher(codes.body()).results().map(m -> m.group(1)).toList();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();

        WebSession first = WebSession.signedIn(port, user, PASSWORD);
        first.get("/mfa/verify");
        assertThat(first.postWithToken("/mfa/verify", Map.of("code", recovery.get(3).toUpperCase())).location())
                .contains("recoveryCodesLeft=9");
        WebSession second = WebSession.signedIn(port, user, PASSWORD);
        second.get("/mfa/verify");
        assertThat(second.postWithToken("/mfa/verify", Map.of("code", recovery.get(3))).body())
                .contains("That code is not right");
    }

    @Test
    void anAdministratorRequiresItForARoleAndItsMembersMustEnrolAtSignIn() {
        String roi = fixtures.user("mfa.roi", Role.ROI_SPECIALIST, fixtures.hospital("MFA-H"));
        assertThat(WebSession.signedIn(port, roi, PASSWORD).get("/admin/mfa").status()).isEqualTo(403);

        WebSession adminSession = WebSession.signedIn(port, admin, PASSWORD);
        assertThat(adminSession.get("/admin/mfa").body()).contains("Release-of-information specialist");
        Page saved = adminSession.postWithToken("/admin/mfa", Map.of("role", "ROI_SPECIALIST"));
        assertThat(saved.location()).endsWith("/admin/mfa?saved");
        assertThat(adminSession.get("/admin/mfa").body()).containsPattern("value=\"ROI_SPECIALIST\"[^>]*checked");

        WebSession session = WebSession.signedIn(port, roi, PASSWORD);
        assertThat(session.get("/patients").location()).endsWith("/mfa/enrol");
        assertThat(session.get("/mfa/enrol").body()).contains("Your role requires two-step sign-in", "<svg");
    }

    @Test
    void guessingCodesLocksTheAccount() {
        String user = fixtures.user("mfa.guess", Role.CODER, fixtures.hospital("MFA-H"));
        TestAuthenticator app = enrol(WebSession.signedIn(port, user, PASSWORD));
        WebSession session = WebSession.signedIn(port, user, PASSWORD);
        Page last = null;
        for (int i = 0; i < 5; i++) {
            session.get("/mfa/verify");
            last = session.postWithToken("/mfa/verify", Map.of("code", String.format("%06d", 999990 + i)));
        }
        assertThat(last.location()).endsWith("/login?error=locked");
        assertThat(session.get("/patients").location()).contains("/login");
        assertThat(new WebSession(port).signIn(user, PASSWORD).location()).endsWith("/login?error=locked");
        assertThat(app).isNotNull();
    }

    @Test
    void anAdministratorResetsALostPhoneAndTheUserMustEnrolAgainWithNewRecoveryCodes() {
        String user = fixtures.user("mfa.lostphone", Role.CODER, fixtures.hospital("MFA-H"));
        WebSession before = WebSession.signedIn(port, user, PASSWORD);
        List<String> oldCodes = recoveryCodes(before);
        assertThat(before.get("/patients").status()).isEqualTo(200);

        WebSession adminSession = WebSession.signedIn(port, admin, PASSWORD);
        assertThat(adminSession.get("/admin/mfa").body()).contains("Reset a user's two-step sign-in");
        Page reset = adminSession.postWithToken("/admin/mfa/reset",
                Map.of("username", user, "reason", "phone lost; identity checked in person"));
        assertThat(reset.location()).endsWith("/admin/mfa");
        assertThat(adminSession.get("/admin/mfa").body()).contains("Two-step sign-in reset for " + user);
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE username = ? AND action = 'PRIVILEGE_CHANGE' "
                + "AND outcome = 'SUCCESS' AND resource_id = ?", String.class, admin, user))
                .anyMatch(d -> d.contains("two-step sign-in reset") && d.contains("phone lost"));
        assertThat(before.get("/patients").location()).as("the user's sessions are ended").contains("/login");

        WebSession after = WebSession.signedIn(port, user, PASSWORD);
        assertThat(after.get("/patients").location()).as("must enrol again, though the role does not require it")
                .endsWith("/mfa/enrol");
        assertThat(after.get("/mfa/verify").location()).as("the old factor is gone").doesNotEndWith("/mfa/verify");
        List<String> newCodes = recoveryCodes(after);
        assertThat(newCodes).hasSize(10).doesNotContainAnyElementsOf(oldCodes);

        WebSession next = WebSession.signedIn(port, user, PASSWORD);
        next.get("/mfa/verify");
        assertThat(next.postWithToken("/mfa/verify", Map.of("code", oldCodes.getFirst())).body())
                .as("old recovery codes no longer work").contains("That code is not right");
        assertThat(next.postWithToken("/mfa/verify", Map.of("code", newCodes.getFirst())).location()).contains("recoveryCodesLeft=9");
    }

    @Test
    void onlyAnAdministratorResetsOthersAndNotTheirOwnThere() {
        String user = fixtures.user("mfa.notadmin", Role.PRIVACY_OFFICER, fixtures.hospital("MFA-H"));
        WebSession officer = WebSession.signedIn(port, user, PASSWORD);
        officer.get("/patients");
        assertThat(officer.postWithToken("/admin/mfa/reset", Map.of("username", admin, "reason", "x")).status())
                .isEqualTo(403);

        WebSession adminSession = WebSession.signedIn(port, admin, PASSWORD);
        adminSession.get("/admin/mfa");
        adminSession.postWithToken("/admin/mfa/reset", Map.of("username", admin, "reason", "my own"));
        assertThat(adminSession.get("/admin/mfa").body()).contains("cannot reset your own two-step sign-in here");
        adminSession.postWithToken("/admin/mfa/reset", Map.of("username", "mfa.nobody.at.all", "reason", "typo"));
        assertThat(adminSession.get("/admin/mfa").body()).contains("No user named");
        adminSession.postWithToken("/admin/mfa/reset", Map.of("username", user, "reason", " "));
        assertThat(adminSession.get("/admin/mfa").body()).contains("Give the reason for the reset");
    }

    @Test
    void aUserResetsTheirOwnOnlyWithTheirCurrentFactor() {
        String user = fixtures.user("mfa.newphone", Role.CODER, fixtures.hospital("MFA-H"));
        WebSession session = WebSession.signedIn(port, user, PASSWORD);
        List<String> codes = recoveryCodes(session);
        assertThat(session.get("/mfa/reset").body()).contains("Reset two-step sign-in");
        Page wrong = session.postWithToken("/mfa/reset", Map.of("code", "123456"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("That code is not right");
        WebSession again = WebSession.signedIn(port, user, PASSWORD);
        assertThat(again.get("/patients").location()).endsWith("/mfa/verify");

        Page reset = session.postWithToken("/mfa/reset", Map.of("code", codes.get(2)));
        assertThat(reset.location()).endsWith("/mfa/enrol");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE username = ? AND action = 'PRIVILEGE_CHANGE'",
                String.class, user)).anyMatch(d -> d.contains("reset by the user with their current factor"));
        assertThat(WebSession.signedIn(port, user, PASSWORD).get("/patients").location()).endsWith("/mfa/enrol");
    }

    /** Enrols the signed-in user and returns the recovery codes shown once. */
    private static List<String> recoveryCodes(WebSession session) {
        Matcher secret = SECRET.matcher(session.get("/mfa/enrol").body());
        assertThat(secret.find()).isTrue();
        Page codes = session.postWithToken("/mfa/enrol", Map.of("code", new TestAuthenticator(secret.group(1)).code(0)));
        List<String> recovery = RECOVERY.matcher(codes.body()).results().map(m -> m.group(1)).toList();
        assertThat(recovery).hasSize(10);
        return recovery;
    }

    private static TestAuthenticator enrol(WebSession session) {
        Page page = session.get("/mfa/enrol");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<svg", "class=\"module\"");
        Matcher secret = SECRET.matcher(page.body());
        assertThat(secret.find()).isTrue();
        TestAuthenticator app = new TestAuthenticator(secret.group(1));
        Page wrong = session.postWithToken("/mfa/enrol", Map.of("code", "12"));
        assertThat(wrong.status()).isEqualTo(400);
        Page fresh = session.get("/mfa/enrol");
        Matcher again = SECRET.matcher(fresh.body());
        assertThat(again.find()).isTrue();
        app = new TestAuthenticator(again.group(1));
        Page done = session.postWithToken("/mfa/enrol", Map.of("code", app.code(0)));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Two-step sign-in is on");
        return app;
    }
}
