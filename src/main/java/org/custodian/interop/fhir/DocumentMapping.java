package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.instant;
import static org.custodian.interop.fhir.FhirJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentStatus;
import org.custodian.record.DocumentType;
import org.custodian.record.DocumentVersion;
import org.custodian.record.EncounterClass;
import org.custodian.record.Provenance;

/**
 * A FHIR DocumentReference carrying a plain-text note as a signed document: one FINAL version,
 * authenticated by its author when the encounter ended (Synthea writes notes at the visit).
 */
final class DocumentMapping {
    private DocumentMapping() {
    }

    /** The document, or null when its attachment is not plain text (nothing to show as a note). */
    static ClinicalDocument document(JsonNode resource, String syntheaId, UUID patientId,
                                     EncounterMapping.EncounterRef encounter, UUID authorId, Provenance provenance) {
        JsonNode attachment = resource.path("content").path(0).path("attachment");
        String contentType = text(attachment, "/contentType");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("text/")) {
            return null;
        }
        String body = decode(text(attachment, "/data"));
        DocumentType type = type(encounter == null ? null : encounter.encounterClass());
        Instant created = instant(resource, "/date");
        if (created == null && encounter != null) {
            created = encounter.start();
        }
        if (created == null) {
            throw new BundleException("date", "is required when the document has no encounter");
        }
        Instant signed = encounter == null ? null : encounter.end();
        if (signed == null) {
            signed = instant(resource, "/context/period/end");
        }
        if (signed == null) {
            signed = created;
        }
        String title = encounter == null || encounter.typeText() == null ? type.label()
                : type.label() + ": " + encounter.typeText();
        DocumentVersion version = new DocumentVersion(1, DocumentStatus.FINAL, title, body, authorId, signed,
                authorId, null, provenance);
        return new ClinicalDocument(SyntheaIds.id("DocumentReference", syntheaId), patientId,
                encounter == null ? null : encounter.id(), type, null, created, List.of(version));
    }

    static DocumentType type(EncounterClass encounterClass) {
        if (encounterClass == null) {
            return DocumentType.PROGRESS_NOTE;
        }
        return switch (encounterClass) {
            case INPATIENT -> DocumentType.HISTORY_AND_PHYSICAL;
            case EMERGENCY -> DocumentType.EMERGENCY_NOTE;
            case OUTPATIENT, SNF, OBSERVATION -> DocumentType.PROGRESS_NOTE;
        };
    }

    private static String decode(String base64) {
        if (base64 == null) {
            return "";
        }
        try {
            return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BundleException("content[0].attachment.data", "is not base64: " + e.getMessage());
        }
    }
}
