package org.custodian.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.web.WebFixtures.PASSWORD;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.IntegrationTest;
import org.custodian.interop.hl7v2.MllpListener;
import org.custodian.privacy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** The HL7 dead-letter page: who may see it, what it says, and replay after the cause is fixed. */
@IntegrationTest
@TestPropertySource(properties = "custodian.hl7.mllp-port=0")
class DeadLetterPageTest {
    private static final Pattern REPLAY = Pattern.compile("action=\"(/interop/dead-letters/[0-9a-f-]+/replay)\"");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MllpListener listener;

    @Test
    void aDirectorSeesTheReasonAndReplaysAfterTheFacilityIsRegistered() throws Exception {
        WebFixtures fixtures = WebFixtures.of(context);
        String ack = send("MSH|^~\\&|LIS|DLQLAB|CUSTODIAN|CUST|20260301120000||ORU^R01|DLQ-1|P|2.5.1\r"
                + "PID|1||Q1^^^DLQLAB^MR||Doe^Jane||19800215|F\rOBR|1\rOBX|1|NM|2345-7^Glucose^LN||99|mg/dL\r");
        assertThat(ack).contains("MSA|AR|DLQ-1");
        String director = fixtures.user("dlq.director", Role.HIM_DIRECTOR, fixtures.hospital("DLQ-H"));
        WebSession session = WebSession.signedIn(port, director, PASSWORD);

        WebSession.Page page = session.get("/interop/dead-letters");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("HL7 dead letters", "DLQ-1", "PID-3.4", "unknown facility &#39;DLQLAB&#39;");
        Matcher replay = REPLAY.matcher(page.body());
        assertThat(replay.find()).isTrue();

        fixtures.hospital("DLQLAB");
        WebSession.Page after = session.postWithToken(replay.group(1), Map.of());
        assertThat(after.location()).endsWith("/interop/dead-letters");
        assertThat(session.get("/interop/dead-letters").body()).contains("accepted: 1 results").doesNotContain(">DLQ-1<");
    }

    @Test
    void aCoderMayNotSeeTheList() {
        WebFixtures fixtures = WebFixtures.of(context);
        String coder = fixtures.user("dlq.coder", Role.CODER, fixtures.hospital("DLQ-H"));
        assertThat(WebSession.signedIn(port, coder, PASSWORD).get("/interop/dead-letters").status()).isEqualTo(403);
    }

    private String send(String message) throws Exception {
        try (Socket socket = new Socket("localhost", listener.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("\u000B" + message + "\u001C\r").getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            StringBuilder ack = new StringBuilder();
            int b;
            while ((b = in.read()) != 0x1C && b != -1) {
                ack.append((char) b);
            }
            return ack.toString();
        }
    }
}
