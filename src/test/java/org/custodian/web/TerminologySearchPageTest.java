package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;
import static org.custodian.web.WebSession.enc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.terminology.Terminology;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The code search page and its typeahead fragment, which the coding screen reuses. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminologySearchPageTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Terminology terminology;
    WebSession coder;
    WebSession clinician;

    @BeforeAll
    void releaseAndUsers() throws IOException {
        Path order = Files.createTempDirectory("codes").resolve("icd10cm_order_2033.txt");
        Files.writeString(order, String.join("\r\n", line(1, "B88", false, "Other infestation"),
                line(2, "B8801", true, "Infestation by Demodex mites"), line(3, "B8809", true, "Other acariasis")) + "\r\n");
        terminology.load(order);
        Files.delete(order);
        Files.delete(order.getParent());
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("CODES-H");
        coder = WebSession.signedIn(port, fixtures.user("codes.coder", Role.CODER, hospital), PASSWORD);
        clinician = WebSession.signedIn(port, fixtures.user("codes.clinician", Role.CLINICIAN, hospital), PASSWORD);
    }

    @Test
    void theTypeaheadAnswersAFragmentOfCodesWithDataAttributes() {
        Page page = coder.get("/terminology/search?q=" + enc("mites demodx") + "&date=2033-01-15&system=icd10cm",
                "HX-Request", "true");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<html").contains("<ol class=\"code-hits\">",
                "data-code=\"B88.01\" data-system=\"icd10cm\" data-billable=\"true\"", "Infestation by Demodex mites",
                "ICD-10-CM FY2033");
        assertThat(coder.get("/terminology/search?q=b88&date=2033-01-15").body()).contains("data-code=\"B88\"", ">header<");
    }

    @Test
    void thePageOffersTheSearchInTheNavigationAndShowsResultsWithoutJavaScript() {
        Page page = coder.get("/terminology?q=" + enc("B88.01"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Code search</h1>", "href=\"/terminology\"", "aria-current=\"page\"",
                "data-code=\"B88.01\"");
    }

    @Test
    void aBadDateIsA400WithTheReason() {
        Page page = coder.get("/terminology/search?q=mites&date=15/01/2033");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("The date of service &#39;15/01/2033&#39; is not a date like 2026-01-15.");
    }

    @Test
    void rolesThatDoNotCodeCannotSearchCodes() {
        assertThat(clinician.get("/terminology/search?q=mites").status()).isEqualTo(403);
        assertThat(clinician.get("/patients").body()).doesNotContain("Code search");
    }

    private static String line(int order, String code, boolean billable, String description) {
        return String.format("%05d %-7s %s %-60s %s", order, code, billable ? "1" : "0", description, description);
    }
}
