package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.coding.CodingFixtures;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.custodian.record.Facility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The coding screen counts the labels on the encounter and on each of its documents, as the chart
 * does: a coder whose purpose of use (payment) a label does not cover sees the encounter to code but
 * not its notes, is told they are withheld and why, gets no suggestion quoting them, and each
 * withholding is in the audit trail. A user the label allows still reads them.
 */
@IntegrationTest
class CodingWithheldDocumentsTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    SensitivityLabels labels;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path codeSets;

    @Test
    void aLabelledEncountersNotesAreWithheldFromACoderTheLabelDoesNotAllow() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        CodingFixtures fixtures = CodingFixtures.of(context);
        fixtures.loadCodeSets(codeSets);
        Facility hospital = fixtures.hospital("CWD-" + suffix);
        CodingFixtures.Stay vip = fixtures.stay(hospital, "Vera", "Famous" + suffix, "CWD1" + suffix);
        CodingFixtures.Stay plain = fixtures.stay(hospital, "Paul", "Plain" + suffix, "CWD2" + suffix);
        String coder = "cwd.coder." + suffix.toLowerCase();
        fixtures.user(coder, Role.CODER, hospital);
        String director = "cwd.director." + suffix.toLowerCase();
        fixtures.user(director, Role.HIM_DIRECTOR, hospital);
        CustodianUser officer = fixtures.user("cwd.officer." + suffix.toLowerCase(), Role.PRIVACY_OFFICER, hospital);
        labels.label(officer, vip.patient().id(), LabelTarget.ENCOUNTER, vip.encounterId(), SensitivityLabel.VIP);

        WebSession session = WebSession.signedIn(port, coder, CodingFixtures.PASSWORD);
        WebSession.Page screen = session.open("/coding/" + vip.encounterId());
        assertThat(screen.status()).isEqualTo(200);
        assertThat(screen.body()).as("the encounter is there to code")
                .contains("Famous" + suffix, "Add diagnosis", "id=\"documents-withheld\"",
                        "One document of this encounter is withheld from you by a sensitivity label",
                        "does not cover, and you are not treating the patient")
                .doesNotContain("right lower lobe", "productive cough", "data-code=\"J18.9\"", "Discharge summary ·");
        assertThat(screen.body()).as("the label's name would itself disclose PHI").doesNotContain("VIP");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                        + " AND resource_type = 'DocumentReference' AND resource_id = ? AND detail LIKE '%VIP%'",
                Integer.class, coder, vip.summaryId().toString())).as("the withholding is audited").isEqualTo(1);

        WebSession.Page other = session.open("/coding/" + plain.encounterId());
        assertThat(other.body()).as("an unlabelled encounter shows its notes and suggestions")
                .contains("right lower lobe", "data-code=\"J18.9\"").doesNotContain("documents-withheld");

        WebSession allowed = WebSession.signedIn(port, director, CodingFixtures.PASSWORD);
        assertThat(allowed.open("/coding/" + vip.encounterId()).body())
                .as("VIP allows operations: the HIM director reads the notes").contains("right lower lobe")
                .doesNotContain("documents-withheld");
    }

    @Test
    void aPart2DocumentIsWithheldWhileTheEncountersOtherNotesShow() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        CodingFixtures fixtures = CodingFixtures.of(context);
        fixtures.loadCodeSets(codeSets);
        Facility hospital = fixtures.hospital("CWP-" + suffix);
        CodingFixtures.Stay stay = fixtures.stay(hospital, "Sam", "Sober" + suffix, "CWP1" + suffix);
        String coder = "cwp.coder." + suffix.toLowerCase();
        fixtures.user(coder, Role.CODER, hospital);
        CustodianUser officer = fixtures.user("cwp.officer." + suffix.toLowerCase(), Role.PRIVACY_OFFICER, hospital);
        labels.label(officer, stay.patient().id(), LabelTarget.DOCUMENT, stay.summaryId(),
                SensitivityLabel.SUBSTANCE_USE_PART2);

        WebSession session = WebSession.signedIn(port, coder, CodingFixtures.PASSWORD);
        WebSession.Page screen = session.open("/coding/" + stay.encounterId());
        assertThat(screen.status()).isEqualTo(200);
        assertThat(screen.body()).contains("id=\"documents-withheld\"", "No suggestions from the notes")
                .doesNotContain("right lower lobe", "diabetes", "data-code=");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE username = ? AND outcome = 'DENIED'"
                        + " AND resource_id = ? AND detail LIKE '%SUBSTANCE_USE_PART2%'", Integer.class, coder,
                stay.summaryId().toString())).isEqualTo(1);
    }
}
