package org.custodian.platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Starts Custodian from the build's extracted copy with the JDK's ahead-of-time class cache, when
 * the build made one ({@code custodian-app/} beside {@code custodian.jar}): the same commands, about
 * half the start-up time. The launching JVM only waits for the child, passes SIGTERM on and returns
 * its exit code; a child whose launcher is killed outright stops at once, as the launcher would have.
 */
public final class FastLaunch {
    static final String CHILD_PROPERTY = "custodian.launched";
    static final String APP_FOLDER = "custodian-app";
    static final String CACHE = "custodian.aot";
    /** Tells the child that the build prepared its server context ahead of time (see cli.PreparedServerContext). */
    public static final String PREPARED_CONTEXT = "custodian.prepared-context";
    /**
     * The heap ceiling of commands whose work streams through a small live set: without one the JVM may
     * take a quarter of the machine's memory and, short of CPU, grow into it rather than collect
     * ({@code import} peaked at 2.2 GB on a busy 23 GB machine). An {@code -Xmx} given to the launcher wins.
     */
    static final Map<String, String> HEAP_CEILINGS = Map.of("import", "-Xmx768m");

    private FastLaunch() {
    }

    /** Runs the command in a faster child JVM if one can be prepared; empty means run it here. */
    public static OptionalInt relaunchIfPrepared(String[] args) {
        if (Boolean.getBoolean(CHILD_PROPERTY)) {
            watchLauncher();
            return OptionalInt.empty();
        }
        if (Runtime.version().feature() < 25 || System.getenv("CUSTODIAN_NO_FAST_LAUNCH") != null) {
            return OptionalInt.empty();
        }
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            return OptionalInt.empty();
        }
        Path jarDirectory = Path.of(classPath).toAbsolutePath().getParent();
        Path app = jarDirectory.resolve(APP_FOLDER);
        if (!Files.isRegularFile(app.resolve("custodian.jar")) || !Files.isRegularFile(app.resolve(CACHE))) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(run(command(app, args), jarDirectory));
        } catch (IOException e) {
            System.err.println("custodian: fast launch unavailable (" + e.getMessage() + "); starting normally");
            return OptionalInt.empty();
        }
    }

    static List<String> command(Path app, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-D" + CHILD_PROPERTY) && !option.startsWith("-D" + PREPARED_CONTEXT)
                    && !option.startsWith("-XX:AOTCache")) {
                command.add(option);
            }
        }
        String ceiling = args.length == 0 ? null : HEAP_CEILINGS.get(args[0]);
        if (ceiling != null && command.stream().noneMatch(o -> o.startsWith("-Xmx") || o.startsWith("-XX:MaxRAM"))) {
            command.add(ceiling);
        }
        command.add("-XX:AOTCache=" + app.resolve(CACHE));
        command.add("-Xlog:aot=off");
        command.add("-Xlog:cds=off");
        command.add("-D" + CHILD_PROPERTY + "=true");
        command.add("-D" + PREPARED_CONTEXT + "=true");
        command.add("-jar");
        command.add(app.resolve("custodian.jar").toString());
        command.addAll(List.of(args));
        return command;
    }

    private static int run(List<String> command, Path jarDirectory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Path synthea = jarDirectory.resolve("synthea-lib");
        if (Files.isDirectory(synthea) && System.getenv("CUSTODIAN_SYNTHEA_LIB") == null) {
            builder.environment().put("CUSTODIAN_SYNTHEA_LIB", synthea.toString());
        }
        Process child = builder.start();
        Thread forward = new Thread(() -> stop(child), "custodian-launcher-stop");
        Runtime.getRuntime().addShutdownHook(forward);
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(child);
            return 130;
        }
    }

    /** SIGTERM to the child, then wait for its orderly shutdown (it stops the embedded database too). */
    private static void stop(Process child) {
        if (child.isAlive()) {
            child.destroy();
            try {
                child.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void watchLauncher() {
        ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit()
                .thenRun(() -> Runtime.getRuntime().halt(137)));
    }
}
