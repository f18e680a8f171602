package org.custodian.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodian.interop.hl7v2.MllpListener;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The build's training run for the JDK's ahead-of-time cache: starts the server as {@code serve}
 * does, knocks once on each door (web pages, FHIR, HL7 over MLLP) so the classes of a start and of
 * the first requests load, then stops. Each door must answer as a started server's does, so a build
 * whose server cannot serve (e.g. a broken prepared context) fails here. Not meant for users.
 */
@Command(name = "aot-training", hidden = true, description = "Training run for the start-up cache (used by the build).")
public final class AotTrainingCommand implements Callable<Integer> {
    /** Paths and the status a fresh server answers them with (pages behind the sign-in redirect to it). */
    private static final Map<String, Integer> PAGES = Map.of(
            "/healthz", 200, "/login", 200, "/patients", 302, "/css/custodian.css", 200, "/fhir/metadata", 200);
    private static final String ADT = "MSH|^~\\&|TRAINING|TRAINING|CUSTODIAN|CUSTODIAN|20260101120000||ADT^A08|AOT1|P|2.5.1\r"
            + "EVN|A08|20260101120000\rPID|1||AOT1^^^TRAINING^MR||Training^Run||19800101|F\r";

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws Exception {
        try (Launcher.Running running = Launcher.start(data.dataDirectory(), Launcher.Mode.SERVER,
                Map.of("server.port", 0, "custodian.hl7.mllp-port", 0))) {
            String base = "http://localhost:" + running.bean(Environment.class).getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            for (Map.Entry<String, Integer> page : PAGES.entrySet()) {
                int status = http.send(HttpRequest.newBuilder(URI.create(base + page.getKey())).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != page.getValue()) {
                    throw new IllegalStateException("training run: GET " + page.getKey() + " answered " + status
                            + ", a started server answers " + page.getValue());
                }
            }
            String ack = exchange(running.bean(MllpListener.class).port(), ADT);
            if (!ack.contains("MSA|")) {
                throw new IllegalStateException("training run: the MLLP listener answered no acknowledgement: " + ack);
            }
        }
        return 0;
    }

    /** One MLLP frame out, the acknowledgement frame back. */
    private static String exchange(int port, String message) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(0x0b);
            out.write(message.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {0x1c, 0x0d});
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder ack = new StringBuilder();
            for (int b = in.read(); b != -1 && b != 0x1c; b = in.read()) {
                if (b != 0x0b) {
                    ack.append((char) b);
                }
            }
            return ack.toString();
        }
    }
}
