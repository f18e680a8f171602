package org.custodian.interop.hl7v2;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentRepository;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.DocumentVersion;
import org.custodian.record.Practitioner;
import org.custodian.record.PractitionerRepository;
import org.custodian.record.RecordWriter;
import org.springframework.stereotype.Component;

/**
 * MDM^T02: a transcribed document (TXA) whose text is in its OBX segments. MDM^T08: an edit of a
 * document sent before (same TXA-12), whose new text becomes a new version; a signed document is
 * locked against edits (it takes an addendum instead).
 */
@Component
class MdmHandler {
    private final PatientResolver resolver;
    private final PractitionerRepository practitioners;
    private final DocumentRepository documents;
    private final RecordWriter writer;

    MdmHandler(PatientResolver resolver, PractitionerRepository practitioners,
               DocumentRepository documents, RecordWriter writer) {
        this.resolver = resolver;
        this.practitioners = practitioners;
        this.documents = documents;
        this.writer = writer;
    }

    Hl7Outcome.Accepted apply(InboundMessage message) {
        return "T08".equals(message.header().triggerEvent()) ? edit(message) : add(message);
    }

    private Hl7Outcome.Accepted add(InboundMessage message) {
        var patient = resolver.resolve(message, message.segments().required("PID"), false);
        Fields txa = new Fields(message.segments().required("TXA"));
        String number = txa.required(12, 1, "unique document number");
        UUID id = documentId(patient.facility().id(), number);
        if (documents.find(id).isPresent()) {
            throw new Hl7Rejection(ErrorCode.DUPLICATE_KEY, txa.at(12, 0), "document " + number
                    + " already exists; edits to it come as MDM^T08");
        }
        DocumentStatus status = status(txa);
        UUID author = author(txa, message);
        Instant created = txa.time(4, message.zone()) != null ? txa.time(4, message.zone()) : message.messageTime();
        Instant signed = null;
        if (status == DocumentStatus.FINAL) {
            signed = txa.time(22, message.zone()) != null ? txa.time(22, message.zone()) : created;
        }
        DocumentType type = type(txa.get(2, 1));
        String title = txa.get(2, 2) != null ? txa.get(2, 2) : type.label();
        String body = body(message);
        if (body.isBlank()) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, Location.of("OBX", 5), "the document has no text");
        }
        var version = new DocumentVersion(1, status, title, body, author, signed,
                status == DocumentStatus.FINAL ? author : null, null, message.provenance());
        UUID encounterId = EncounterLink.find(message, patient.facility().id(), patient.patientId());
        writer.batch().document(new ClinicalDocument(id, patient.patientId(), encounterId, type, null, created,
                List.of(version))).flush();
        return new Hl7Outcome.Accepted(patient.patientId(), "document " + number + " " + status);
    }

    /** T08: the document's text is replaced by a new version; AU/LA in TXA-17 also signs it. */
    private Hl7Outcome.Accepted edit(InboundMessage message) {
        var patient = resolver.resolve(message, message.segments().required("PID"), false);
        Fields txa = new Fields(message.segments().required("TXA"));
        String number = txa.required(12, 1, "unique document number");
        ClinicalDocument doc = documents.find(documentId(patient.facility().id(), number))
                .orElseThrow(() -> new Hl7Rejection(ErrorCode.UNKNOWN_KEY, txa.at(12, 0), "document " + number
                        + " was never received; a new document comes as MDM^T02"));
        if (!doc.patientId().equals(patient.patientId())) {
            throw new Hl7Rejection(ErrorCode.UNKNOWN_KEY, Location.of("PID", 3), "document " + number
                    + " belongs to another patient than the one in PID-3");
        }
        DocumentVersion current = doc.current();
        if (current.status() == DocumentStatus.ENTERED_IN_ERROR || current.status().isAuthenticated()) {
            throw new Hl7Rejection(ErrorCode.RECORD_LOCKED, txa.at(12, 0), "document " + number + " is "
                    + current.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + "; a signed document is not edited, it takes an addendum");
        }
        DocumentStatus status = status(txa);
        String body = body(message);
        if (body.isBlank()) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, Location.of("OBX", 5), "the edited document has no text");
        }
        ClinicalDocument edited = documents.revise(doc.id(), current.version(), body,
                "edited by MDM^T08 (message " + message.header().controlId() + ")", message.provenance());
        if (status == DocumentStatus.FINAL) {
            UUID signer = author(txa, message);
            Instant at = txa.time(22, message.zone()) != null ? txa.time(22, message.zone()) : message.messageTime();
            edited = documents.sign(doc.id(), edited.current().version(), signer != null ? signer : current.authorId(),
                    at, "signed per MDM^T08 (message " + message.header().controlId() + ")", message.provenance());
        }
        return new Hl7Outcome.Accepted(patient.patientId(), "document " + number + " edited: version "
                + edited.current().version() + " " + edited.current().status());
    }

    private static UUID documentId(UUID facilityId, String number) {
        return UUID.nameUUIDFromBytes(("hl7/document/" + facilityId + "/" + number).getBytes(StandardCharsets.UTF_8));
    }

    /** TXA-17 (table 0271): authenticated or legally authenticated is final, the rest drafts. */
    private static DocumentStatus status(Fields txa) {
        String code = txa.required(17, 1, "document completion status");
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "AU", "LA" -> DocumentStatus.FINAL;
            case "DI", "DO", "IP", "IN", "PA" -> DocumentStatus.DRAFT;
            default -> throw new Hl7Rejection(ErrorCode.TABLE_VALUE_NOT_FOUND, txa.at(17, 0),
                    "'" + code + "' is not a completion status (table 0271: DI, DO, IP, IN, PA, AU, LA)");
        };
    }

    /** TXA-9 (XCN): id^family^given. The id is taken as an NPI when it is ten digits. */
    private UUID author(Fields txa, InboundMessage message) {
        String family = txa.get(9, 0, 2, 1);
        if (family == null) {
            return null;
        }
        String id = txa.get(9, 0, 1, 1);
        String npi = id != null && id.matches("\\d{10}") ? id : null;
        UUID uuid = UUID.nameUUIDFromBytes(("hl7/practitioner/" + message.header().sendingApplication() + "/"
                + (id != null ? id : family)).getBytes(StandardCharsets.UTF_8));
        return practitioners.ensure(new Practitioner(uuid, npi, txa.get(9, 0, 3, 1), family)).id();
    }

    private static DocumentType type(String code) {
        return switch (code == null ? "" : code.toUpperCase(Locale.ROOT)) {
            case "HP" -> DocumentType.HISTORY_AND_PHYSICAL;
            case "PN" -> DocumentType.PROGRESS_NOTE;
            case "DS" -> DocumentType.DISCHARGE_SUMMARY;
            case "OP" -> DocumentType.OPERATIVE_REPORT;
            case "CN" -> DocumentType.CONSULTATION;
            case "ED" -> DocumentType.EMERGENCY_NOTE;
            default -> DocumentType.OTHER;
        };
    }

    private static String body(InboundMessage message) {
        StringBuilder body = new StringBuilder();
        for (Segment segment : message.segments().all()) {
            if (segment.name().equals("OBX")) {
                Fields obx = new Fields(segment);
                for (int rep = 0; rep < obx.repetitions(5); rep++) {
                    String line = obx.get(5, rep, 1, 1);
                    body.append(body.isEmpty() ? "" : "\n").append(line == null ? "" : line);
                }
            }
        }
        return body.toString();
    }
}
