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

    @Override
    public Integer call() {
        serve(data, port);
        return 0;
    }

    /** Starts the server and returns; the JVM then lives on until SIGTERM or Ctrl-C. */
    static Launcher.Running serve(DataOptions data, int port) {
        Launcher.Running running = Launcher.start(data.dataDirectory(), Launcher.Mode.SERVER, Map.of(
                "server.port", port,
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
