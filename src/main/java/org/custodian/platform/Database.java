package org.custodian.platform;

/**
 * A PostgreSQL server Custodian can connect to: one it started embedded in the data folder, one
 * already running there (started by another Custodian process), or an external one given by URL.
 */
public sealed interface Database extends AutoCloseable
        permits EmbeddedDatabase, RunningEmbeddedDatabase, ExternalDatabase {

    String jdbcUrl();

    String user();

    String password();

    /** Says where the data lives, for logs and error messages; never includes a password. */
    String description();

    /** True when the server is still starting, so the first connection must wait for it. */
    default boolean startsInBackground() {
        return false;
    }

    @Override
    void close();
}
