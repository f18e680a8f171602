package org.custodian.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** PostgreSQL started by this process in the data folder; its files survive restarts. */
public final class EmbeddedDatabase implements Database {
    static final String USER = "postgres";
    static final String DATABASE = "custodian";

    private final Path dataDirectory;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path pgData) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // the launcher stops the server after the application, never alongside it
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .start();
            createDatabaseIfMissing(postgres);
            return new EmbeddedDatabase(pgData, postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
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

    @Override
    public String jdbcUrl() {
        return url(postgres.getPort());
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
        return "embedded PostgreSQL in " + dataDirectory + " (port " + postgres.getPort() + ")";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
