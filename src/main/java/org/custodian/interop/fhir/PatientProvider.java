package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.ClinicalQueries.PatientCriteria;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.PatientRepository;
import org.custodian.record.Sex;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/** Patient read and search (name, family, given, birthdate, identifier {@code system|value}, gender). */
@Component
public final class PatientProvider implements IResourceProvider {
    static final int MAX_RESULTS = 1_000;

    private final PhiAccess phi;
    private final PatientRepository patients;
    private final ClinicalQueries queries;
    private final FacilityRepository facilities;
    private final DocumentRepository documents;

    PatientProvider(PhiAccess phi, PatientRepository patients, ClinicalQueries queries, FacilityRepository facilities,
                    DocumentRepository documents) {
        this.phi = phi;
        this.patients = patients;
        this.queries = queries;
        this.facilities = facilities;
        this.documents = documents;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        UUID uuid = FhirIds.uuid(id);
        return phi.readRecord(ApiCaller.current(), uuid, "Patient", uuid.toString(), () -> patients.find(uuid))
                .map(p -> PeopleResources.patient(p, queries.identifiers(uuid)))
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /** The patient's whole record as one searchset (paged), decided and audited as one read. */
    @Operation(name = "$everything", idempotent = true)
    public IBundleProvider everything(@IdParam IdType id) {
        UUID uuid = FhirIds.uuid(id);
        List<IBaseResource> all = phi.readRecord(ApiCaller.current(), uuid, "Patient/$everything", uuid.toString(),
                () -> patients.find(uuid).map(p -> everything(p, uuid))).orElseThrow(() -> new ResourceNotFoundException(id));
        return new SimpleBundleProvider(all);
    }

    private List<IBaseResource> everything(org.custodian.record.Patient patient, UUID id) {
        List<IBaseResource> all = new ArrayList<>();
        all.add(PeopleResources.patient(patient, queries.identifiers(id)));
        ClinicalQueries.Filter none = ClinicalQueries.Filter.NONE;
        queries.encounters(id, none).forEach(e -> all.add(ClinicalResources.encounter(e)));
        queries.diagnoses(id, none).forEach(d -> all.add(ClinicalResources.condition(d)));
        queries.procedures(id, none).forEach(p -> all.add(ClinicalResources.procedure(p)));
        queries.observations(id, none).forEach(o -> all.add(ClinicalResources.observation(o)));
        documents.forPatient(id).forEach(d -> all.add(ClinicalResources.document(d)));
        return all;
    }

    @Search
    public List<Patient> search(
            @OptionalParam(name = Patient.SP_NAME) StringParam name,
            @OptionalParam(name = Patient.SP_FAMILY) StringParam family,
            @OptionalParam(name = Patient.SP_GIVEN) StringParam given,
            @OptionalParam(name = Patient.SP_BIRTHDATE) DateRangeParam birthdate,
            @OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Patient.SP_GENDER) TokenParam gender) {
        String system = identifier == null ? null : identifier.getSystem();
        UUID mrnFacility = null;
        if (system != null && !system.isBlank()) {
            String code = FhirIds.facilityCodeOf(system);
            mrnFacility = code == null ? null : facilities.byCode(code).map(Facility::id).orElse(null);
            if (mrnFacility == null) {
                return List.of(); // no facility of ours assigns identifiers in that system
            }
        }
        PatientCriteria criteria = new PatientCriteria(text(name), text(family), text(given),
                day(birthdate == null ? null : birthdate.getLowerBoundAsInstant()),
                day(birthdate == null ? null : birthdate.getUpperBoundAsInstant()),
                gender == null ? null : Sex.fromCode(gender.getValue()), mrnFacility,
                identifier == null ? null : identifier.getValue());
        return phi.searchPatients(ApiCaller.current(), "FHIR " + describe(criteria),
                        scope -> queries.searchPatients(criteria, scope, MAX_RESULTS)).stream()
                .map(p -> PeopleResources.patient(p, queries.identifiers(p.id())))
                .toList();
    }

    private static String text(StringParam param) {
        return param == null ? null : param.getValue();
    }

    private static LocalDate day(Date bound) {
        return bound == null ? null : LocalDate.ofInstant(bound.toInstant(), ZoneId.systemDefault());
    }

    private static String describe(PatientCriteria c) {
        StringBuilder text = new StringBuilder("search");
        append(text, "name", c.name());
        append(text, "family", c.family());
        append(text, "given", c.given());
        append(text, "bornFrom", c.bornFrom());
        append(text, "bornTo", c.bornTo());
        append(text, "gender", c.sex());
        append(text, "mrn", c.mrn());
        return text.toString();
    }

    private static void append(StringBuilder text, String key, Object value) {
        if (value != null) {
            text.append(' ').append(key).append("='").append(value).append('\'');
        }
    }
}
