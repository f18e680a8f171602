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

/** Observation read and per-patient search (patient, date, code (LOINC), encounter, status). */
@Component
public final class ObservationProvider implements IResourceProvider {
    private final RecordReads reads;

    ObservationProvider(RecordReads reads) {
        this.reads = reads;
    }

    @Override
    public Class<org.hl7.fhir.r4.model.Observation> getResourceType() {
        return org.hl7.fhir.r4.model.Observation.class;
    }

    @Read
    public org.hl7.fhir.r4.model.Observation read(@IdParam IdType id) {
        return reads.read(ClinicalQueries.Kind.OBSERVATION, id, reads.queries()::observation, ClinicalResources::observation);
    }

    @Search
    public List<org.hl7.fhir.r4.model.Observation> search(
            @OptionalParam(name = "patient") ReferenceParam patient,
            @OptionalParam(name = "subject") ReferenceParam subject,
            @OptionalParam(name = "date") DateRangeParam date,
            @OptionalParam(name = "code") TokenParam code,
            @OptionalParam(name = "encounter") ReferenceParam encounter,
            @OptionalParam(name = "status") TokenParam status) {
        return reads.search("Observation", new RecordReads.PatientParam(patient, subject),
                RecordReads.filter(date, code, encounter), reads.queries()::observations, ClinicalResources::observation,
                r -> RecordReads.matches(status, r.getStatus().toCode()));
    }
}
