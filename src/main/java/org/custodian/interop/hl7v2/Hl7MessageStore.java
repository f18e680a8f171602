package org.custodian.interop.hl7v2;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code hl7_message} table: every inbound message as received, its outcome and its ACK. */
@Repository
class Hl7MessageStore {
    record Stored(UUID id, RawMessage raw, MshHeader header, String status, UUID resolvedBy) {
    }

    private final JdbcClient jdbc;

    Hl7MessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> acceptedId(MshHeader header) {
        if (header.controlId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id FROM hl7_message WHERE status = 'ACCEPTED' AND control_id = :c
                   AND coalesce(sending_application, '') = :a AND coalesce(sending_facility, '') = :f""")
                .param("c", clean(header.controlId())).param("a", clean(nz(header.sendingApplication())))
                .param("f", clean(nz(header.sendingFacility()))).query(UUID.class).optional();
    }

    void insert(UUID id, RawMessage raw, MshHeader header, Hl7Outcome outcome, String ack, UUID replayOf, String replayedBy) {
        Hl7Outcome.Rejected rejected = outcome instanceof Hl7Outcome.Rejected r ? r : null;
        String status = switch (outcome) {
            case Hl7Outcome.Accepted a -> "ACCEPTED";
            case Hl7Outcome.Duplicate d -> "DUPLICATE";
            case Hl7Outcome.Rejected r -> "REJECTED";
        };
        jdbc.sql("""
                INSERT INTO hl7_message (id, received_at, remote_address, control_id, sending_application,
                    sending_facility, message_type, raw, size_bytes, status, ack_code, error_code, error_location,
                    error_message, ack, replay_of, replayed_by)
                VALUES (:id, :at, :remote, :control, :app, :fac, :type, :raw, :size, :status, :ackCode, :code,
                    :location, :message, :ack, :replayOf, :replayedBy)""")
                .param("id", id).param("at", Timestamp.from(raw.receivedAt())).param("remote", raw.remoteAddress())
                .param("control", clean(header.controlId())).param("app", clean(header.sendingApplication()))
                .param("fac", clean(header.sendingFacility())).param("type", clean(header.messageType()))
                .param("raw", raw.bytes()).param("size", raw.sizeBytes()).param("status", status)
                .param("ackCode", AckWriter.code(outcome).name())
                .param("code", rejected == null ? null : String.valueOf(rejected.code().code()))
                .param("location", rejected == null ? null : clean(rejected.location().toString()))
                .param("message", rejected == null ? null : clean(rejected.message()))
                .param("ack", clean(ack)).param("replayOf", replayOf).param("replayedBy", replayedBy)
                .update();
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
