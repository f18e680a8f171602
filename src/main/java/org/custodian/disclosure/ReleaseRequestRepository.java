package org.custodian.disclosure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.SensitivityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Release-of-information requests, their selected documents and packets. */
@Repository
class ReleaseRequestRepository {
    private static final String SELECT = """
            SELECT r.*, p.family || ', ' || p.given AS patient_name FROM roi_request r JOIN patient p ON p.id = r.patient_id""";

    private final JdbcClient jdbc;

    ReleaseRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, NewRequest r, LocalDate dueOn, String createdBy) {
        Authorization a = r.authorization();
        jdbc.sql("""
                INSERT INTO roi_request (id, patient_id, requester_type, requester_name, requester_address,
                    information_requested, purpose, received_on, due_on, status, auth_present, auth_description,
                    auth_disclosing_party, auth_recipient, auth_purpose, auth_expires, auth_signed_on, auth_signed_by,
                    auth_revocation_statement, auth_conditioning_statement, auth_redisclosure_statement, auth_revoked,
                    part2_consent, auth_protected_categories, created_by)
                VALUES (:id, :patient, :type, :name, :address, :what, :purpose, :received, :due, 'OPEN', :present,
                    :description, :discloser, :recipient, :authPurpose, :expires, :signedOn, :signedBy, :revocation,
                    :conditioning, :redisclosure, :revoked, :part2, :categories, :by)""")
                .param("id", id).param("patient", r.patientId()).param("type", r.requesterType().name())
                .param("name", r.requesterName()).param("address", r.requesterAddress())
                .param("what", r.informationRequested()).param("purpose", r.purpose().name())
                .param("received", r.receivedOn()).param("due", dueOn).param("present", a.present())
                .param("description", a.description()).param("discloser", a.disclosingParty())
                .param("recipient", a.recipient()).param("authPurpose", a.purpose()).param("expires", a.expires())
                .param("signedOn", a.signedOn()).param("signedBy", a.signedBy())
                .param("revocation", a.revocationStatement()).param("conditioning", a.conditioningStatement())
                .param("redisclosure", a.redisclosureStatement()).param("revoked", a.revoked())
                .param("part2", r.part2Consent())
                .param("categories", a.protectedCategories().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("by", createdBy).update();
    }

    Optional<ReleaseRequest> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(this::map).optional();
    }

    List<ReleaseRequest> open() {
        return jdbc.sql(SELECT + " WHERE r.status = 'OPEN' ORDER BY r.due_on, r.received_on").query(this::map).list();
    }

    List<ReleaseRequest> recentlyClosed(int limit) {
        return jdbc.sql(SELECT + " WHERE r.status <> 'OPEN' ORDER BY r.closed_at DESC LIMIT :n").param("n", limit)
                .query(this::map).list();
    }

    void select(UUID id, Set<UUID> documents, LocalDate from, LocalDate to) {
        jdbc.sql("DELETE FROM roi_request_document WHERE request_id = :id").param("id", id).update();
        for (UUID doc : documents) {
            jdbc.sql("INSERT INTO roi_request_document (request_id, document_id) VALUES (:id, :doc)")
                    .param("id", id).param("doc", doc).update();
        }
        jdbc.sql("UPDATE roi_request SET date_from = :from, date_to = :to WHERE id = :id")
                .param("from", from).param("to", to).param("id", id).update();
    }

    void extend(UUID id, LocalDate newDue, String reason) {
        jdbc.sql("UPDATE roi_request SET due_on = :due, extended_on = CURRENT_DATE, extension_reason = :reason"
                        + " WHERE id = :id").param("due", newDue).param("reason", reason).param("id", id).update();
    }

    void close(UUID id, RequestStatus status, String by, String note) {
        jdbc.sql("UPDATE roi_request SET status = :s, closed_at = now(), closed_by = :by, close_note = :note WHERE id = :id")
                .param("s", status.name()).param("by", by).param("note", note).param("id", id).update();
    }

    void insertPacket(UUID id, UUID requestId, Packet packet, String by) {
        jdbc.sql("""
                INSERT INTO roi_packet (id, request_id, pages, fee, pdf, sha256, produced_at, produced_by)
                VALUES (:id, :request, :pages, :fee, :pdf, :sha, :at, :by)""")
                .param("id", id).param("request", requestId).param("pages", packet.pages()).param("fee", packet.fee())
                .param("pdf", packet.pdf()).param("sha", packet.sha256())
                .param("at", java.sql.Timestamp.from(packet.producedAt())).param("by", by).update();
    }

    List<PacketInfo> packets(UUID requestId) {
        return jdbc.sql("SELECT id, pages, fee, sha256, produced_at, produced_by FROM roi_packet WHERE request_id = :r"
                        + " ORDER BY produced_at").param("r", requestId)
                .query((rs, i) -> new PacketInfo(rs.getObject("id", UUID.class), rs.getInt("pages"),
                        rs.getBigDecimal("fee"), rs.getString("sha256"), instant(rs, "produced_at"),
                        rs.getString("produced_by")))
                .list();
    }

    Optional<byte[]> packetPdf(UUID requestId, UUID packetId) {
        return jdbc.sql("SELECT pdf FROM roi_packet WHERE id = :id AND request_id = :r").param("id", packetId)
                .param("r", requestId).query(byte[].class).optional();
    }

    private ReleaseRequest map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Set<UUID> selected = new HashSet<>(jdbc.sql("SELECT document_id FROM roi_request_document WHERE request_id = :id")
                .param("id", id).query(UUID.class).list());
        Authorization auth = new Authorization(rs.getBoolean("auth_present"), rs.getString("auth_description"),
                rs.getString("auth_disclosing_party"), rs.getString("auth_recipient"), rs.getString("auth_purpose"),
                rs.getString("auth_expires"), rs.getObject("auth_signed_on", LocalDate.class),
                rs.getString("auth_signed_by"), rs.getBoolean("auth_revocation_statement"),
                rs.getBoolean("auth_conditioning_statement"), rs.getBoolean("auth_redisclosure_statement"),
                rs.getBoolean("auth_revoked"), categories((String[]) rs.getArray("auth_protected_categories").getArray()));
        return new ReleaseRequest(id, rs.getObject("patient_id", UUID.class), rs.getString("patient_name"),
                RequesterType.valueOf(rs.getString("requester_type")), rs.getString("requester_name"),
                rs.getString("requester_address"), rs.getString("information_requested"),
                Purpose.valueOf(rs.getString("purpose")), rs.getObject("received_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getObject("extended_on", LocalDate.class),
                rs.getString("extension_reason"), RequestStatus.valueOf(rs.getString("status")), auth,
                rs.getBoolean("part2_consent"), rs.getObject("date_from", LocalDate.class),
                rs.getObject("date_to", LocalDate.class), selected, instant(rs, "closed_at"), rs.getString("closed_by"),
                rs.getString("close_note"), rs.getString("created_by"));
    }

    private static Set<SensitivityLabel> categories(String[] names) {
        Set<SensitivityLabel> categories = EnumSet.noneOf(SensitivityLabel.class);
        for (String name : names) {
            categories.add(SensitivityLabel.valueOf(name));
        }
        return categories;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
