package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.DocumentVersion;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stored XSS through the privacy screens (a hostile patient name, break-the-glass reason, user name
 * tried at sign-in, note text) and session handling around the denial and emergency pages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyWebSecurityTest {
    static final String SCRIPT = "<script>alert('x')</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    UserAccounts accounts;
    @Autowired
    RecordWriter writer;
    @Autowired
    TransactionTemplate tx;

    WebFixtures.Chart hostile;
    UUID hostileNote;
    String clinician;
    String officer;

    @BeforeAll
    void world() {
        WebFixtures fixtures = WebFixtures.of(context);
        var hospital = fixtures.hospital("PWS-H");
        hostile = fixtures.chart(SCRIPT, IMG, LocalDate.of(1960, 1, 1), hospital, "PWS1");
        clinician = fixtures.user("pws.clinician", Role.CLINICIAN, hospital);
        officer = fixtures.user("pws.officer", Role.PRIVACY_OFFICER, hospital);
        hostileNote = UUID.randomUUID();
        Provenance prov = Provenance.now("test", "pws", "tester");
        tx.executeWithoutResult(s -> writer.batch().document(new ClinicalDocument(hostileNote, hostile.id(), null,
                DocumentType.PROGRESS_NOTE, null, Instant.now(), List.of(new DocumentVersion(1, DocumentStatus.FINAL,
                "Note " + SCRIPT, "Body " + IMG + " " + SCRIPT, null, Instant.now(), null, null, prov)))).flush());
        labels.label(accounts.find(officer).orElseThrow(), hostile.id(), LabelTarget.PATIENT, hostile.id(),
                SensitivityLabel.EMPLOYEE);
    }

    @Test
    void hostileNamesReasonsAndNotesAreShownAsTextEverywhere() {
        WebSession session = WebSession.signedIn(port, clinician, PASSWORD);
        Page denied = session.get("/patients/" + hostile.id());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).doesNotContain(SCRIPT, IMG);
        session.postWithToken("/patients/" + hostile.id() + "/break-glass", Map.of("reason", "Reason " + SCRIPT + IMG));

        Page note = session.get("/patients/" + hostile.id() + "/documents/" + hostileNote);
        assertThat(note.status()).isEqualTo(200);
        assertThat(note.body()).contains("&lt;script&gt;").doesNotContain(SCRIPT, IMG);

        new WebSession(port).signIn("<script>x</script>", "wrong password");
        Page dashboard = WebSession.signedIn(port, officer, PASSWORD).get("/privacy");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Reason &lt;script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain(SCRIPT, IMG, "<script>x</script>");
    }

    @Test
    void theDenialAndEmergencyPagesDoNotChangeOrLeakTheSession() {
        String nurse = WebFixtures.of(context).user("pws.nurse", Role.CLINICIAN, WebFixtures.of(context).hospital("PWS-H"));
        WebSession session = WebSession.signedIn(port, nurse, PASSWORD);
        String cookie = session.sessionCookie();
        Page denied = session.get("/patients/" + hostile.id() + "?retracted=true");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.header("Cache-Control")).contains("no-store");
        assertThat(denied.body()).doesNotContain(cookie);
        assertThat(session.sessionCookie()).isEqualTo(cookie);
    }
}
