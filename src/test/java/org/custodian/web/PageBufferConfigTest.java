package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.custodian.privacy.Role;
import org.custodian.record.Facility;
import org.custodian.web.WebSession.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** A page larger than Tomcat's default 8 KB buffer is held whole and sent with its length. */
@IntegrationTest
class PageBufferConfigTest {
    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void aChartPageIsSentWholeWithItsLengthNotStreamedInChunks() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        WebFixtures fixtures = WebFixtures.of(context);
        Facility hospital = fixtures.hospital("BUF-" + suffix);
        WebFixtures.Chart chart = fixtures.chart("Bufford", "Pagewright", LocalDate.of(1961, 3, 4), hospital, "B-" + suffix);
        WebSession coder = WebSession.signedIn(port,
                fixtures.user("buffer." + suffix.toLowerCase(Locale.ROOT), Role.CODER, hospital), PASSWORD);

        Page page = coder.get("/patients/" + chart.id());

        assertThat(page.status()).isEqualTo(200);
        int bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("larger than Tomcat's default buffer").isGreaterThan(8 * 1024);
        assertThat(page.header("Content-Length")).isEqualTo(Integer.toString(bytes));
        assertThat(page.header("Transfer-Encoding")).isEmpty();
    }
}
