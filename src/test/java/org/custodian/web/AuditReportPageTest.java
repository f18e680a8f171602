package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The audit report: who may see it, and that its filters, sorting and paging work on real events. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditReportPageTest {
    private static final Pattern ROW = Pattern.compile(
            "<tr class=\"outcome-[a-z]+\">\\s*<td class=\"num\">(\\d+)</td>.*?<a href=\"/audit\\?user=[^\"]+\">([^<]+)</a>"
                    + ".*?<td>([A-Za-z ]+)</td>", Pattern.DOTALL);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    WebFixtures.Chart chart;
    String coder;
    String clerk;
    WebSession auditor;

    @BeforeAll
    void activity() {
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("AUDIT-H");
        chart = fixtures.chart("Octavia", "Pemberton", LocalDate.of(1966, 3, 3), hospital, "A-4001");
        coder = fixtures.user("audit.coder", Role.CODER, hospital);
        clerk = fixtures.user("audit.clerk", Role.ROI_SPECIALIST, hospital);
        WebSession coderSession = WebSession.signedIn(port, coder, PASSWORD);
        coderSession.get("/patients?name=Pemberton");
        coderSession.get("/patients/" + chart.id());
        WebSession clerkSession = WebSession.signedIn(port, clerk, PASSWORD);
        clerkSession.get("/patients/" + chart.id());
        auditor = WebSession.signedIn(port, fixtures.user("audit.auditor", Role.AUDITOR), PASSWORD);
    }

    @Test
    void anAuditorSeesTheReport() {
        Page page = auditor.get("/audit");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Audit report</h1>", "audit.coder", "Read", "Login");
    }

    @Test
    void aCoderIsRefusedTheReport() {
        WebSession session = WebSession.signedIn(port, coder, PASSWORD);
        Page page = session.get("/audit");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("You do not have access to this page").doesNotContain("audit.clerk");
        assertThat(session.get("/audit?user=audit.clerk").status()).isEqualTo(403);
    }

    @Test
    void filteringByUserAndActionShowsOnlyThoseEvents() {
        List<Row> rows = rows(auditor.get("/audit?user=audit.coder&action=READ").body());
        assertThat(rows).isNotEmpty().allMatch(r -> r.user().equals("audit.coder") && r.action().equals("Read"));
    }

    @Test
    void filteringByPatientShowsEveryonesReadsOfThatPatientOnly() {
        Page page = auditor.get("/audit?patient=" + chart.id());
        List<Row> rows = rows(page.body());
        assertThat(rows).extracting(Row::user).contains("audit.coder", "audit.clerk");
        assertThat(rows).as("no sign-ins or searches, which name no patient").allMatch(r -> r.action().equals("Read"));
    }

    @Test
    void aTimeRangeInTheFutureFindsNothingAndTodayFindsTheEvents() {
        LocalDate today = LocalDate.now();
        assertThat(auditor.get("/audit?from=" + today.plusDays(1)).body()).contains("No events match these filters.");
        assertThat(rows(auditor.get("/audit?user=audit.coder&from=" + today + "&to=" + today).body())).isNotEmpty();
    }

    @Test
    void sortingByUserGoesBothWaysAndTheHeaderSaysWhichWay() {
        String base = "/audit?patient=" + chart.id() + "&sort=user&dir=";
        Page ascending = auditor.get(base + "asc");
        assertThat(rows(ascending.body())).extracting(Row::user).isSortedAccordingTo(String::compareTo);
        assertThat(ascending.body()).contains("aria-sort=\"ascending\"");
        Page descending = auditor.get(base + "desc");
        assertThat(rows(descending.body())).extracting(Row::user).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(descending.body()).contains("aria-sort=\"descending\"");
    }

    @Test
    void theNewestEventsComeFirstByDefaultAndTheSequenceColumnSortsAscending() {
        List<Long> newestFirst = rows(auditor.get("/audit").body()).stream().map(Row::seq).toList();
        assertThat(newestFirst).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        List<Long> oldestFirst = rows(auditor.get("/audit?sort=seq&dir=asc").body()).stream().map(Row::seq).toList();
        assertThat(oldestFirst).isSortedAccordingTo(Long::compare);
    }

    @Test
    void aSortHeaderLinkKeepsTheFiltersAndReversesAnActiveColumn() {
        String body = auditor.get("/audit?user=audit.coder&sort=action&dir=asc").body();
        assertThat(body).contains("href=\"/audit?user=audit.coder&amp;sort=action&amp;dir=desc\"");
    }

    @Test
    void pagesHoldFiftyEventsAndLinkToTheNext() {
        WebSession busy = WebSession.signedIn(port, coder, PASSWORD);
        for (int i = 0; i < 55; i++) {
            busy.get("/patients?mrn=A-" + i);
        }
        Page first = auditor.get("/audit?user=audit.coder&action=SEARCH");
        assertThat(rows(first.body())).hasSize(AuditController.PAGE_SIZE);
        assertThat(first.body()).contains("Next page", "page 1 of 2");
        Page second = auditor.get("/audit?user=audit.coder&action=SEARCH&page=2");
        assertThat(rows(second.body())).hasSizeGreaterThanOrEqualTo(6);
        assertThat(second.body()).contains("Previous page");
    }

    @Test
    void malformedFiltersAreRefusedWithAMessage() {
        for (String query : new String[] {"patient=not-a-uuid", "action=STEAL", "from=31/31/2020", "sort=password",
            "dir=sideways", "page=0", "from=2025-02-01&to=2025-01-01", "user=" + "u".repeat(201)}) {
            Page page = auditor.get("/audit?" + query);
            assertThat(page.status()).as(query).isEqualTo(400);
            assertThat(page.body()).as(query).contains("role=\"alert\"").doesNotContain("Exception", "<tbody>");
        }
    }

    private static List<Row> rows(String body) {
        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(body);
        while (m.find()) {
            rows.add(new Row(Long.parseLong(m.group(1)), m.group(2), m.group(3)));
        }
        return rows;
    }

    record Row(long seq, String user, String action) {
    }
}
