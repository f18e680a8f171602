package org.custodian.interop.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.ClinicalQueries;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Reads of one patient's clinical resources for the API, each behind the privacy door: the access
 * decision is about the patient whose record the resource is part of, and each read or per-patient
 * search leaves one audit event. Clinical searches therefore name their patient.
 */
@Component
final class RecordReads {
    private final PhiAccess phi;
    private final ClinicalQueries queries;
    private final ResourceHistory history;
    private final Includes includes;
    private final Deletions deletions;

    RecordReads(PhiAccess phi, ClinicalQueries queries, ResourceHistory history, Includes includes,
                Deletions deletions) {
        this.deletions = deletions;
        this.phi = phi;
        this.queries = queries;
        this.history = history;
        this.includes = includes;
    }

    ClinicalQueries queries() {
        return queries;
    }

    /**
     * The current version, stamped; or, for an id with a version ({@code _history/2}), that version.
     * A resource deleted through the API is 410 Gone (after the access decision, so only to those who may read it).
     */
    @SuppressWarnings("unchecked")
    <T, R extends Resource> R read(ClinicalQueries.Kind kind, IIdType id, Function<UUID, Optional<T>> finder,
                                   Function<T, R> mapping) {
        if (id.hasVersionIdPart()) {
            return (R) history.vread(id);
        }
        UUID uuid = FhirIds.uuid(id);
        UUID patientId = queries.patientOf(kind, uuid).orElseThrow(() -> new ResourceNotFoundException(id));
        R found = phi.readPart(ApiCaller.current(), patientId, kind, uuid, id.getResourceType(), uuid.toString(),
                        () -> finder.apply(uuid)).map(mapping)
                .map(r -> history.stampCurrent(r.fhirType(), List.of(r)).getFirst())
                .orElseThrow(() -> new ResourceNotFoundException(id));
        deletions.find(uuid).ifPresent(d -> {
            throw ResourceHistory.gone(d);
        });
        return found;
    }

    /**
     * The patient's resources matching the filter and the predicate, with what {@code _include} and
     * {@code _revinclude} ask for from the same record; an unknown patient has none. Encounters and
     * documents whose own labels keep the caller out are left out, with what was recorded in them.
     */
    <T, R extends Resource> List<Resource> search(String resourceType, PatientParam patient,
                                                  ClinicalQueries.Filter filter,
                                                  BiFunction<UUID, ClinicalQueries.Filter, List<T>> finder,
                                                  Function<T, R> mapping, Predicate<R> keep,
                                                  Set<Include> includes, Set<Include> revIncludes) {
        UUID patientId = patient.require(resourceType);
        if (patientId == null) {
            return List.of();
        }
        return phi.readRecordWithout(ApiCaller.current(), patientId, resourceType, "search " + filter,
                        withheld -> Optional.of(this.includes.apply(patientId, history.stampCurrent(resourceType,
                                deletions.withoutDeleted(finder.apply(patientId, filter).stream().map(mapping)
                                        .filter(keep).filter(r -> WithheldResources.shown(r, withheld)).toList())),
                                includes, revIncludes, withheld)))
                .orElse(List.of());
    }

    static ClinicalQueries.Filter filter(DateRangeParam date, TokenParam code, ReferenceParam encounter) {
        return new ClinicalQueries.Filter(
                date == null || date.getLowerBoundAsInstant() == null ? null : date.getLowerBoundAsInstant().toInstant(),
                date == null || date.getUpperBoundAsInstant() == null ? null : date.getUpperBoundAsInstant().toInstant(),
                code == null ? null : code.getValue(),
                encounter == null ? null : idOrNothing(encounter.getIdPart()));
    }

    /** An id that cannot be ours matches nothing; a random UUID does that without special cases. */
    private static UUID idOrNothing(String idPart) {
        UUID id = FhirIds.parse(idPart);
        return id == null ? new UUID(0, 0) : id;
    }

    /** A token parameter matched against one code; no parameter keeps everything. */
    static boolean matches(TokenParam token, String code) {
        return token == null || token.getValue() == null || token.getValue().equalsIgnoreCase(code);
    }

    /** The {@code patient} or {@code subject} parameter of a clinical search. */
    record PatientParam(ReferenceParam patient, ReferenceParam subject) {
        /** The patient's id, or null for an id that cannot be ours; 400 when neither parameter is given. */
        UUID require(String resourceType) {
            ReferenceParam given = patient != null ? patient : subject;
            if (given == null || given.getIdPart() == null) {
                throw new InvalidRequestException(resourceType + " search needs a patient (or subject) parameter: "
                        + "each search reads one patient's record, decided and audited for that patient");
            }
            return FhirIds.parse(given.getIdPart());
        }
    }
}
