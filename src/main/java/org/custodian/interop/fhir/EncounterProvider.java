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

/** Encounter read and per-patient search (patient, date, status). */
@Component
public final class EncounterProvider implements IResourceProvider {
    private final ResourceCrud crud;
    private final ResourceHistory history;
    private final RecordReads reads;

    EncounterProvider(RecordReads reads, ResourceCrud crud, ResourceHistory history) {
        this.crud = crud;
        this.history = history;
        this.reads = reads;
    }

    @Override
    public Class<org.hl7.fhir.r4.model.Encounter> getResourceType() {
        return org.hl7.fhir.r4.model.Encounter.class;
    }

    @Read(version = true)
    public org.hl7.fhir.r4.model.Encounter read(@IdParam IdType id) {
        return reads.read(ClinicalQueries.Kind.ENCOUNTER, id, reads.queries()::encounter, ClinicalResources::encounter);
    }

    @Create
    public MethodOutcome create(@ResourceParam org.hl7.fhir.r4.model.Encounter resource, @ConditionalUrlParam String conditional) {
        return crud.create(resource, conditional);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam org.hl7.fhir.r4.model.Encounter resource) {
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
            @OptionalParam(name = "status") TokenParam status,
            @IncludeParam Set<Include> includes,
            @IncludeParam(reverse = true) Set<Include> revIncludes) {
        return reads.search("Encounter", new RecordReads.PatientParam(patient, subject),
                RecordReads.filter(date, null, null), reads.queries()::encounters, ClinicalResources::encounter,
                r -> RecordReads.matches(status, r.getStatus().toCode()), includes, revIncludes);
    }
}
