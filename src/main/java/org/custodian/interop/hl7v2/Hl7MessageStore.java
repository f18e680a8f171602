package org.custodian.interop.hl7v2;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code hl7_message} table: every inbound message as received, its outcome and its ACK. */
@Repository
class Hl7MessageStore {
    record Stored(UUID id, RawMessage raw, MshHeader header, String status, UUID resolvedBy) {
    }

    /** A row to insert: the message, its outcome and its ACK. */
    record NewRow(UUID id, RawMessage raw, MshHeader header, Hl7Outcome outcome, String ack, UUID replayOf,
                  String replayedBy) {
    }

    private static final String INSERT = """
            INSERT INTO hl7_message (id, received_at, remote_address, control_id, sending_application,
                sending_facility, message_type, raw, size_bytes, status, ack_code, error_code, error_location,
                error_message, ack, replay_of, replayed_by)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""";

    private static final char SEP = '\u0001';

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Hl7MessageStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Optional<UUID> acceptedId(MshHeader header) {
        return Optional.ofNullable(acceptedIds(List.of(header)).get(senderKey(header)));
    }

    /** The accepted message of each header's sender and control id, keyed by {@link #senderKey}; one query. */
    Map<String, UUID> acceptedIds(List<MshHeader> headers) {
        List<MshHeader> identified = headers.stream().filter(h -> h.controlId() != null).toList();
        if (identified.isEmpty()) {
            return Map.of();
        }
        String[] apps = identified.stream().map(h -> clean(nz(h.sendingApplication()))).toArray(String[]::new);
        String[] facilities = identified.stream().map(h -> clean(nz(h.sendingFacility()))).toArray(String[]::new);
        String[] controls = identified.stream().map(h -> clean(h.controlId())).toArray(String[]::new);
        Map<String, UUID> accepted = new HashMap<>();
        jdbc.sql("""
                SELECT m.id, coalesce(m.sending_application, ''), coalesce(m.sending_facility, ''), m.control_id
                  FROM hl7_message m JOIN unnest(:a::text[], :f::text[], :c::text[]) AS k(app, facility, control)
                    ON coalesce(m.sending_application, '') = k.app AND coalesce(m.sending_facility, '') = k.facility
                   AND m.control_id = k.control
                 WHERE m.status = 'ACCEPTED'""")
                .param("a", apps).param("f", facilities).param("c", controls)
                .query((rs, i) -> accepted.put(rs.getString(2) + SEP + rs.getString(3) + SEP + rs.getString(4),
                        rs.getObject(1, UUID.class)))
                .list();
        return accepted;
    }

    /** Sender and control id as the accepted-once index compares them; null without a control id. */
    static String senderKey(MshHeader header) {
        return header.controlId() == null ? null : clean(nz(header.sendingApplication())) + SEP
                + clean(nz(header.sendingFacility())) + SEP + clean(header.controlId());
    }

    void insert(UUID id, RawMessage raw, MshHeader header, Hl7Outcome outcome, String ack, UUID replayOf, String replayedBy) {
        insertAll(List.of(new NewRow(id, raw, header, outcome, ack, replayOf, replayedBy)));
    }

    /** Inserts rows as one JDBC batch. */
    void insertAll(List<NewRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate(INSERT, rows.stream().map(Hl7MessageStore::values).toList());
    }

    private static Object[] values(NewRow row) {
        Hl7Outcome.Rejected rejected = row.outcome() instanceof Hl7Outcome.Rejected r ? r : null;
        String status = switch (row.outcome()) {
            case Hl7Outcome.Accepted a -> "ACCEPTED";
            case Hl7Outcome.Duplicate d -> "DUPLICATE";
            case Hl7Outcome.Rejected r -> "REJECTED";
        };
        MshHeader header = row.header();
        return new Object[] {row.id(), Timestamp.from(row.raw().receivedAt()), row.raw().remoteAddress(),
            clean(header.controlId()), clean(header.sendingApplication()), clean(header.sendingFacility()),
            clean(header.messageType()), row.raw().bytes(), row.raw().sizeBytes(), status,
            AckWriter.code(row.outcome()).name(), rejected == null ? null : String.valueOf(rejected.code().code()),
            rejected == null ? null : clean(rejected.location().toString()),
            rejected == null ? null : clean(rejected.message()), clean(row.ack()), row.replayOf(), row.replayedBy()};
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("""
                SELECT id, raw, size_bytes, received_at, remote_address, status, resolved_by FROM hl7_message
                 WHERE id = :id""").param("id", id)
                .query((rs, i) -> {
                    RawMessage raw = new RawMessage(rs.getBytes("raw"), rs.getInt("size_bytes"),
                            rs.getTimestamp("received_at").toInstant(), rs.getString("remote_address"), null);
                    return new Stored(rs.getObject("id", UUID.class), raw, MshHeader.read(raw.text()),
                            rs.getString("status"), rs.getObject("resolved_by", UUID.class));
                }).optional();
    }

    /** Marks a dead letter as resolved by its successful replay; false if another replay got there first. */
    boolean resolve(UUID deadLetter, UUID replay) {
        return jdbc.sql("UPDATE hl7_message SET resolved_by = :r WHERE id = :id AND status = 'REJECTED' AND resolved_by IS NULL")
                .param("r", replay).param("id", deadLetter).update() == 1;
    }

    List<DeadLetter> deadLetters(int limit) {
        return jdbc.sql("""
                SELECT id, received_at, remote_address, sending_application, sending_facility, message_type,
                       control_id, size_bytes, error_code, error_location, error_message, ack_code
                  FROM hl7_message WHERE status = 'REJECTED' AND resolved_by IS NULL AND replay_of IS NULL
                 ORDER BY received_at DESC LIMIT :limit""").param("limit", limit)
                .query((rs, i) -> new DeadLetter(rs.getObject("id", UUID.class), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("remote_address"), rs.getString("sending_application"),
                        rs.getString("sending_facility"), rs.getString("message_type"), rs.getString("control_id"),
                        rs.getInt("size_bytes"), rs.getString("ack_code"), rs.getString("error_code"),
                        rs.getString("error_location"), rs.getString("error_message")))
                .list();
    }

    /** PostgreSQL text cannot hold NUL, which garbage input may carry; the raw bytes keep it. */
    private static String clean(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
