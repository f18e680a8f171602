package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.conceptText;
import static org.custodian.interop.fhir.FhirJson.instant;
import static org.custodian.interop.fhir.FhirJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.Facility;

/** A FHIR Encounter as a visit or stay at one of the demo facilities. */
final class EncounterMapping {
    /** What the facts of an encounter need to know about it. */
    record EncounterRef(UUID id, EncounterClass encounterClass, String typeText, Instant start, Instant end) {
    }

    private EncounterMapping() {
    }

    static EncounterPlacement.Placement placement(JsonNode encounter, Map<String, String> organizationNames) {
        String organization = text(encounter, "/serviceProvider/display");
        String identifier = FhirJson.conditionalIdentifier(text(encounter, "/serviceProvider/reference"));
        if (organization == null && identifier != null) {
            organization = organizationNames.get(identifier);
        }
        return EncounterPlacement.place(text(encounter, "/class/code"), typeText(encounter), organization);
    }

    static Encounter encounter(JsonNode resource, String syntheaId, UUID patientId, Facility facility,
                               EncounterClass encounterClass, UUID attendingId) {
        Instant start = instant(resource, "/period/start");
        if (start == null) {
            throw new BundleException("period.start", "is required");
        }
        Instant end = instant(resource, "/period/end");
        if (end != null && end.isBefore(start)) {
            throw new BundleException("period.end", "is before period.start");
        }
        String reason = conceptText(resource.path("reasonCode").path(0));
        return new Encounter(SyntheaIds.id("Encounter", syntheaId), patientId, facility.id(),
                SyntheaIds.visitNumber(syntheaId), encounterClass, start, end, attendingId,
                text(resource, "/hospitalization/dischargeDisposition/text"),
                reason != null ? reason : typeText(resource));
    }

    /** The first participant that names an individual: Synthea's primary performer. */
    static JsonNode attendingReference(JsonNode encounter) {
        for (JsonNode participant : encounter.path("participant")) {
            if (participant.has("individual")) {
                return participant.path("individual");
            }
        }
        return encounter.path("participant").path(0).path("individual");
    }

    static String typeText(JsonNode encounter) {
        return conceptText(encounter.path("type").path(0));
    }
}
