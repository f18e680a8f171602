package org.custodian.interop.hl7v2;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.custodian.mpi.PatientMatcher;
import org.custodian.record.EncounterRepository;
import org.custodian.record.EncounterRepository.Visit;
import org.custodian.record.Mrn;
import org.custodian.record.PatientRepository;
import org.custodian.record.RecordVersions;
import org.custodian.record.RecordWriter;
import org.springframework.stereotype.Component;

/** Opens the {@link BatchScope} of a batch, with the patients and encounters its messages name read in two queries. */
@Component
class BatchScopes {
    private final PatientRepository patients;
    private final EncounterRepository encounters;
    private final RecordVersions versions;
    private final PatientMatcher matcher;
    private final RecordWriter writer;
    private final PatientResolver resolver;

    BatchScopes(PatientRepository patients, EncounterRepository encounters, RecordVersions versions,
                PatientMatcher matcher, RecordWriter writer, PatientResolver resolver) {
        this.patients = patients;
        this.encounters = encounters;
        this.versions = versions;
        this.matcher = matcher;
        this.writer = writer;
        this.resolver = resolver;
    }

    /** A scope for one message, which looks up what it needs as it goes. */
    BatchScope single() {
        return new BatchScope(patients, encounters, versions, matcher, writer);
    }

    /** A scope for the batch, knowing already which of the MRNs and visit numbers its messages name exist. */
    BatchScope open(List<Hl7Inbox.Pending> batch) {
        Set<Mrn> mrns = new LinkedHashSet<>();
        Set<Visit> visits = new LinkedHashSet<>();
        for (Hl7Inbox.Pending p : batch) {
            if (p.problem() != null || p.segments() == null) {
                continue;
            }
            resolver.mrnOf(p.header(), p.segments()).ifPresent(mrn -> {
                mrns.add(mrn);
                p.segments().first("PV1").map(Fields::new).map(pv1 -> pv1.get(19))
                        .ifPresent(visit -> visits.add(new Visit(mrn.facilityId(), visit)));
            });
        }
        BatchScope scope = single();
        scope.prefetch(mrns, visits);
        return scope;
    }
}
