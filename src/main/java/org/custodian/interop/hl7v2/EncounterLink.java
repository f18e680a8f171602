package org.custodian.interop.hl7v2;

import java.util.UUID;

/** The encounter a result or document belongs to: PV1-19 when that visit is the patient's at the facility. */
final class EncounterLink {
    private EncounterLink() {
    }

    static UUID find(InboundMessage message, UUID facilityId, UUID patientId) {
        return message.segments().first("PV1").map(Fields::new).map(pv1 -> pv1.get(19))
                .flatMap(visit -> message.scope().encounter(facilityId, visit))
                .filter(e -> e.patientId().equals(patientId))
                .map(org.custodian.record.Encounter::id).orElse(null);
    }
}
