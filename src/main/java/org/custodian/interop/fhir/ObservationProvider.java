package org.custodian.interop.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.List;
import java.util.Set;
import org.custodian.record.ClinicalQueries;
import org.springframework.stereotype.Component;

/** Observations: read, write, delete, history and per-patient search (patient, date, code (LOINC), encounter, status). */
@Component
public final class ObservationProvider
        extends ClinicalResourceProvider<org.hl7.fhir.r4.model.Observation, org.custodian.record.Observation> {
    ObservationProvider(ClinicalDoors doors) {
        super(doors, org.hl7.fhir.r4.model.Observation.class, ClinicalQueries.Kind.OBSERVATION, doors.reads.queries()::observation,
                ClinicalResources::observation);
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
        return doors.reads.search("Observation", new RecordReads.PatientParam(patient, subject),
                RecordReads.filter(date, code, encounter), doors.reads.queries()::observations, ClinicalResources::observation,
                r -> RecordReads.matches(status, r.getStatus().toCode()), includes, revIncludes);
    }
}
