package org.custodian.interop.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.custodian.record.ClinicalQueries;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** Encounter read and per-patient search (patient, date, status). */
@Component
public final class EncounterProvider implements IResourceProvider {
    private final RecordReads reads;

    EncounterProvider(RecordReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<org.hl7.fhir.r4.model.Encounter> getResourceType() {
        return org.hl7.fhir.r4.model.Encounter.class;
    }

    @Read
    public org.hl7.fhir.r4.model.Encounter read(@IdParam IdType id) {
        return reads.read(ClinicalQueries.Kind.ENCOUNTER, id, reads.queries()::encounter, ClinicalResources::encounter);
    }

    @Search
    public List<org.hl7.fhir.r4.model.Encounter> search(
            @OptionalParam(name = "patient") ReferenceParam patient,
            @OptionalParam(name = "subject") ReferenceParam subject,
            @OptionalParam(name = "date") DateRangeParam date,
            @OptionalParam(name = "status") TokenParam status) {
        return reads.search("Encounter", new RecordReads.PatientParam(patient, subject),
                RecordReads.filter(date, null, null), reads.queries()::encounters, ClinicalResources::encounter,
                r -> RecordReads.matches(status, r.getStatus().toCode()));
    }
}
