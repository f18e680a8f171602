package org.custodian.interop.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Since;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.ClinicalQueries.PatientCriteria;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.PatientRepository;
import org.custodian.record.Sex;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/** Patient read and search (name, family, given, birthdate, identifier {@code system|value}, gender). */
@Component
public final class PatientProvider implements IResourceProvider {
    static final int MAX_RESULTS = 1_000;

    private final PhiAccess phi;
    private final ResourceCrud crud;
    private final ResourceHistory history;
    private final PatientRepository patients;
    private final ClinicalQueries queries;
    private final FacilityRepository facilities;
    private final PatientRecordResources record;
    private final ExportOperations exports;
    private final MergedPatients merged;
    private final Includes includes;
    private final TypeHistory typeHistory;

    PatientProvider(PhiAccess phi, PatientRepository patients, ClinicalQueries queries, FacilityRepository facilities,
                    PatientRecordResources record, ResourceCrud crud, ResourceHistory history,
                    ExportOperations exports, MergedPatients merged, Includes includes, TypeHistory typeHistory) {
        this.typeHistory = typeHistory;
        this.exports = exports;
        this.merged = merged;
        this.includes = includes;
        this.crud = crud;
        this.history = history;
        this.phi = phi;
        this.patients = patients;
        this.queries = queries;
        this.facilities = facilities;
        this.record = record;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read(version = true)
    public Patient read(@IdParam IdType id) {
        if (id.hasVersionIdPart()) {
            return (Patient) history.vread(id);
        }
        UUID uuid = FhirIds.uuid(id);
        // a patient merged away is part of the survivor's record now: the decision is about that record
        UUID record = merged.survivors(List.of(uuid)).getOrDefault(uuid, uuid);
        return phi.readRecord(ApiCaller.current(), record, "Patient", uuid.toString(), () -> patients.find(uuid))
                .map(p -> merged.linked(history.stampCurrent("Patient",
                        List.of(PeopleResources.patient(p, queries.identifiers(uuid))))).getFirst())
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /** The patient's whole record as one searchset (paged), decided and audited as one read. */
    @Operation(name = "$everything", idempotent = true)
    public IBundleProvider everything(@IdParam IdType id) {
        UUID uuid = FhirIds.uuid(id);
        List<IBaseResource> all = phi.readRecordWithout(ApiCaller.current(), uuid, "Patient/$everything",
                uuid.toString(), withheld -> patients.find(uuid).map(p -> record.of(p, PatientRecordResources.TYPES,
                        null).stream().filter(r -> WithheldResources.shown(r, withheld)).<IBaseResource>map(r -> r)
                        .toList())).orElseThrow(() -> new ResourceNotFoundException(id));
        return new SimpleBundleProvider(all);
    }

    /** Bulk export of every patient the user may see ({@code Patient/$export}). */
    @Operation(name = "$export", idempotent = true, manualResponse = true)
    public void export(@OperationParam(name = "_type") StringType type,
                       @OperationParam(name = "_since") InstantType since,
                       @OperationParam(name = "_outputFormat") StringType outputFormat,
                       RequestDetails request, HttpServletResponse response) throws java.io.IOException {
        exports.kickOff(ExportJobs.Level.PATIENT, null, type, since, outputFormat, request, response);
    }

    @Create
    public MethodOutcome create(@ResourceParam Patient resource, @ConditionalUrlParam String conditional) {
        return crud.create(resource, conditional);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Patient resource) {
        return crud.update(id, resource);
    }

    @History
    public List<IBaseResource> history(@IdParam IdType id) {
        return history.history(id);
    }

    /** Every version of the patients of the user's facilities received since {@code _since}, newest first. */
    @History
    public IBundleProvider typeHistory(@Since InstantType since, @Offset Integer offset, @Count Integer count) {
        return typeHistory.of("Patient", since == null || since.getValue() == null ? null : since.getValue().toInstant(),
                offset, count);
    }

    /**
     * Patients by demographics or MRN ({@code _id} alone finds one by id), without those the MPI
     * merged away. {@code _revinclude} adds, per patient of the page, the resources of that record
     * that point at it ({@code Encounter:patient}, {@code Condition:subject}, {@code Provenance:target}, …):
     * one audited read of each record.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = "_id") TokenParam id,
            @OptionalParam(name = Patient.SP_NAME) StringParam name,
            @OptionalParam(name = Patient.SP_FAMILY) StringParam family,
            @OptionalParam(name = Patient.SP_GIVEN) StringParam given,
            @OptionalParam(name = Patient.SP_BIRTHDATE) DateRangeParam birthdate,
            @OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Patient.SP_GENDER) TokenParam gender,
            @IncludeParam(reverse = true) Set<Include> revIncludes) {
        var user = ApiCaller.current();
        if (id != null) {
            return page(user, byId(user, id.getValue()), revIncludes);
        }
        String system = identifier == null ? null : identifier.getSystem();
        UUID mrnFacility = null;
        if (system != null && !system.isBlank()) {
            String code = FhirIds.facilityCodeOf(system);
            mrnFacility = code == null ? null : facilities.byCode(code).map(Facility::id).orElse(null);
            if (mrnFacility == null) {
                return new SimpleBundleProvider(); // no facility of ours assigns identifiers in that system
            }
        }
        PatientCriteria criteria = new PatientCriteria(text(name), text(family), text(given),
                day(birthdate == null ? null : birthdate.getLowerBoundAsInstant()),
                day(birthdate == null ? null : birthdate.getUpperBoundAsInstant()),
                gender == null ? null : Sex.fromCode(gender.getValue()), mrnFacility,
                identifier == null ? null : identifier.getValue());
        List<org.custodian.record.Patient> found = phi.searchPatients(user, "FHIR " + describe(criteria),
                scope -> merged.withoutRetired(queries.searchPatients(criteria, scope, MAX_RESULTS),
                        org.custodian.record.Patient::id), org.custodian.record.Patient::id);
        return page(user, found, revIncludes);
    }

    /** The patient with this id if it is in the user's facilities (and not merged away): a search, audited as one. */
    private List<org.custodian.record.Patient> byId(CustodianUser user, String id) {
        UUID uuid = FhirIds.parse(id);
        return phi.searchPatients(user, "FHIR search _id='" + id + "'", scope -> uuid == null ? List.of()
                : merged.withoutRetired(patients.find(uuid)
                        .filter(p -> patients.identifiers(uuid).stream().anyMatch(m -> scope.contains(m.facilityId())))
                        .stream().toList(), org.custodian.record.Patient::id), org.custodian.record.Patient::id);
    }

    private IBundleProvider page(CustodianUser user, List<org.custodian.record.Patient> found, Set<Include> revIncludes) {
        return new LazyPage<>(found, page -> {
            var identifiers = queries.identifiers(page.stream().map(org.custodian.record.Patient::id).toList());
            List<Patient> resources = history.stampCurrent("Patient", page.stream()
                    .map(p -> PeopleResources.patient(p, identifiers.getOrDefault(p.id(), List.of()))).toList());
            if (revIncludes == null || revIncludes.isEmpty()) {
                return resources;
            }
            List<IBaseResource> all = new ArrayList<>();
            for (Patient resource : resources) {
                ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(resource, BundleEntrySearchModeEnum.MATCH);
                UUID patientId = UUID.fromString(resource.getIdElement().getIdPart());
                all.add(resource);
                phi.readRecordWithout(user, patientId, "Patient/_revinclude", revIncludes.toString(),
                                withheld -> Optional.of(includes.apply(patientId, List.of(resource), null, revIncludes,
                                        withheld)))
                        .ifPresent(withIncluded -> all.addAll(withIncluded.subList(1, withIncluded.size())));
            }
            return all;
        });
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
