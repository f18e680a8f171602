package org.custodian.interop.hl7v2;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;

/**
 * What a PV1 segment says about an encounter: class (PV1-2), location (PV1-3), attending (PV1-7),
 * discharge disposition (PV1-36), admit and discharge times (PV1-44, PV1-45). A field the message
 * leaves empty keeps what the record has; HL7's "" (explicitly nothing) is not taken as an erasure.
 */
final class EncounterRevision {
    private EncounterRevision() {
    }

    /** The encounter as the message describes it, starting from {@code current}. */
    static Encounter revise(Encounter current, Fields pv1, UUID attending, java.time.ZoneId zone) {
        EncounterClass encounterClass = explicitClass(pv1);
        Instant admit = pv1.time(44, zone);
        Instant discharge = pv1.time(45, zone);
        Instant admitAt = admit != null ? admit : current.admitAt();
        Instant dischargeAt = discharge != null ? discharge : current.dischargeAt();
        if (dischargeAt != null && dischargeAt.isBefore(admitAt)) {
            Location where = discharge != null ? pv1.at(45, 0) : pv1.at(44, 0);
            throw new Hl7Rejection(ErrorCode.DATA_TYPE, where, "discharge " + dischargeAt + " would be before the admission at "
                    + admitAt);
        }
        String disposition = pv1.get(36);
        return new Encounter(current.id(), current.patientId(), current.facilityId(), current.visitNumber(),
                encounterClass != null ? encounterClass : current.encounterClass(), admitAt, dischargeAt,
                attending != null ? attending : current.attendingId(),
                disposition != null ? disposition : current.dischargeDisposition(), current.reason());
    }

    /** PV1-3: point of care^room^bed, or null when the message names no location. */
    static String location(Fields pv1) {
        String unit = pv1.get(3, 0, 1, 1);
        String room = pv1.get(3, 0, 2, 1);
        String bed = pv1.get(3, 0, 3, 1);
        if (unit == null && room == null && bed == null) {
            return null;
        }
        return String.join(" ", Stream.of(unit, room, bed).filter(Objects::nonNull).toList());
    }

    /** PV1-2 for a new encounter: an unspecific class (none, N, U, P) is inpatient for A01, else outpatient. */
    static EncounterClass newClass(Fields pv1, String event) {
        EncounterClass explicit = explicitClass(pv1);
        if (explicit != null) {
            return explicit;
        }
        return event.equals("A01") ? EncounterClass.INPATIENT : EncounterClass.OUTPATIENT;
    }

    /** PV1-2, HL7 table 0004; null when it says nothing specific (empty, N not applicable, U unknown, P preadmit). */
    static EncounterClass explicitClass(Fields pv1) {
        String code = pv1.get(2);
        if (code == null) {
            return null;
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "N", "U", "P" -> null;
            case "I", "B" -> EncounterClass.INPATIENT;
            case "O", "R", "C" -> EncounterClass.OUTPATIENT;
            case "E" -> EncounterClass.EMERGENCY;
            default -> throw new Hl7Rejection(ErrorCode.TABLE_VALUE_NOT_FOUND, pv1.at(2, 0),
                    "'" + code + "' is not a patient class (table 0004: I, O, E, P, R, B, C, N, U)");
        };
    }
}
