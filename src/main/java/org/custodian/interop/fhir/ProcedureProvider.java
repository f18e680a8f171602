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

/** Procedures: read, write, delete, history and per-patient search (patient, date, code, encounter, status). */
@Component
public final class ProcedureProvider
        extends ClinicalResourceProvider<org.hl7.fhir.r4.model.Procedure, org.custodian.record.Procedure> {
    ProcedureProvider(ClinicalDoors doors) {
        super(doors, org.hl7.fhir.r4.model.Procedure.class, ClinicalQueries.Kind.PROCEDURE, doors.reads.queries()::procedure,
                ClinicalResources::procedure);
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
        return doors.reads.search("Procedure", new RecordReads.PatientParam(patient, subject),
                RecordReads.filter(date, code, encounter), doors.reads.queries()::procedures, ClinicalResources::procedure,
                r -> RecordReads.matches(status, r.getStatus().toCode()), includes, revIncludes);
    }
}
