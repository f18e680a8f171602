package org.custodian.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * PostgreSQL started by this process in the data folder; its files survive restarts. It starts in
 * the background on a port chosen up front, so the application can boot meanwhile; the first
 * connection waits for it (see {@link #startsInBackground()}).
 */
public final class EmbeddedDatabase implements Database {
    static final String USER = "postgres";
    static final String DATABASE = "custodian";

    private final Path dataDirectory;
    private final int port;
    private final CompletableFuture<EmbeddedPostgres> postgres;

    private EmbeddedDatabase(Path dataDirectory, int port, CompletableFuture<EmbeddedPostgres> postgres) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path pgData) {
        int port = freePort();
        CompletableFuture<EmbeddedPostgres> starting = CompletableFuture.supplyAsync(() -> startNow(pgData, port));
        return new EmbeddedDatabase(pgData, port, starting);
    }

    private static EmbeddedPostgres startNow(Path pgData, int port) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // the launcher stops the server after the application, never alongside it
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    // zonky is made for tests and turns durability off (-F, synchronous_commit=off);
                    // the legal health record must survive a crash, so both are switched back on
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            createDatabaseIfMissing(postgres);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for the embedded PostgreSQL", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("could not create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?reWriteBatchedInserts=true";
    }

    /** Waits until the server runs; throws the reason it could not start. */
    public void awaitReady() {
        try {
            postgres.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public boolean startsInBackground() {
        return true;
    }

    @Override
    public String jdbcUrl() {
        return url(port);
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public String description() {
        return "embedded PostgreSQL in " + dataDirectory + " (port " + port + ")";
    }

    @Override
    public void close() {
        EmbeddedPostgres server;
        try {
            server = postgres.join();
        } catch (CompletionException notStarted) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
