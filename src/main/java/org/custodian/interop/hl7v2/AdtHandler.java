package org.custodian.interop.hl7v2;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterRepository;
import org.custodian.record.FactCorrections;
import org.springframework.stereotype.Component;

/**
 * ADT events: registration and admission create the patient and the encounter (PV1-19 visit
 * number at the patient's facility); transfer, discharge and the cancellations change the
 * encounter's course through {@link EncounterRepository}, which keeps what they replace. An update
 * (A08) or a re-sent A01-A05 corrects the encounter as a new version through {@link FactCorrections}.
 */
@Component
class AdtHandler {
    private final PatientResolver resolver;
    private final EncounterRepository encounters;
    private final PractitionerResolver practitioners;
    private final FactCorrections corrections;

    AdtHandler(PatientResolver resolver, EncounterRepository encounters, PractitionerResolver practitioners,
               FactCorrections corrections) {
        this.resolver = resolver;
        this.encounters = encounters;
        this.practitioners = practitioners;
        this.corrections = corrections;
    }

    Hl7Outcome.Accepted apply(InboundMessage message) {
        String event = message.header().triggerEvent();
        boolean demographics = switch (event) {
            case "A01", "A04", "A05", "A08", "A31" -> true;
            default -> false;
        };
        var patient = resolver.resolve(message, message.segments().required("PID"), demographics);
        BatchScope scope = message.scope();
        if (event.equals("A31")) {
            return new Hl7Outcome.Accepted(patient.patientId(), "person updated");
        }
        Fields pv1 = message.segments().first("PV1").map(Fields::new).orElse(null);
        String visit = pv1 == null ? null : pv1.get(19);
        if (visit == null) {
            if (event.equals("A04") || event.equals("A05") || event.equals("A08")) {
                return new Hl7Outcome.Accepted(patient.patientId(), patient.created() ? "patient registered" : "patient updated");
            }
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, Location.of("PV1", 19),
                    "visit number is required for ADT^" + event);
        }
        UUID facility = patient.facility().id();
        var existing = scope.encounter(facility, visit);
        if (existing.isPresent() && !existing.get().patientId().equals(patient.patientId())) {
            throw new Hl7Rejection(ErrorCode.DUPLICATE_KEY, pv1.at(19, 0),
                    "visit number " + visit + " belongs to another patient at " + patient.facility().code());
        }
        existing.ifPresent(scope::changing); // changed directly below, so stored first and read again next time
        Instant at = message.messageTime();
        UUID attending = practitioners.resolve(pv1, 7, "attending doctor", message);
        UUID referring = practitioners.resolve(pv1, 8, "referring doctor", message);
        UUID admitting = practitioners.resolve(pv1, 17, "admitting doctor", message);
        switch (event) {
            case "A01", "A04", "A05", "A08" -> {
                if (existing.isEmpty()) {
                    admit(message, pv1, patient.patientId(), facility, visit, event, attending, admitting, referring);
                    return new Hl7Outcome.Accepted(patient.patientId(), "encounter " + visit + " opened");
                }
                List<String> changes = update(message, pv1, existing.get(), attending, true);
                if (encounters.assignDoctors(existing.get(), admitting, referring)) {
                    changes.add("admitting/referring doctor");
                }
                return new Hl7Outcome.Accepted(patient.patientId(), "encounter " + visit
                        + (changes.isEmpty() ? " already known, unchanged" : " updated: " + String.join(", ", changes)));
            }
            case "A02" -> {
                Encounter encounter = open(known(existing, pv1, visit), pv1, "a transfer");
                String location = EncounterRevision.location(pv1);
                if (location == null) {
                    throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, pv1.at(3, 0),
                            "the new assigned location is required for a transfer (A02)");
                }
                encounters.transfer(encounter, location, at, message.provenance());
                update(message, pv1, encounter, attending, false);
                encounters.assignDoctors(encounter, admitting, referring);
            }
            case "A03" -> {
                if (pv1.get(45) == null) {
                    throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, pv1.at(45, 0), "discharge date/time is required");
                }
                Encounter encounter = known(existing, pv1, visit);
                update(message, pv1, encounter, attending, true);
                encounters.assignDoctors(encounter, admitting, referring);
            }
            case "A11" -> {
                Encounter encounter = open(known(existing, pv1, visit), pv1, "cancelling the admission (A11)");
                encounters.cancelAdmission(encounter, at, message.provenance());
            }
            case "A13" -> {
                Encounter encounter = known(existing, pv1, visit);
                if (encounter.dischargeAt() == null) {
                    throw new Hl7Rejection(ErrorCode.RECORD_STATE, pv1.at(19, 0),
                            "encounter " + visit + " is not discharged, so there is no discharge to cancel (A13)");
                }
                encounters.cancelDischarge(encounter, at, message.provenance());
            }
            default -> throw new IllegalStateException("routed an unsupported ADT event " + event);
        }
        return new Hl7Outcome.Accepted(patient.patientId(), "encounter " + visit + " " + event);
    }

    /**
     * Applies what PV1 says to a known encounter. Corrections (class, times, attending, disposition)
     * become a new version of the encounter, the replaced one kept in its history; a discharge time on
     * an open encounter discharges it; a new location is a move recorded with the one it replaces.
     */
    private List<String> update(InboundMessage message, Fields pv1, Encounter current, UUID attending, boolean withLocation) {
        Encounter revised = EncounterRevision.revise(current, pv1, attending, message.zone());
        boolean discharging = current.dischargeAt() == null && revised.dischargeAt() != null;
        Encounter corrected = discharging ? new Encounter(revised.id(), revised.patientId(), revised.facilityId(),
                revised.visitNumber(), revised.encounterClass(), revised.admitAt(), null, revised.attendingId(),
                current.dischargeDisposition(), revised.reason()) : revised;
        List<String> changes = new ArrayList<>(changed(current, corrected));
        if (!changes.isEmpty()) {
            corrections.replace(corrected, message.provenance());
        }
        if (discharging) {
            encounters.discharge(corrected, revised.dischargeAt(), revised.dischargeDisposition(), message.provenance());
            changes.add("discharged");
        }
        String location = withLocation ? EncounterRevision.location(pv1) : null;
        if (location != null && encounters.transfer(corrected, location, message.messageTime(), message.provenance())) {
            changes.add("location " + location);
        }
        return changes;
    }

    private static List<String> changed(Encounter before, Encounter after) {
        List<String> changed = new ArrayList<>();
        if (before.encounterClass() != after.encounterClass()) {
            changed.add("class " + after.encounterClass());
        }
        if (!before.admitAt().equals(after.admitAt())) {
            changed.add("admitted at " + after.admitAt());
        }
        if (!Objects.equals(before.dischargeAt(), after.dischargeAt())) {
            changed.add("discharged at " + after.dischargeAt());
        }
        if (!Objects.equals(before.attendingId(), after.attendingId())) {
            changed.add("attending");
        }
        if (!Objects.equals(before.dischargeDisposition(), after.dischargeDisposition())) {
            changed.add("disposition " + after.dischargeDisposition());
        }
        return changed;
    }

    /** The encounter, unless it was discharged: then {@code what} needs the discharge cancelled (A13) first. */
    private static Encounter open(Encounter encounter, Fields pv1, String what) {
        if (encounter.dischargeAt() != null) {
            throw new Hl7Rejection(ErrorCode.RECORD_STATE, pv1.at(19, 0), "encounter " + encounter.visitNumber()
                    + " was discharged at " + encounter.dischargeAt() + "; " + what
                    + " needs an open encounter (cancel the discharge with A13 first)");
        }
        return encounter;
    }

    /** A new encounter, inserted with the batch: its first location and doctors with it. */
    private void admit(InboundMessage message, Fields pv1, UUID patientId, UUID facility, String visit, String event,
                       UUID attending, UUID admitting, UUID referring) {
        Instant admitAt = pv1.time(44, message.zone());
        Encounter encounter = new Encounter(
                UUID.nameUUIDFromBytes(("hl7/encounter/" + facility + "/" + visit).getBytes(StandardCharsets.UTF_8)),
                patientId, facility, visit, EncounterRevision.newClass(pv1, event),
                admitAt != null ? admitAt : message.messageTime(), null, attending, null, null);
        var pending = message.scope().pending().encounter(encounter, message.provenance());
        String location = EncounterRevision.location(pv1);
        if (location != null) {
            pending.firstLocation(encounter, location, encounter.admitAt(), message.provenance());
        }
        pending.doctors(encounter, admitting, referring);
        message.scope().encounterAdded(encounter);
        message.scope().added();
    }

    private static Encounter known(java.util.Optional<Encounter> existing, Fields pv1, String visit) {
        return existing.orElseThrow(() -> new Hl7Rejection(ErrorCode.UNKNOWN_KEY, pv1.at(19, 0),
                "no encounter with visit number " + visit + " at this facility"));
    }
}
