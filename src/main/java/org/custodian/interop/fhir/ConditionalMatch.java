package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.FacilityRepository;
import org.custodian.record.PatientRepository;
import org.springframework.stereotype.Component;

/**
 * The resource a conditional create ({@code If-None-Exist}) or conditional reference names, e.g.
 * {@code Patient?identifier=urn:custodian:mrn:RGH|M123}. Criteria the record can answer exactly:
 * {@code _id} for every type, and a Patient's MRN {@code identifier}. Anything else is a 412.
 */
@Component
final class ConditionalMatch {
    private final PatientRepository patients;
    private final FacilityRepository facilities;
    private final ClinicalQueries queries;

    ConditionalMatch(PatientRepository patients, FacilityRepository facilities, ClinicalQueries queries) {
        this.patients = patients;
        this.facilities = facilities;
        this.queries = queries;
    }

    /** The one match of {@code criteria} ("Type?a=b" or "a=b") among resources of {@code type}, or empty. */
    Optional<UUID> find(String type, String criteria) {
        String query = criteria.contains("?") ? criteria.substring(criteria.indexOf('?') + 1) : criteria;
        String[] parts = query.split("&");
        if (parts.length != 1 || !parts[0].contains("=")) {
            throw unsupported(type, criteria);
        }
        String name = parts[0].substring(0, parts[0].indexOf('='));
        String value = URLDecoder.decode(parts[0].substring(parts[0].indexOf('=') + 1), StandardCharsets.UTF_8);
        if (name.equals("_id")) {
            UUID id = FhirIds.parse(value);
            return id == null ? Optional.empty() : exists(type, id) ? Optional.of(id) : Optional.empty();
        }
        if (name.equals("identifier") && type.equals("Patient") && value.contains("|")) {
            String code = FhirIds.facilityCodeOf(value.substring(0, value.indexOf('|')));
            String mrn = value.substring(value.indexOf('|') + 1);
            return code == null ? Optional.empty()
                    : facilities.byCode(code).flatMap(f -> patients.findByMrn(f.id(), mrn));
        }
        throw unsupported(type, criteria);
    }

    private boolean exists(String type, UUID id) {
        return switch (type) {
            case "Patient" -> patients.find(id).isPresent();
            case "Encounter" -> queries.patientOf(ClinicalQueries.Kind.ENCOUNTER, id).isPresent();
            case "Condition" -> queries.patientOf(ClinicalQueries.Kind.DIAGNOSIS, id).isPresent();
            case "Procedure" -> queries.patientOf(ClinicalQueries.Kind.PROCEDURE, id).isPresent();
            case "Observation" -> queries.patientOf(ClinicalQueries.Kind.OBSERVATION, id).isPresent();
            case "DocumentReference" -> queries.patientOf(ClinicalQueries.Kind.DOCUMENT, id).isPresent();
            default -> false;
        };
    }

    private static PreconditionFailedException unsupported(String type, String criteria) {
        return new PreconditionFailedException("conditional criteria '" + criteria + "' for " + type
                + ": the record matches on _id, or on a Patient's identifier=" + FhirIds.MRN_SYSTEM_PREFIX
                + "<facility code>|<MRN>");
    }
}
