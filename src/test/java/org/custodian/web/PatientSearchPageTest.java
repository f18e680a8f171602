package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;
import static org.custodian.web.WebSession.enc;

import java.time.LocalDate;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.record.Patient;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Patient search as a plain form and as htmx live results, with hostile and malformed input. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientSearchPageTest {
    static final String SCRIPT = "<script>alert(1)</script>";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    Patient bartholomew;
    Patient hostile;
    Patient nursingHomeResident;
    WebSession coder;
    WebSession nursingHomeCoder;

    @BeforeAll
    void records() {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("SEARCH-H");
        Facility nursingHome = fixtures.nursingHome("SEARCH-N");
        bartholomew = fixtures.patient("Bartholomew", "Kowalczyk", LocalDate.of(1957, 4, 9), hospital, "H-1001");
        fixtures.patient("Bernadette", "Kowalski", LocalDate.of(1962, 11, 30), hospital, "H-1002");
        hostile = fixtures.patient(SCRIPT, "Injection", LocalDate.of(1990, 1, 1), hospital, "H-1003");
        nursingHomeResident = fixtures.patient("Winifred", "Thistlewood", LocalDate.of(1931, 2, 14), nursingHome, "N-2001");
        coder = WebSession.signedIn(port, fixtures.user("search.coder", Role.CODER, hospital), PASSWORD);
        nursingHomeCoder = WebSession.signedIn(port,
                fixtures.user("search.nhcoder", Role.CODER, nursingHome), PASSWORD);
    }

    @Test
    void theEmptyFormAsksForNothingAndShowsNoError() {
        Page page = coder.get("/patients");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"name\">Name</label>", "<label for=\"birthDate\">Birth date</label>")
                .doesNotContain("role=\"alert\"");
    }

    @Test
    void aMisspelledNameFindsThePatientWithALinkToTheChart() {
        Page page = coder.get("/patients?name=" + enc("Bartholomew Kowalcyk"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Kowalczyk, Bartholomew", "04/09/1957", "Male", "SEARCH-H H-1001",
                "/patients/" + bartholomew.id());
    }

    @Test
    void birthDateAndMrnFindExactly() {
        assertThat(coder.get("/patients?birthDate=04/09/1957").body())
                .contains("Kowalczyk, Bartholomew").doesNotContain("Kowalski");
        assertThat(coder.get("/patients?birthDate=1957-04-09").body()).contains("Kowalczyk, Bartholomew");
        assertThat(coder.get("/patients?mrn=h-1002").body()).contains("Kowalski, Bernadette").doesNotContain("Kowalczyk");
    }

    @Test
    void markupInANameIsShownAsTextNotRun() {
        Page page = coder.get("/patients?name=Injection");
        assertThat(page.body()).contains("Injection, &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT);
    }

    @Test
    void sqlInTheSearchFieldsIsJustTextThatMatchesNobody() {
        for (String field : new String[] {"name", "mrn"}) {
            Page page = coder.get("/patients?" + field + "=" + enc("' OR 1=1 --"));
            assertThat(page.status()).as(field).isEqualTo(200);
            assertThat(page.body()).as(field).contains("No patients found")
                    .doesNotContain("Kowalczyk", "Kowalski", "Injection", "SQL", "Exception");
        }
    }

    @Test
    void anOversizedNameIsRefusedWithAMessage() {
        Page page = coder.get("/patients?name=" + "a".repeat(101));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("Name is longer than 100 characters.", "<h1>Patient search</h1>")
                .doesNotContain("Exception", "at org.");
    }

    @Test
    void aMalformedBirthDateIsRefusedWithAMessage() {
        for (String date : new String[] {"1957-02-30", "yesterday", "13/45/2001"}) {
            Page page = coder.get("/patients?birthDate=" + enc(date));
            assertThat(page.status()).as(date).isEqualTo(400);
            assertThat(page.body()).as(date).contains("The birth date is not a valid date").doesNotContain("Exception");
        }
    }

    @Test
    void aMalformedAndOversizedBirthDateIsRefusedWithoutEchoingItInTheMessage() {
        Page page = coder.get("/patients?birthDate=" + "9".repeat(5000));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("The birth date is not a valid date");
    }

    @Test
    void liveSearchGetsOnlyTheResultsFragment() {
        Page fragment = coder.get("/patients?name=Kowalczyk", "HX-Request", "true");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains("Kowalczyk, Bartholomew").doesNotContain("<html", "<header", "<form");
        assertThat(fragment.header("Vary")).contains("HX-Request");
    }

    @Test
    void liveSearchShowsInputProblemsInTheResultsArea() {
        Page fragment = coder.get("/patients?name=K", "HX-Request", "true");
        assertThat(fragment.status()).isEqualTo(400);
        assertThat(fragment.body()).contains("A name needs at least two letters.").doesNotContain("<html");
    }

    @Test
    void aNursingHomeUserDoesNotFindHospitalOnlyPatients() {
        assertThat(nursingHomeCoder.get("/patients?name=Kowalczyk").body()).contains("No patients found");
        assertThat(nursingHomeCoder.get("/patients?name=Thistlewood").body()).contains("Thistlewood, Winifred");
        assertThat(coder.get("/patients?name=Thistlewood").body()).contains("No patients found");
    }

    @Test
    void aPatientMergedAwayIsNotListedButTheSurvivorIs() {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("SEARCH-M");
        Patient survivor = fixtures.patient("Ottoline", "Quarrington", LocalDate.of(1948, 3, 3), hospital, "M-1");
        Patient retired = fixtures.patient("Ottoline", "Quarington", LocalDate.of(1948, 3, 3), hospital, "M-2");
        WebSession searcher = WebSession.signedIn(port, fixtures.user("search.merged", Role.CODER, hospital), PASSWORD);
        assertThat(searcher.get("/patients?name=Ottoline").body())
                .contains("/patients/" + survivor.id(), "/patients/" + retired.id());

        context.getBean(org.custodian.mpi.PatientMerges.class).merge(survivor.id(), retired.id(),
                org.custodian.mpi.MergeSource.REVIEW, new org.custodian.mpi.Actor("him.director", "HIM_DIRECTOR", "127.0.0.1"));

        assertThat(searcher.get("/patients?name=Ottoline").body())
                .contains("/patients/" + survivor.id()).doesNotContain("/patients/" + retired.id());
    }

    @Test
    void anAuditorCannotUsePatientSearch() {
        WebSession auditor = WebSession.signedIn(port,
                WebFixtures.of(context).user("search.auditor", Role.AUDITOR), PASSWORD);
        Page page = auditor.get("/patients?name=Kowalczyk");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Your role does not include patient search").doesNotContain("Kowalczyk,");
    }
}
