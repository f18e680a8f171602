package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.ClinicalQueries;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
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

    RecordReads(PhiAccess phi, ClinicalQueries queries) {
        this.phi = phi;
        this.queries = queries;
    }

    ClinicalQueries queries() {
        return queries;
    }

    <T, R extends IBaseResource> R read(ClinicalQueries.Kind kind, IIdType id, Function<UUID, Optional<T>> finder,
                                        Function<T, R> mapping) {
        UUID uuid = FhirIds.uuid(id);
        UUID patientId = queries.patientOf(kind, uuid).orElseThrow(() -> new ResourceNotFoundException(id));
        return phi.readRecord(ApiCaller.current(), patientId, id.getResourceType(), uuid.toString(),
                        () -> finder.apply(uuid)).map(mapping)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /** The patient's resources matching the filter and the predicate; an unknown patient has none. */
    <T, R extends IBaseResource> List<R> search(String resourceType, PatientParam patient, ClinicalQueries.Filter filter,
                                                BiFunction<UUID, ClinicalQueries.Filter, List<T>> finder,
                                                Function<T, R> mapping, Predicate<R> keep) {
        UUID patientId = patient.require(resourceType);
        if (patientId == null) {
            return List.of();
        }
        return phi.readRecord(ApiCaller.current(), patientId, resourceType, "search " + filter,
                        () -> Optional.of(finder.apply(patientId, filter)))
                .map(rows -> rows.stream().map(mapping).filter(keep).toList())
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
