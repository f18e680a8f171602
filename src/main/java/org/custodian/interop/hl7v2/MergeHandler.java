package org.custodian.interop.hl7v2;

import java.util.UUID;
import org.custodian.mpi.Actor;
import org.custodian.mpi.MergeRefused;
import org.custodian.mpi.MergeSource;
import org.custodian.mpi.PatientMerges;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.PatientRepository;
import org.springframework.stereotype.Component;

/**
 * ADT^A40 (merge patient, patient identifier list): the record with the prior MRN in MRG-1 is merged
 * into the one named in PID-3, through the MPI's one merge path (reversible, audited). Both MRNs
 * must be known; a prior MRN that already leads to the survivor means the merge was done before.
 */
@Component
class MergeHandler {
    private final FacilityRepository facilities;
    private final PatientRepository patients;
    private final PatientMerges merges;

    MergeHandler(FacilityRepository facilities, PatientRepository patients, PatientMerges merges) {
        this.facilities = facilities;
        this.patients = patients;
        this.merges = merges;
    }

    Hl7Outcome.Accepted apply(InboundMessage message) {
        Fields pid = new Fields(message.segments().required("PID"));
        Fields mrg = new Fields(message.segments().required("MRG"));
        UUID survivor = patient(message, pid.get(3, 0, 1, 1), pid.get(3, 0, 4, 1), pid.at(3, 1), "PID-3");
        UUID retired = patient(message, mrg.get(1, 0, 1, 1), mrg.get(1, 0, 4, 1), mrg.at(1, 1), "MRG-1");
        if (survivor.equals(retired)) {
            return new Hl7Outcome.Accepted(survivor, "already merged");
        }
        try {
            var merge = merges.merge(survivor, retired, MergeSource.HL7_A40,
                    new Actor(message.provenance().recordedBy(), "INTERFACE", "hl7"));
            return new Hl7Outcome.Accepted(survivor, "merged " + mrg.get(1, 0, 1, 1) + " into " + pid.get(3, 0, 1, 1)
                    + " (merge " + merge.id() + ")");
        } catch (MergeRefused e) {
            throw new Hl7Rejection(ErrorCode.UNKNOWN_KEY, mrg.at(1, 1), e.getMessage());
        }
    }

    private UUID patient(InboundMessage message, String mrn, String authority, Location where, String field) {
        if (mrn == null) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, where, field + " (the MRN) is required for ADT^A40");
        }
        String code = authority != null ? authority : message.header().sendingFacility();
        Facility facility = code == null ? null
                : facilities.byCode(code.trim().toUpperCase(java.util.Locale.ROOT)).orElse(null);
        if (facility == null) {
            throw new Hl7Rejection(ErrorCode.UNKNOWN_KEY, where, "unknown facility '" + code + "' for MRN " + mrn);
        }
        return patients.findByMrn(facility.id(), mrn.trim()).orElseThrow(() -> new Hl7Rejection(ErrorCode.UNKNOWN_KEY,
                where, "no patient with MRN " + mrn + " at " + facility.code()));
    }
}
