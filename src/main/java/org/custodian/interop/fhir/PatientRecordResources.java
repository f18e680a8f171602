package org.custodian.interop.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * One patient's whole record as FHIR resources, stamped with their versions: what
 * {@code $everything} and bulk export hand out. The caller has made the access decision.
 */
@Component
final class PatientRecordResources {
    /** The types of a patient's record, in the order they are read. */
    static final List<String> TYPES =
            List.of("Patient", "Encounter", "Condition", "Procedure", "Observation", "DocumentReference");

    private final ClinicalQueries queries;
    private final DocumentRepository documents;
    private final ResourceHistory history;
    private final Deletions deletions;

    PatientRecordResources(ClinicalQueries queries, DocumentRepository documents, ResourceHistory history,
                           Deletions deletions) {
        this.deletions = deletions;
        this.queries = queries;
        this.documents = documents;
        this.history = history;
    }

    /** The patient's resources of the given types, last updated at or after {@code since} (null: all), none deleted. */
    List<Resource> of(Patient patient, Collection<String> types, Instant since) {
        UUID id = patient.id();
        ClinicalQueries.Filter none = ClinicalQueries.Filter.NONE;
        List<Resource> all = new ArrayList<>();
        for (String type : TYPES) {
            if (!types.contains(type)) {
                continue;
            }
            List<? extends Resource> found = switch (type) {
                case "Patient" -> List.of(PeopleResources.patient(patient, queries.identifiers(id)));
                case "Encounter" -> queries.encounters(id, none).stream().map(ClinicalResources::encounter).toList();
                case "Condition" -> queries.diagnoses(id, none).stream().map(ClinicalResources::condition).toList();
                case "Procedure" -> queries.procedures(id, none).stream().map(ClinicalResources::procedure).toList();
                case "Observation" -> queries.observations(id, none).stream().map(ClinicalResources::observation).toList();
                case "DocumentReference" -> documents.forPatient(id).stream().map(ClinicalResources::document).toList();
                default -> throw new IllegalArgumentException("not a type of the patient record: " + type);
            };
            for (Resource resource : history.stampCurrent(type, found)) {
                if (since == null || !resource.getMeta().getLastUpdated().toInstant().isBefore(since)) {
                    all.add(resource);
                }
            }
        }
        return deletions.withoutDeleted(all);
    }
}
