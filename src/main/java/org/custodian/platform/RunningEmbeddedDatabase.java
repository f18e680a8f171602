package org.custodian.platform;

import java.nio.file.Path;

/** The embedded server another Custodian process (e.g. {@code serve}) already runs on this data folder. */
public record RunningEmbeddedDatabase(Path dataDirectory, int port, long pid) implements Database {
    @Override
    public String jdbcUrl() {
        return EmbeddedDatabase.url(port);
    }

    @Override
    public String user() {
        return EmbeddedDatabase.USER;
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public String description() {
        return "embedded PostgreSQL in " + dataDirectory + " (already running, pid " + pid + ", port " + port + ")";
    }

    @Override
    public void close() {
        // the process that started it stops it
    }
}
