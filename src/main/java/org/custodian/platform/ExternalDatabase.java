package org.custodian.platform;

/** A PostgreSQL server run by someone else, named by {@code CUSTODIAN_DB_URL}. */
public record ExternalDatabase(String jdbcUrl, String user, String password) implements Database {
    public ExternalDatabase {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("CUSTODIAN_DB_URL must be a jdbc:postgresql: URL, got: " + jdbcUrl);
        }
    }

    @Override
    public String description() {
        int query = jdbcUrl.indexOf('?');
        return "external PostgreSQL " + (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query));
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
