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
import org.custodian.record.Diagnosis;
import org.hl7.fhir.r4.model.Condition;
import org.springframework.stereotype.Component;

/**
 * Conditions (the record's diagnoses): read, write, delete, history and per-patient search (patient,
 * date = onset, code, encounter, category, clinical-status).
 */
@Component
public final class ConditionProvider extends ClinicalResourceProvider<Condition, Diagnosis> {
    ConditionProvider(ClinicalDoors doors) {
        super(doors, Condition.class, ClinicalQueries.Kind.DIAGNOSIS, doors.reads.queries()::diagnosis,
                ClinicalResources::condition);
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
        return doors.reads.search("Condition", new RecordReads.PatientParam(patient, subject),
                RecordReads.filter(date, code, encounter), doors.reads.queries()::diagnoses, ClinicalResources::condition,
                r -> RecordReads.matches(category, r.getCategoryFirstRep().getCodingFirstRep().getCode())
                        && RecordReads.matches(clinicalStatus, r.getClinicalStatus().getCodingFirstRep().getCode()),
                includes, revIncludes);
    }
}
