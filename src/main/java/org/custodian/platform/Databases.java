package org.custodian.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the database for a data folder: {@code CUSTODIAN_DB_URL} wins; otherwise the embedded
 * server in {@code DIR/pgdata}, reused if another process runs it, started here if not.
 */
public final class Databases {
    public static final String URL_VARIABLE = "CUSTODIAN_DB_URL";

    private Databases() {
    }

    public static Database open(Path dataDirectory) {
        return open(dataDirectory, System.getenv());
    }

    static Database open(Path dataDirectory, Map<String, String> env) {
        String url = env.get(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new ExternalDatabase(url.trim(), env.getOrDefault("CUSTODIAN_DB_USER", ""),
                    env.getOrDefault("CUSTODIAN_DB_PASSWORD", ""));
        }
        Path pgData = dataDirectory.toAbsolutePath().normalize().resolve("pgdata");
        Optional<RunningEmbeddedDatabase> running = running(pgData);
        if (running.isPresent()) {
            return running.get();
        }
        try {
            Files.createDirectories(pgData.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + dataDirectory + ": " + e.getMessage(), e);
        }
        return EmbeddedDatabase.start(pgData);
    }

    /**
     * Reads PostgreSQL's lock file (line 1 pid, line 4 port) and checks that the process lives;
     * a stale lock file from a crash is left for PostgreSQL itself to clear on start.
     */
    static Optional<RunningEmbeddedDatabase> running(Path pgData) {
        Path lock = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(lock)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(lock);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(new RunningEmbeddedDatabase(pgData, port, pid)) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
