package org.custodian.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The log of disclosures; the accounting is its accountable rows. */
@Repository
class DisclosureRepository {
    private final JdbcClient jdbc;

    DisclosureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Disclosure d) {
        jdbc.sql("""
                INSERT INTO disclosure (id, patient_id, disclosed_on, recipient, recipient_address, description, purpose,
                    legal_basis, accountable, request_id, recorded_by)
                VALUES (:id, :patient, :on, :recipient, :address, :description, :purpose, :basis, :accountable,
                    :request, :by)""")
                .param("id", d.id()).param("patient", d.patientId()).param("on", d.disclosedOn())
                .param("recipient", d.recipient()).param("address", d.recipientAddress())
                .param("description", d.description()).param("purpose", d.purpose()).param("basis", d.basis().name())
                .param("accountable", d.accountable()).param("request", d.requestId()).param("by", d.recordedBy())
                .update();
    }

    /** Every disclosure of the patient since the date, newest first; {@code accountableOnly} for 164.528. */
    List<Disclosure> forPatient(UUID patientId, LocalDate since, boolean accountableOnly) {
        return jdbc.sql("SELECT * FROM disclosure WHERE patient_id = :p AND disclosed_on >= :since"
                        + (accountableOnly ? " AND accountable" : "") + " ORDER BY disclosed_on DESC, recorded_at DESC")
                .param("p", patientId).param("since", since)
                .query((rs, i) -> new Disclosure(rs.getObject("id", UUID.class), patientId,
                        rs.getObject("disclosed_on", LocalDate.class), rs.getString("recipient"),
                        rs.getString("recipient_address"), rs.getString("description"), rs.getString("purpose"),
                        LegalBasis.valueOf(rs.getString("legal_basis")), rs.getBoolean("accountable"),
                        rs.getObject("request_id", UUID.class), ReleaseRequestRepository.instant(rs, "recorded_at"),
                        rs.getString("recorded_by")))
                .list();
    }

    /** Who received the document in a released packet (to notify of an amendment). */
    List<Recipient> recipientsOf(UUID documentId) {
        return jdbc.sql("""
                SELECT DISTINCT ON (d.recipient) d.id, d.recipient FROM disclosure d
                  JOIN roi_request_document rd ON rd.request_id = d.request_id
                 WHERE rd.document_id = :doc ORDER BY d.recipient, d.disclosed_on DESC""").param("doc", documentId)
                .query((rs, i) -> new Recipient(rs.getObject("id", UUID.class), rs.getString("recipient"))).list();
    }

    record Recipient(UUID disclosureId, String name) {
    }
}
