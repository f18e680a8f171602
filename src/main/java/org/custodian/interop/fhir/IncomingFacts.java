package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.Diagnosis;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.EncounterRepository;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.Observation;
import org.custodian.record.PatientRepository;
import org.custodian.record.PractitionerRepository;
import org.custodian.record.Procedure;
import org.custodian.record.Provenance;
import org.springframework.stereotype.Component;

/**
 * A clinical resource sent by an API client as the record's fact, with the id it will have. Its
 * references must name what the record holds: the patient, the patient's own encounter, a facility
 * (Organization), a practitioner. Errors are 422s naming the element, e.g. {@code Condition.encounter.reference}.
 */
@Component
final class IncomingFacts {
    private final ClinicalQueries queries;
    private final FacilityRepository facilities;
    private final PractitionerRepository practitioners;
    private final PatientRepository patients;

    IncomingFacts(ClinicalQueries queries, FacilityRepository facilities, PractitionerRepository practitioners,
                  PatientRepository patients) {
        this.patients = patients;
        this.queries = queries;
        this.facilities = facilities;
        this.practitioners = practitioners;
    }

    static UUID patientOf(JsonNode resource, String type) {
        return RecordRefs.required(resource, type, "subject", "Patient");
    }

    /** The patient the fact is about, who must be in the record. */
    UUID knownPatient(JsonNode json, String type) {
        UUID patientId = patientOf(json, type);
        if (patients.find(patientId).isEmpty()) {
            throw FhirErrors.unprocessable(type + ".subject.reference", "Patient/" + patientId + " is not in the record");
        }
        return patientId;
    }

    Encounter encounter(JsonNode json, UUID id, UUID patientId) {
        UUID facilityId = RecordRefs.required(json, "Encounter", "serviceProvider", "Organization");
        Facility facility = facilities.find(facilityId).orElseThrow(() -> FhirErrors.unprocessable(
                "Encounter.serviceProvider.reference", "Organization/" + facilityId + " is not a facility of this record"));
        EncounterClass encounterClass = encounterClass(text(json, "/class/code"));
        UUID attending = participant(json, EncounterParticipants.Role.ATTENDING);
        Encounter mapped = mapped("Encounter", () -> EncounterMapping.encounter(json, id.toString(), patientId, facility,
                encounterClass, attending));
        return new Encounter(id, patientId, facility.id(), text(json, "/identifier/0/value"), encounterClass,
                mapped.admitAt(), mapped.dischargeAt(), attending, mapped.dischargeDisposition(), mapped.reason());
    }

    Diagnosis diagnosis(JsonNode json, UUID id, UUID patientId) {
        UUID encounterId = encounterOf(json, "Condition", "encounter", patientId);
        Diagnosis d = mapped("Condition", () -> FactMapping.diagnosis(json, id.toString(), patientId, encounterId));
        return new Diagnosis(id, patientId, encounterId, d.code(), null, null, false, d.onsetAt(), d.resolvedAt());
    }

    Procedure procedure(JsonNode json, UUID id, UUID patientId) {
        UUID encounterId = encounterOf(json, "Procedure", "encounter", patientId);
        Procedure p = mapped("Procedure", () -> FactMapping.procedure(json, id.toString(), patientId, encounterId));
        return new Procedure(id, patientId, encounterId, p.code(), p.performedAt());
    }

    /** One result: the record keeps a blood pressure's components as results of their own. */
    Observation observation(JsonNode json, UUID id, UUID patientId) {
        if (json.path("component").size() > 0) {
            throw FhirErrors.unprocessable("Observation.component", "the record keeps one value per result;"
                    + " send each component as an Observation of its own");
        }
        UUID encounterId = encounterOf(json, "Observation", "encounter", patientId);
        List<Observation> results = mapped("Observation",
                () -> FactMapping.observations(json, id.toString(), patientId, encounterId));
        if (results.isEmpty()) {
            throw FhirErrors.unprocessable("Observation.value[x]", "is required: the record keeps results with a value");
        }
        Observation o = results.getFirst();
        return new Observation(id, patientId, encounterId, o.loincCode(), o.display(), o.valueNumeric(), o.valueText(),
                o.unit(), o.referenceLow(), o.referenceHigh(), o.abnormalFlag(), o.observedAt(), o.status());
    }

    ClinicalDocument document(JsonNode json, UUID id, UUID patientId, Provenance provenance) {
        UUID encounterId = encounterOf(json, "DocumentReference", "context.encounter[0]", patientId);
        EncounterMapping.EncounterRef encounter = encounterId == null ? null : queries.encounter(encounterId)
                .map(e -> new EncounterMapping.EncounterRef(e.id(), e.encounterClass(), e.reason(), e.admitAt(),
                        e.dischargeAt())).orElseThrow();
        UUID author = practitioner(json, "DocumentReference", "author[0]");
        ClinicalDocument d = mapped("DocumentReference",
                () -> DocumentMapping.document(json, id.toString(), patientId, encounter, author, provenance));
        if (d == null) {
            throw FhirErrors.unprocessable("DocumentReference.content[0].attachment.contentType",
                    "the record keeps notes as text (text/plain); this attachment is not text");
        }
        return new ClinicalDocument(id, patientId, d.encounterId(), d.type(), null, d.createdAt(), d.versions());
    }

    /** The encounter referred to, which must be one of the patient's own; null when there is no reference. */
    /** The patient's encounter a new fact or note is filed on, if it names one (an encounter is filed on none). */
    UUID encounterReference(JsonNode json, String type, UUID patientId) {
        return switch (type) {
            case "Condition", "Procedure", "Observation" -> encounterOf(json, type, "encounter", patientId);
            case "DocumentReference" -> encounterOf(json, type, "context.encounter[0]", patientId);
            default -> null;
        };
    }

    private UUID encounterOf(JsonNode json, String type, String element, UUID patientId) {
        UUID encounterId = RecordRefs.optional(json, type, element, "Encounter");
        if (encounterId != null && !queries.patientOf(ClinicalQueries.Kind.ENCOUNTER, encounterId)
                .filter(patientId::equals).isPresent()) {
            throw FhirErrors.unprocessable(type + "." + element + ".reference",
                    "Encounter/" + encounterId + " is not an encounter of Patient/" + patientId);
        }
        return encounterId;
    }

    /** The encounter's admitting and referring doctors, each a practitioner of the record if given. */
    EncounterRepository.Doctors doctors(JsonNode encounter) {
        return new EncounterRepository.Doctors(participant(encounter, EncounterParticipants.Role.ADMITTING),
                participant(encounter, EncounterParticipants.Role.REFERRING));
    }

    private UUID participant(JsonNode encounter, EncounterParticipants.Role role) {
        String element = EncounterParticipants.element(encounter, role);
        return element == null ? null : practitioner(encounter, "Encounter", element);
    }

    private UUID practitioner(JsonNode json, String type, String element) {
        UUID id = RecordRefs.optional(json, type, element, "Practitioner");
        if (id != null && practitioners.find(id).isEmpty()) {
            throw FhirErrors.unprocessable(type + "." + element + ".reference",
                    "Practitioner/" + id + " is not a practitioner of this record");
        }
        return id;
    }

    static EncounterClass encounterClass(String actCode) {
        for (EncounterClass c : EncounterClass.values()) {
            if (ClinicalResources.actCode(c).equals(actCode)) {
                return c;
            }
        }
        throw FhirErrors.unprocessable("Encounter.class.code", "must be one of IMP, AMB, EMER, NONAC, OBSENC"
                + " (v3 ActCode), not " + actCode);
    }

    /** Runs an importer mapping, turning its errors into 422s at the resource's element. */
    static <T> T mapped(String type, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (BundleException e) {
            String where = e.where() == null || e.where().isEmpty() ? type : type + "." + e.where();
            throw FhirErrors.unprocessable(where, e.problem());
        } catch (IllegalArgumentException e) {
            throw FhirErrors.unprocessable(type, e.getMessage());
        }
    }
}
