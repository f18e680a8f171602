package org.custodian.interop.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.DocumentRepository;
import org.custodian.record.PatientRepository;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * {@code _include} and {@code _revinclude} within one patient's record, the common chains:
 * {@code X:patient}, {@code X:subject} and {@code X:encounter} forward, and the clinical types that
 * point at the matched encounters (or patient) backward, and {@code Provenance:target} (where each
 * version of a match came from). Everything added belongs to the same
 * patient, so the search's one access decision and audit event cover it; labelled encounters and
 * documents the caller may not see are never added.
 */
@Component
final class Includes {
    static final Set<String> FORWARD = Set.of("patient", "subject", "encounter");

    private final ClinicalQueries queries;
    private final DocumentRepository documents;
    private final PatientRepository patients;
    private final ResourceHistory history;
    private final Deletions deletions;

    Includes(ClinicalQueries queries, DocumentRepository documents, PatientRepository patients,
             ResourceHistory history, Deletions deletions) {
        this.deletions = deletions;
        this.queries = queries;
        this.documents = documents;
        this.patients = patients;
        this.history = history;
    }

    /**
     * The matches with the included resources set on their references, followed by the reverse
     * includes; nothing of the {@code withheld} labelled encounters and documents is included.
     */
    List<Resource> apply(UUID patientId, List<? extends Resource> matches, Set<Include> includes,
                         Set<Include> revIncludes, Set<UUID> withheld) {
        List<Resource> all = new ArrayList<>(matches);
        if (includes != null && !includes.isEmpty()) {
            forward(patientId, matches, includes, withheld);
        }
        if (revIncludes != null && !revIncludes.isEmpty()) {
            Set<String> matched = new HashSet<>();
            matches.forEach(m -> matched.add(m.fhirType() + "/" + m.getIdElement().getIdPart()));
            for (Include include : revIncludes) {
                if ("Provenance".equals(include.getParamType())) {
                    for (Resource match : matches) {
                        for (Resource provenance : history.provenanceOf(match.fhirType(),
                                UUID.fromString(match.getIdElement().getIdPart()))) {
                            ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(provenance, BundleEntrySearchModeEnum.INCLUDE);
                            all.add(provenance);
                        }
                    }
                    continue;
                }
                for (Resource candidate : ofType(patientId, include.getParamType(), withheld)) {
                    Reference ref = reference(candidate, include.getParamName());
                    if (ref != null && matched.contains(ref.getReference())) {
                        ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(candidate, BundleEntrySearchModeEnum.INCLUDE);
                        all.add(candidate);
                    }
                }
            }
        }
        return all;
    }

    private void forward(UUID patientId, List<? extends Resource> matches, Set<Include> includes,
                         Set<UUID> withheld) {
        Resource patient = null;
        Map<String, Resource> encounters = null;
        for (Resource match : matches) {
            for (Include include : includes) {
                if (include.getParamType() != null && !include.getParamType().equals(match.fhirType())) {
                    continue;
                }
                Reference ref = reference(match, include.getParamName());
                if (ref == null || ref.getReference() == null) {
                    continue;
                }
                if (include.getParamName().equals("encounter")) {
                    if (encounters == null) {
                        encounters = byReference(ofType(patientId, "Encounter", withheld));
                    }
                    ref.setResource(encounters.get(ref.getReference()));
                } else {
                    if (patient == null) {
                        patient = patients.find(patientId).map(p -> history.stampCurrent("Patient",
                                List.of(PeopleResources.patient(p, queries.identifiers(patientId)))).getFirst())
                                .orElse(null);
                    }
                    ref.setResource(patient);
                }
            }
        }
    }

    /** The reference a search parameter (patient, subject, encounter) follows in a resource, or null. */
    static Reference reference(Resource resource, String param) {
        return switch (param) {
            case "patient", "subject" -> switch (resource) {
                case org.hl7.fhir.r4.model.Encounter e -> e.getSubject();
                case org.hl7.fhir.r4.model.Condition c -> c.getSubject();
                case org.hl7.fhir.r4.model.Procedure p -> p.getSubject();
                case org.hl7.fhir.r4.model.Observation o -> o.getSubject();
                case org.hl7.fhir.r4.model.DocumentReference d -> d.getSubject();
                default -> null;
            };
            case "encounter" -> switch (resource) {
                case org.hl7.fhir.r4.model.Condition c -> c.getEncounter();
                case org.hl7.fhir.r4.model.Procedure p -> p.getEncounter();
                case org.hl7.fhir.r4.model.Observation o -> o.getEncounter();
                case org.hl7.fhir.r4.model.DocumentReference d ->
                        d.getContext().getEncounter().isEmpty() ? null : d.getContext().getEncounterFirstRep();
                default -> null;
            };
            default -> null;
        };
    }

    private List<? extends Resource> ofType(UUID patientId, String type, Set<UUID> withheld) {
        return deletions.withoutDeleted(allOfType(patientId, type).stream()
                .filter(r -> WithheldResources.shown(r, withheld)).toList());
    }

    private List<? extends Resource> allOfType(UUID patientId, String type) {
        ClinicalQueries.Filter none = ClinicalQueries.Filter.NONE;
        return switch (type == null ? "" : type) {
            case "Encounter" -> stamped(type, queries.encounters(patientId, none), ClinicalResources::encounter);
            case "Condition" -> stamped(type, queries.diagnoses(patientId, none), ClinicalResources::condition);
            case "Procedure" -> stamped(type, queries.procedures(patientId, none), ClinicalResources::procedure);
            case "Observation" -> stamped(type, queries.observations(patientId, none), ClinicalResources::observation);
            case "DocumentReference" -> documents.forPatient(patientId).stream().map(ClinicalResources::document).toList();
            default -> List.of();
        };
    }

    private <T, R extends Resource> List<R> stamped(String type, List<T> rows, Function<T, R> mapping) {
        return history.stampCurrent(type, rows.stream().map(mapping).toList());
    }

    private static Map<String, Resource> byReference(List<? extends Resource> resources) {
        Map<String, Resource> map = new HashMap<>();
        resources.forEach(r -> map.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r));
        return map;
    }
}
