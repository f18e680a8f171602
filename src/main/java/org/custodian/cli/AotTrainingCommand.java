package org.custodian.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.core.env.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The build's training run for the JDK's ahead-of-time cache: starts the server as {@code serve}
 * does, asks it for a few pages so their classes load, then stops. Not meant for users.
 */
@Command(name = "aot-training", hidden = true, description = "Training run for the start-up cache (used by the build).")
public final class AotTrainingCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws Exception {
        try (Launcher.Running running = Launcher.start(data.dataDirectory(), Launcher.Mode.SERVER,
                Map.of("server.port", 0, "custodian.hl7.mllp-port", 0))) {
            String base = "http://localhost:" + running.bean(Environment.class).getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            for (String path : new String[] {"/healthz", "/login", "/patients", "/css/custodian.css"}) {
                http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        return 0;
    }
}
