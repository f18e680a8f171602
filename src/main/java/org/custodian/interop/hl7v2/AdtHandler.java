package org.custodian.interop.hl7v2;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.custodian.mpi.PatientMatcher;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.EncounterRepository;
import org.custodian.record.RecordWriter;
import org.springframework.stereotype.Component;

/**
 * ADT events: registration and admission create the patient and the encounter (PV1-19 visit
 * number at the patient's facility); transfer, discharge and the cancellations change the
 * encounter's course through {@link EncounterRepository}, which keeps what they replace.
 */
@Component
class AdtHandler {
    private final PatientResolver resolver;
    private final EncounterRepository encounters;
    private final RecordWriter writer;
    private final PatientMatcher matcher;

    AdtHandler(PatientResolver resolver, EncounterRepository encounters, RecordWriter writer, PatientMatcher matcher) {
        this.resolver = resolver;
        this.encounters = encounters;
        this.writer = writer;
        this.matcher = matcher;
    }

    Hl7Outcome.Accepted apply(InboundMessage message) {
        String event = message.header().triggerEvent();
        boolean demographics = switch (event) {
            case "A01", "A04", "A05", "A08", "A31" -> true;
            default -> false;
        };
        var patient = resolver.resolve(message, message.segments().required("PID"), demographics);
        String duplicates = patient.created() ? likelyDuplicates(patient) : "";
        if (event.equals("A31")) {
            return new Hl7Outcome.Accepted(patient.patientId(), "person updated");
        }
        Fields pv1 = message.segments().first("PV1").map(Fields::new).orElse(null);
        String visit = pv1 == null ? null : pv1.get(19);
        if (visit == null) {
            if (event.equals("A04") || event.equals("A05") || event.equals("A08")) {
                return new Hl7Outcome.Accepted(patient.patientId(),
                        (patient.created() ? "patient registered" : "patient updated") + duplicates);
            }
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, Location.of("PV1", 19),
                    "visit number is required for ADT^" + event);
        }
        UUID facility = patient.facility().id();
        var existing = encounters.byVisitNumber(facility, visit);
        if (existing.isPresent() && !existing.get().patientId().equals(patient.patientId())) {
            throw new Hl7Rejection(ErrorCode.DUPLICATE_KEY, pv1.at(19, 0),
                    "visit number " + visit + " belongs to another patient at " + patient.facility().code());
        }
        Instant at = message.messageTime();
        switch (event) {
            case "A01", "A04", "A05", "A08" -> {
                if (existing.isEmpty()) {
                    admit(message, pv1, patient.patientId(), facility, visit, event);
                    return new Hl7Outcome.Accepted(patient.patientId(), "encounter " + visit + " opened" + duplicates);
                }
                return new Hl7Outcome.Accepted(patient.patientId(), "encounter " + visit + " already known");
            }
            case "A02" -> encounters.transfer(known(existing, pv1, visit), location(pv1), at, message.provenance());
            case "A03" -> {
                Instant discharge = pv1.time(45, message.zone());
                if (discharge == null) {
                    throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, pv1.at(45, 0), "discharge date/time is required");
                }
                Encounter encounter = known(existing, pv1, visit);
                if (discharge.isBefore(encounter.admitAt())) {
                    throw new Hl7Rejection(ErrorCode.DATA_TYPE, pv1.at(45, 0), "discharge " + pv1.get(45)
                            + " is before the admission at " + encounter.admitAt());
                }
                encounters.discharge(encounter, discharge, pv1.get(36), message.provenance());
            }
            case "A11" -> encounters.cancelAdmission(known(existing, pv1, visit), at, message.provenance());
            case "A13" -> encounters.cancelDischarge(known(existing, pv1, visit), at, message.provenance());
            default -> throw new IllegalStateException("routed an unsupported ADT event " + event);
        }
        return new Hl7Outcome.Accepted(patient.patientId(), "encounter " + visit + " " + event);
    }

    /** A new patient is checked against the index at once; likely duplicates go to the review queue. */
    private String likelyDuplicates(PatientResolver.Resolved patient) {
        var candidates = matcher.flagNewPatient(patient.patientId(), patient.facility().id(), "HL7");
        return candidates.isEmpty() ? "" : "; likely duplicate of " + candidates.size()
                + " existing patient" + (candidates.size() == 1 ? "" : "s") + ", queued for review";
    }

    private void admit(InboundMessage message, Fields pv1, UUID patientId, UUID facility, String visit, String event) {
        Instant admitAt = pv1.time(44, message.zone());
        Encounter encounter = new Encounter(
                UUID.nameUUIDFromBytes(("hl7/encounter/" + facility + "/" + visit).getBytes(StandardCharsets.UTF_8)),
                patientId, facility, visit, encounterClass(pv1, event),
                admitAt != null ? admitAt : message.messageTime(), null, null, null, null);
        writer.batch().encounter(encounter, message.provenance()).flush();
        String location = location(pv1);
        if (location != null) {
            encounters.transfer(encounter, location, encounter.admitAt(), message.provenance());
        }
    }

    private static Encounter known(java.util.Optional<Encounter> existing, Fields pv1, String visit) {
        return existing.orElseThrow(() -> new Hl7Rejection(ErrorCode.UNKNOWN_KEY, pv1.at(19, 0),
                "no encounter with visit number " + visit + " at this facility"));
    }

    /** PV1-3: point of care^room^bed. */
    private static String location(Fields pv1) {
        String unit = pv1.get(3, 0, 1, 1);
        String room = pv1.get(3, 0, 2, 1);
        String bed = pv1.get(3, 0, 3, 1);
        if (unit == null && room == null && bed == null) {
            return null;
        }
        return String.join(" ", java.util.stream.Stream.of(unit, room, bed).filter(java.util.Objects::nonNull).toList());
    }

    /** PV1-2, HL7 table 0004. */
    private static EncounterClass encounterClass(Fields pv1, String event) {
        String code = pv1.get(2);
        if (code == null || code.equals("N") || code.equals("U") || code.equals("P")) {
            return event.equals("A01") ? EncounterClass.INPATIENT : EncounterClass.OUTPATIENT;
        }
        return switch (code.toUpperCase(java.util.Locale.ROOT)) {
            case "I", "B" -> EncounterClass.INPATIENT;
            case "O", "R", "C" -> EncounterClass.OUTPATIENT;
            case "E" -> EncounterClass.EMERGENCY;
            default -> throw new Hl7Rejection(ErrorCode.TABLE_VALUE_NOT_FOUND, pv1.at(2, 0),
                    "'" + code + "' is not a patient class (table 0004: I, O, E, P, R, B, C, N, U)");
        };
    }
}
