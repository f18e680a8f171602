package org.custodian.interop.fhir;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.mpi.Demographics;
import org.custodian.mpi.MatchDecision;
import org.custodian.mpi.PatientMatcher;
import org.custodian.record.Patient;

/**
 * The master patient index asked about a Patient arriving through the API (create, transaction
 * entry): a certain match (auto-link) is the existing patient, resolved to the survivor if it was
 * merged away; a possible match is created and put in the duplicate review queue at once.
 */
@org.springframework.stereotype.Component
final class PatientIdentity implements ImportMatching {
    static final String SOURCE = "FHIR";

    /** The existing patient the incoming one certainly is, with the match weight. */
    record Link(UUID patientId, double weight) {
    }

    private final PatientMatcher matcher;
    private final MergedPatients merged;

    PatientIdentity(PatientMatcher matcher, MergedPatients merged) {
        this.matcher = matcher;
        this.merged = merged;
    }

    /** The best auto-link candidate for the incoming patient under the facility's thresholds, if any. */
    @Override
    public Optional<Link> certainMatch(Patient incoming, String ssn, UUID facilityId) {
        return matcher.candidates(demographics(incoming, ssn), facilityId).stream()
                .filter(c -> c.decision() instanceof MatchDecision.AutoLink).findFirst()
                .map(c -> new Link(merged.survivors(List.of(c.patientId())).getOrDefault(c.patientId(), c.patientId()),
                        c.weight()));
    }

    /** Queues a review of each likely duplicate of the patient just created; how many were queued. */
    @Override
    public int flagPossibleDuplicates(UUID patientId, UUID facilityId) {
        return matcher.flagNewPatient(patientId, facilityId, SOURCE).size();
    }

    static Demographics demographics(Patient p, String ssn) {
        Patient.Address a = p.address() == null ? Patient.Address.NONE : p.address();
        return new Demographics(p.id().toString(), p.given(), p.family(), p.birthDate(), p.sex(), a.line(), a.city(),
                a.state(), a.postalCode(), p.phone(), ssn);
    }
}
