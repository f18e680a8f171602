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

/** Condition read and per-patient search (patient, date = onset, code, encounter, category, clinical-status). */
@Component
public final class ConditionProvider implements IResourceProvider {
    private final ResourceCrud crud;
    private final ResourceHistory history;
    private final RecordReads reads;

    ConditionProvider(RecordReads reads, ResourceCrud crud, ResourceHistory history) {
        this.crud = crud;
        this.history = history;
        this.reads = reads;
    }

    @Override
    public Class<org.hl7.fhir.r4.model.Condition> getResourceType() {
        return org.hl7.fhir.r4.model.Condition.class;
    }

    @Read(version = true)
    public org.hl7.fhir.r4.model.Condition read(@IdParam IdType id) {
        return reads.read(ClinicalQueries.Kind.DIAGNOSIS, id, reads.queries()::diagnosis, ClinicalResources::condition);
    }

    @Create
    public MethodOutcome create(@ResourceParam org.hl7.fhir.r4.model.Condition resource, @ConditionalUrlParam String conditional) {
        return crud.create(resource, conditional);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam org.hl7.fhir.r4.model.Condition resource) {
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
            @OptionalParam(name = "category") TokenParam category,
            @OptionalParam(name = "clinical-status") TokenParam clinicalStatus,
            @IncludeParam Set<Include> includes,
            @IncludeParam(reverse = true) Set<Include> revIncludes) {
        return reads.search("Condition", new RecordReads.PatientParam(patient, subject),
                RecordReads.filter(date, code, encounter), reads.queries()::diagnoses, ClinicalResources::condition,
                r -> RecordReads.matches(category, r.getCategoryFirstRep().getCodingFirstRep().getCode())
                        && RecordReads.matches(clinicalStatus, r.getClinicalStatus().getCodingFirstRep().getCode()), includes, revIncludes);
    }
}
