package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Who may open which chart-completion screen, and what an unlinked physician is told. */
@IntegrationTest
class QualityPagesTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void eachRoleReachesItsOwnScreenAndNoOther() {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("QPAGES");
        WebSession coder = WebSession.signedIn(port, fixtures.user("qpages.coder", Role.CODER, hospital), PASSWORD);
        assertThat(coder.get("/quality").location()).endsWith("/quality/deficiencies");
        assertThat(coder.get("/quality/deficiencies").body()).contains("Deficiency queue", "Chart completion");
        assertThat(coder.get("/quality/scorecards").body()).contains("By facility", "<svg");
        assertThat(coder.get("/quality/my-deficiencies").status()).isEqualTo(403);

        WebSession doctor = WebSession.signedIn(port, fixtures.user("qpages.doctor", Role.CLINICIAN, hospital), PASSWORD);
        assertThat(doctor.get("/quality").location()).endsWith("/quality/my-deficiencies");
        assertThat(doctor.get("/quality/my-deficiencies").body()).contains("not linked to a practitioner");
        assertThat(doctor.get("/quality/deficiencies").status()).isEqualTo(403);
        assertThat(doctor.get("/quality/scorecards").status()).isEqualTo(403);

        WebSession auditor = WebSession.signedIn(port, fixtures.user("qpages.auditor", Role.AUDITOR), PASSWORD);
        assertThat(auditor.get("/quality").status()).isEqualTo(403);
        assertThat(auditor.get("/patients").body()).doesNotContain("Chart completion");
    }
}
