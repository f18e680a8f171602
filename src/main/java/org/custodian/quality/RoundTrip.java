package org.custodian.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Read-only queries sent to PostgreSQL together, in one round trip, each result read by its own
 * handler in the order added. An incremental check reads a patient's record and stored findings
 * this way: on a busy machine every round trip costs a wait for both processes to be scheduled.
 */
final class RoundTrip {
    @FunctionalInterface
    interface Rows {
        void read(ResultSet rs) throws SQLException;
    }

    private final List<String> queries = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private final List<Rows> readers = new ArrayList<>();

    /** Adds a query; a {@code UUID[]} parameter is sent as a uuid array. */
    RoundTrip add(String query, Rows reader, Object... queryParameters) {
        queries.add(query);
        parameters.addAll(List.of(queryParameters));
        readers.add(reader);
        return this;
    }

    void run(Connection con) throws SQLException {
        if (queries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = con.prepareStatement(String.join(";\n", queries))) {
            for (int i = 0; i < parameters.size(); i++) {
                Object p = parameters.get(i);
                if (p instanceof UUID[] ids) {
                    ps.setArray(i + 1, con.createArrayOf("uuid", ids));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            boolean isResult = ps.execute();
            for (Rows reader : readers) {
                if (!isResult) {
                    throw new IllegalStateException("a query of the round trip returned no rows: " + queries);
                }
                try (ResultSet rs = ps.getResultSet()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
                isResult = ps.getMoreResults();
            }
        }
    }
}
