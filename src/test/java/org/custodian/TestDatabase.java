package org.custodian;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL per test JVM; every Spring test context gets a database of its own
 * on it, so tests never see each other's rows.
 */
public final class TestDatabase {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopAfterContextsClose));
        }
        return server;
    }

    /**
     * Shutdown hooks run side by side: Spring's closes the test contexts, which still use the
     * database as they close. Wait (bounded) until their pools have let go, then stop the server.
     */
    private static void stopAfterContextsClose() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                var rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()");
                rs.next();
                if (rs.getInt(1) == 0) {
                    break;
                }
                Thread.sleep(100);
            }
        } catch (SQLException | InterruptedException ignored) {
            // stop the server regardless
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // the JVM is ending; the temporary folder goes with it
        }
    }

    /** Creates a new empty database and returns its JDBC URL. */
    public static String newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name + "?reWriteBatchedInserts=true";
    }

    public static Path newDataDirectory() {
        try {
            return Files.createTempDirectory("custodian-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
