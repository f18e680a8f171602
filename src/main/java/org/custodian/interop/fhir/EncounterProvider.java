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

/** Encounters: read, write, delete, history and per-patient search (patient, date, status). */
@Component
public final class EncounterProvider
        extends ClinicalResourceProvider<org.hl7.fhir.r4.model.Encounter, org.custodian.record.Encounter> {
    EncounterProvider(ClinicalDoors doors) {
        super(doors, org.hl7.fhir.r4.model.Encounter.class, ClinicalQueries.Kind.ENCOUNTER, doors.reads.queries()::encounter,
                ClinicalResources::encounter);
    }

    @Search
    public List<org.hl7.fhir.r4.model.Resource> search(
            @OptionalParam(name = "patient") ReferenceParam patient,
            @OptionalParam(name = "subject") ReferenceParam subject,
            @OptionalParam(name = "date") DateRangeParam date,
            @OptionalParam(name = "status") TokenParam status,
            @IncludeParam Set<Include> includes,
            @IncludeParam(reverse = true) Set<Include> revIncludes) {
        return doors.reads.search("Encounter", new RecordReads.PatientParam(patient, subject),
                RecordReads.filter(date, null, null), doors.reads.queries()::encounters, ClinicalResources::encounter,
                r -> RecordReads.matches(status, r.getStatus().toCode()), includes, revIncludes);
    }
}
