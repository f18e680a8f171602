package org.custodian.record;

import java.util.UUID;

/** The one place that knows how a document version becomes a row. */
final class DocumentRows {
    static final String INSERT_VERSION = """
            INSERT INTO document_version (document_id, version, patient_id, status, title, body, author_id,
                signed_at, signed_by, change_reason, source_system, source_ref, received_at, recorded_by)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""";

    private DocumentRows() {
    }

    static Object[] version(UUID documentId, UUID patientId, DocumentVersion v) {
        Provenance prov = v.provenance();
        return new Object[] {
            documentId, v.version(), patientId, v.status().name(), v.title(), v.body(), v.authorId(),
            RecordWriter.ts(v.signedAt()), v.signedBy(), v.changeReason(),
            prov.sourceSystem(), prov.sourceRef(), RecordWriter.ts(prov.receivedAt()), prov.recordedBy()};
    }
}
