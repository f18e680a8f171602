package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.DocumentRepository;
import org.custodian.record.DocumentVersion;
import org.custodian.record.EncounterRepository;
import org.custodian.record.RecordVersions;
import org.custodian.record.RecordVersions.Fact;
import org.custodian.record.RecordVersions.Stamp;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Versions as the record keeps them: {@code meta.versionId} counts the states a row has been in
 * (patient demographics, corrected facts, document versions), {@code meta.lastUpdated} is when that
 * state was received. {@code _history} lists them newest first and vread reads one, each behind the
 * same access decision and audit as a read.
 */
@Component
final class ResourceHistory {
    private final PhiAccess phi;
    private final RecordVersions versions;
    private final ClinicalQueries queries;
    private final DocumentRepository documents;
    private final Deletions deletions;
    private final EncounterRepository encounters;

    ResourceHistory(PhiAccess phi, RecordVersions versions, ClinicalQueries queries, DocumentRepository documents,
                    Deletions deletions, EncounterRepository encounters) {
        this.encounters = encounters;
        this.deletions = deletions;
        this.phi = phi;
        this.versions = versions;
        this.queries = queries;
        this.documents = documents;
    }

    /** Every version of the resource, newest first. */
    List<IBaseResource> history(IIdType id) {
        UUID uuid = FhirIds.uuid(id);
        String type = id.getResourceType();
        UUID patientId = patientOf(type, uuid).orElseThrow(() -> new ResourceNotFoundException(id));
        List<IBaseResource> all = decided(type, uuid, patientId, type + "/_history", uuid.toString(),
                () -> Optional.of(versionsOf(type, uuid))).orElseThrow(() -> new ResourceNotFoundException(id));
        List<IBaseResource> newestFirst = new ArrayList<>(all);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** One version, e.g. {@code Patient/…/_history/2}. */
    IBaseResource vread(IIdType id) {
        UUID uuid = FhirIds.uuid(id);
        String type = id.getResourceType();
        UUID patientId = patientOf(type, uuid).orElseThrow(() -> new ResourceNotFoundException(id));
        IBaseResource found = decided(type, uuid, patientId, type + "/_history", id.getValue(),
                        () -> versionsOf(type, uuid).stream()
                                .filter(r -> id.getVersionIdPart().equals(((Resource) r).getMeta().getVersionId()))
                                .findFirst())
                .orElseThrow(() -> new ResourceNotFoundException(id));
        deletions.find(uuid).filter(d -> id.getVersionIdPart().equals(String.valueOf(d.version()))).ifPresent(d -> {
            throw gone(d);
        });
        return found;
    }

    /** 410 for a resource deleted (marked entered-in-error) through the API. */
    static ResourceGoneException gone(Deletions.Deletion d) {
        return new ResourceGoneException(d.type() + "/" + d.id() + " was deleted by " + d.deletedBy() + " at "
                + d.deletedAt() + " (entered in error); its versions stay in _history");
    }

    /**
     * Stamps current resources of one type with their version and last update. Current encounters also
     * get what the record keeps beside their versions: their admitting and referring doctors.
     */
    @SuppressWarnings("unchecked")
    <R extends Resource> List<R> stampCurrent(String type, List<R> resources) {
        if (resources.isEmpty() || type.equals("DocumentReference")) {
            return resources; // documents carry their version already
        }
        List<UUID> ids = resources.stream().map(r -> UUID.fromString(r.getIdElement().getIdPart())).toList();
        if (type.equals("Encounter")) {
            EncounterParticipants.addDoctors((List<org.hl7.fhir.r4.model.Encounter>) resources, encounters.doctors(ids));
        }
        Map<UUID, Stamp> stamps = type.equals("Patient") ? versions.patientStamps(ids)
                : versions.factStamps(fact(type), ids);
        for (R resource : resources) {
            Stamp stamp = stamps.get(UUID.fromString(resource.getIdElement().getIdPart()));
            if (stamp != null) {
                stamp(resource, type, stamp);
            }
        }
        return resources;
    }

    static <R extends Resource> R stamp(R resource, String type, Stamp stamp) {
        String id = resource.getIdElement().getIdPart();
        resource.setIdElement(new IdType(type, id, String.valueOf(stamp.version())));
        resource.getMeta().setVersionId(String.valueOf(stamp.version())).setLastUpdated(Date.from(stamp.lastUpdated()));
        return resource;
    }

    /** Where each version came from, oldest first, as FHIR Provenance resources. */
    List<org.hl7.fhir.r4.model.Provenance> provenance(IIdType target) {
        UUID uuid = FhirIds.uuid(target);
        String type = target.getResourceType();
        UUID patientId = patientOf(type, uuid).orElseThrow(() -> new ResourceNotFoundException(target));
        return decided(type, uuid, patientId, "Provenance", type + "/" + uuid,
                        () -> Optional.of(provenanceOf(type, uuid)))
                .orElseThrow(() -> new ResourceNotFoundException(target));
    }

    /** The provenance of every version, oldest first, without a decision of its own (callers decided). */
    List<org.hl7.fhir.r4.model.Provenance> provenanceOf(String type, UUID id) {
        List<org.hl7.fhir.r4.model.Provenance> all = new ArrayList<>();
        if (type.equals("DocumentReference")) {
            for (DocumentVersion v : documents.find(id).orElseThrow().versions()) {
                all.add(ProvenanceResources.provenance(type, id, v.version(), v.provenance()));
            }
            return all;
        }
        List<? extends RecordVersions.Versioned<?>> states = type.equals("Patient") ? versions.patientHistory(id)
                : versions.factHistory(fact(type), id);
        for (RecordVersions.Versioned<?> state : states) {
            all.add(ProvenanceResources.provenance(type, id, state.stamp().version(), state.provenance()));
        }
        if (!type.equals("Patient")) {
            deletions.find(id).ifPresent(d -> all.add(ProvenanceResources.provenance(type, id, d.version(),
                    d.provenance())));
        }
        return all;
    }

    /** Every version of the resource, oldest first: a deletion is the last, the resource entered in error. */
    List<IBaseResource> versionsOf(String type, UUID id) {
        List<IBaseResource> all = statesOf(type, id);
        if (type.equals("Patient") || type.equals("DocumentReference") || all.isEmpty()) {
            return all; // a note's retraction is a version of its own already
        }
        return deletions.find(id).map(d -> {
            List<IBaseResource> withDeletion = new ArrayList<>(all);
            // mapped afresh: the last state stays as it was, its deletion is a version of its own
            Resource tombstone = EnteredInError.mark((Resource) statesOf(type, id).getLast());
            withDeletion.add(stamp(tombstone, type, new Stamp(d.version(), d.deletedAt())));
            return withDeletion;
        }).orElse(all);
    }

    private List<IBaseResource> statesOf(String type, UUID id) {
        return switch (type) {
            case "Patient" -> versioned(versions.patientHistory(id), type,
                    p -> PeopleResources.patient(p, queries.identifiers(id)));
            case "Encounter" -> versioned(versions.factHistory(Fact.ENCOUNTER, id), type, ClinicalResources::encounter);
            case "Condition" -> versioned(versions.factHistory(Fact.DIAGNOSIS, id), type, ClinicalResources::condition);
            case "Procedure" -> versioned(versions.factHistory(Fact.PROCEDURE, id), type, ClinicalResources::procedure);
            case "Observation" -> versioned(versions.factHistory(Fact.OBSERVATION, id), type,
                    ClinicalResources::observation);
            case "DocumentReference" -> documentVersions(id);
            default -> List.of();
        };
    }

    private static <T> List<IBaseResource> versioned(Collection<RecordVersions.Versioned<T>> states, String type,
                                                     Function<T, ? extends Resource> mapping) {
        return states.stream().<IBaseResource>map(v -> stamp(mapping.apply(v.value()), type, v.stamp())).toList();
    }

    /** Version n of a document is the document as it stood with its first n versions. */
    private List<IBaseResource> documentVersions(UUID id) {
        ClinicalDocument document = documents.find(id).orElseThrow();
        List<IBaseResource> all = new ArrayList<>();
        List<DocumentVersion> chain = document.versions();
        for (int n = 1; n <= chain.size(); n++) {
            all.add(ClinicalResources.document(new ClinicalDocument(document.id(), document.patientId(),
                    document.encounterId(), document.type(), document.addendumTo(), document.createdAt(),
                    chain.subList(0, n))));
        }
        return all;
    }

    /**
     * A read of the resource's versions or provenance, decided as a read of the resource itself: a
     * clinical resource counts its own and its encounter's labels beyond the patient's.
     */
    private <T> Optional<T> decided(String type, UUID id, UUID patientId, String audited, String auditedId,
                                    java.util.function.Supplier<Optional<T>> reader) {
        if (type.equals("Patient")) {
            return phi.readRecord(ApiCaller.current(), patientId, audited, auditedId, reader);
        }
        return phi.readPart(ApiCaller.current(), patientId, kind(type, id), id, audited, auditedId, reader);
    }

    private Optional<UUID> patientOf(String type, UUID id) {
        if (type.equals("Patient")) {
            return versions.patientStamps(List.of(id)).isEmpty() ? Optional.empty() : Optional.of(id);
        }
        return queries.patientOf(kind(type, id), id);
    }

    private static ClinicalQueries.Kind kind(String type, UUID id) {
        return switch (type) {
            case "Encounter" -> ClinicalQueries.Kind.ENCOUNTER;
            case "Condition" -> ClinicalQueries.Kind.DIAGNOSIS;
            case "Procedure" -> ClinicalQueries.Kind.PROCEDURE;
            case "Observation" -> ClinicalQueries.Kind.OBSERVATION;
            case "DocumentReference" -> ClinicalQueries.Kind.DOCUMENT;
            default -> throw new ResourceNotFoundException(type + "/" + id);
        };
    }

    static Fact fact(String type) {
        return switch (type) {
            case "Encounter" -> Fact.ENCOUNTER;
            case "Condition" -> Fact.DIAGNOSIS;
            case "Procedure" -> Fact.PROCEDURE;
            case "Observation" -> Fact.OBSERVATION;
            default -> throw new IllegalArgumentException("no versioned fact " + type);
        };
    }
}
