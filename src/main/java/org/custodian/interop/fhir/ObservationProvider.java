package org.custodian.interop.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.History;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Set;
import org.custodian.record.ClinicalQueries;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** Observation read and per-patient search (patient, date, code (LOINC), encounter, status). */
@Component
public final class ObservationProvider implements IResourceProvider {
    private final ResourceCrud crud;
    private final ResourceHistory history;
    private final RecordReads reads;

    ObservationProvider(RecordReads reads, ResourceCrud crud, ResourceHistory history) {
        this.crud = crud;
        this.history = history;
        this.reads = reads;
    }

    @Override
    public Class<org.hl7.fhir.r4.model.Observation> getResourceType() {
        return org.hl7.fhir.r4.model.Observation.class;
    }

    @Read(version = true)
    public org.hl7.fhir.r4.model.Observation read(@IdParam IdType id) {
        return reads.read(ClinicalQueries.Kind.OBSERVATION, id, reads.queries()::observation, ClinicalResources::observation);
    }

    @Create
    public MethodOutcome create(@ResourceParam org.hl7.fhir.r4.model.Observation resource, @ConditionalUrlParam String conditional) {
        return crud.create(resource, conditional);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam org.hl7.fhir.r4.model.Observation resource) {
        return crud.update(id, resource);
    }

    @History
    public List<IBaseResource> history(@IdParam IdType id) {
        return history.history(id);
    }

    @Search
    public List<org.hl7.fhir.r4.model.Resource> search(
            @OptionalParam(name = "patient") ReferenceParam patient,
            @OptionalParam(name = "subject") ReferenceParam subject,
            @OptionalParam(name = "date") DateRangeParam date,
            @OptionalParam(name = "code") TokenParam code,
            @OptionalParam(name = "encounter") ReferenceParam encounter,
            @OptionalParam(name = "status") TokenParam status,
            @IncludeParam Set<Include> includes,
            @IncludeParam(reverse = true) Set<Include> revIncludes) {
        return reads.search("Observation", new RecordReads.PatientParam(patient, subject),
                RecordReads.filter(date, code, encounter), reads.queries()::observations, ClinicalResources::observation,
                r -> RecordReads.matches(status, r.getStatus().toCode()), includes, revIncludes);
    }
}
