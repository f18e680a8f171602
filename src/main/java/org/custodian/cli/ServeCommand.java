package org.custodian.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Custodian server (web UI and interfaces) until stopped.")
public final class ServeCommand implements Callable<Integer> {
    private static volatile boolean serving;

    @Mixin
    DataOptions data;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--mllp-port", paramLabel = "P", defaultValue = "2575",
            description = "HL7 v2 MLLP port (default: ${DEFAULT-VALUE}).")
    int mllpPort;

    static final int DEFAULT_MLLP_PORT = 2575;

    @Override
    public Integer call() {
        serve(data, port, mllpPort);
        return 0;
    }

    static Launcher.Running serve(DataOptions data, int port) {
        return serve(data, port, DEFAULT_MLLP_PORT);
    }

    /** Starts the server and returns; the JVM then lives on until SIGTERM or Ctrl-C. */
    static Launcher.Running serve(DataOptions data, int port, int mllpPort) {
        Launcher.Running running = Launcher.start(data.dataDirectory(), Launcher.Mode.SERVER, Map.of(
                "server.port", port,
                "custodian.hl7.mllp-port", mllpPort,
                "spring.main.keep-alive", "true"));
        serving = true;
        System.out.println("Custodian is serving on http://localhost:" + port + "/ using "
                + running.database().description());
        return running;
    }

    /** True once a server has started, so {@code main} must not exit the JVM. */
    public static boolean keepsRunning() {
        return serving;
    }
}
