package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.custodian.IntegrationTest;
import org.custodian.coding.CodingFixtures;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.Facility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The coding screens over real HTTP: queue, code search, live edits, physician query inbox, figures, access. */
@IntegrationTest
class CodingPagesTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @TempDir
    Path codeSets;

    @Test
    void aCoderSearchesCodesAddsThemLiveAndAPhysicianAnswersAQuery() {
        CodingFixtures fixtures = CodingFixtures.of(context);
        fixtures.loadCodeSets(codeSets);
        Facility hospital = fixtures.hospital("PAGES-H");
        CodingFixtures.Stay stay = fixtures.stay(hospital, "Winifred", "Ashcombe", "CP-1");
        fixtures.user("pages.coder", Role.CODER, hospital);
        fixtures.user("pages.physician", Role.CLINICIAN, hospital);
        context.getBean(UserAccounts.class).linkPractitioner("pages.physician", stay.attending().id(), "test");
        String encounter = "/coding/" + stay.encounterId();

        WebSession coder = WebSession.signedIn(port, "pages.coder", CodingFixtures.PASSWORD);
        WebSession.Page queue = coder.get("/coding?encounterClass=INPATIENT&facility=" + hospital.id(), "HX-Request", "true");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("Ashcombe, Winifred", "CP-1", "To code").doesNotContain("<header");
        assertThat(coder.get("/coding?minAge=abc").body()).contains("Minimum age &#39;abc&#39; is not a whole number of days");

        WebSession.Page screen = coder.open(encounter);
        assertThat(screen.status()).isEqualTo(200);
        assertThat(screen.body()).contains("right lower lobe", "NO_DIAGNOSIS", "Grace Attending");
        assertThat(screen.body()).as("the suggestion engine reads the summary; its evidence is marked in the text")
                .contains("data-code=\"J18.9\">pneumonia</mark>", "Suggestions");
        coder.postWithToken(encounter + "/suggestions", Map.of("code", "J18.9", "confidence", "0.8",
                "evidence", "pneumonia", "outcome", "ACCEPTED", "poa", "Y"));
        screen = coder.open(encounter);
        assertThat(screen.body()).contains("Accepted").contains("Pneumonia, unspecified organism");

        WebSession.Page hits = coder.get(encounter + "/search?kind=DIAGNOSIS&code=pneumonia", "HX-Request", "true");
        assertThat(hits.body()).as(hits.body()).contains("data-code=\"J18.9\"", "data-code=\"J18\"", "header");
        WebSession.Page procedures = coder.get(encounter + "/search?kind=PROCEDURE&code=chest", "HX-Request", "true");
        assertThat(procedures.body()).as(procedures.body()).contains("data-code=\"BW03ZZZ\"");

        coder.open(encounter);
        WebSession.Page added = coder.postWithToken(encounter + "/diagnoses",
                Map.of("code", "J18", "principal", "true", "poa", "Y", "pass", "PRIMARY"));
        assertThat(added.status()).isEqualTo(302);
        screen = coder.open(encounter);
        assertThat(screen.body()).contains("HEADER_CODE", "diagnosis 1 (J18)");
        WebSession.Page refused = coder.postWithTokenAs(encounter + "/diagnoses", Map.of("code", "J18..9"), "HX-Request", "true");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("is not a code").contains("id=\"work\"");

        coder.open(encounter);
        coder.postWithToken(encounter + "/queries", Map.of("practitioner", stay.attending().id().toString(),
                "question", "Is the pneumonia due to a specific organism?"));
        assertThat(coder.open(encounter).body()).contains("On hold – physician query", "Is the pneumonia due");

        WebSession physician = WebSession.signedIn(port, "pages.physician", CodingFixtures.PASSWORD);
        assertThat(physician.get("/coding").location()).endsWith("/coding/queries");
        WebSession.Page inbox = physician.open("/coding/queries");
        assertThat(inbox.body()).contains("Ashcombe, Winifred", "Is the pneumonia due to a specific organism?");
        String queryId = inbox.body().replaceAll("(?s).*action=\"/coding/queries/([0-9a-f-]{36})/answer\".*", "$1");
        physician.postWithToken("/coding/queries/" + queryId + "/answer", Map.of("answer", "Yes: pneumococcal."));
        assertThat(physician.open("/coding/queries?answered").body()).contains("Your answer was filed", "No open queries");
        assertThat(physician.get(encounter).status()).isEqualTo(403);

        screen = coder.open(encounter);
        assertThat(screen.body()).contains("In progress", "Physician query response", "Yes: pneumococcal.");
        WebSession.Page figures = coder.open("/coding/figures");
        assertThat(figures.status()).isEqualTo(200);
        assertThat(figures.body()).contains("<svg class=\"chart\"", "Encounters coded per day");
        assertThat(coder.open("/coding/audits").status()).isEqualTo(200);
    }
}
