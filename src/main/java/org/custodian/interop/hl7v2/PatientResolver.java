package org.custodian.interop.hl7v2;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.custodian.mpi.Actor;
import org.custodian.mpi.Demographics;
import org.custodian.mpi.OverlayDetector;
import org.custodian.record.Facility;
import org.custodian.record.Mrn;
import org.custodian.record.Patient;
import org.custodian.record.PatientUpdates;
import org.custodian.record.Sex;
import org.springframework.stereotype.Component;

/**
 * Finds the facility and patient a message is about, as the FHIR door does: the MRN in PID-3 is
 * meaningful only with its assigning authority (PID-3.4, else the sending facility MSH-4), which
 * must be a facility Custodian knows. A new MRN registers the patient there, whichever message brings
 * it (ADT, a result, a document), and the new patient is checked against the master patient index
 * before the batch commits ({@link BatchScope#checkForDuplicates}).
 */
@Component
class PatientResolver {
    record Resolved(Facility facility, UUID patientId, boolean created) {
    }

    private final FacilityCodes facilities;
    private final PatientUpdates updates;
    private final OverlayDetector overlays;

    PatientResolver(FacilityCodes facilities, PatientUpdates updates,
                    OverlayDetector overlays) {
        this.facilities = facilities;
        this.updates = updates;
        this.overlays = overlays;
    }

    /** With {@code updateDemographics}, a known patient's demographics are replaced (keeping the old version). */
    Resolved resolve(InboundMessage message, Segment pidSegment, boolean updateDemographics) {
        Fields pid = new Fields(pidSegment);
        Identified identified = identify(pid, message.header());
        Facility facility = identified.facility();
        Mrn mrn = identified.mrn();
        BatchScope scope = message.scope();
        var known = scope.patientByMrn(mrn);
        if (known.isPresent()) {
            if (updateDemographics) {
                scope.flush(); // the patient may have been registered earlier in this batch
                Patient incoming = patient(pid, known.get());
                // before the update: demographics of another person arriving for this MRN is an overlay
                overlays.check(known.get(), demographics(incoming, pid.get(19)), interfaceActor(message));
                updates.replaceDemographics(incoming, message.provenance());
            }
            return new Resolved(facility, known.get(), false);
        }
        UUID id = UUID.nameUUIDFromBytes(("hl7/patient/" + facility.id() + "/" + mrn.value()).getBytes(StandardCharsets.UTF_8));
        scope.pending().patient(patient(pid, id), pid.get(19), message.provenance()).identifier(id, mrn);
        scope.patientAdded(mrn, id);
        scope.added();
        scope.checkForDuplicates(message.id(), id, facility.id(), interfaceActor(message));
        return new Resolved(facility, id, true);
    }

    /** The sending interface, as the MPI's audit entries name who merged or flagged. */
    private static Actor interfaceActor(InboundMessage message) {
        return new Actor(message.provenance().recordedBy(), "INTERFACE", "hl7");
    }

    /** The MRN the message's PID-3 names, when it names a valid one at a known facility: to look a batch's patients up together. */
    Optional<Mrn> mrnOf(MshHeader header, Segments segments) {
        try {
            return segments.first("PID").map(pid -> identify(new Fields(pid), header).mrn());
        } catch (Hl7Rejection unusable) {
            return Optional.empty(); // applying the message says why
        }
    }

    private record Identified(Facility facility, Mrn mrn) {
    }

    /**
     * The facility and MRN of PID-3: the repetition of type MR, else the first with a value; its
     * assigning authority (PID-3.4), else the sending facility (MSH-4), must be a known facility.
     */
    private Identified identify(Fields pid, MshHeader header) {
        int rep = identifierRepetition(pid);
        String value = pid.get(3, rep, 1, 1);
        String authority = pid.get(3, rep, 4, 1);
        Location where = authority != null ? pid.at(3, 4) : Location.of("MSH", 4);
        String code = authority != null ? authority : header.sendingFacility();
        if (code == null) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, Location.of("MSH", 4),
                    "the sending facility (or PID-3.4 assigning authority) is required to know whose MRN " + value + " is");
        }
        Facility facility = facilities.byCode(code.trim().toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new Hl7Rejection(ErrorCode.UNKNOWN_KEY, where,
                        "unknown facility '" + code + "': no facility with that code is registered in Custodian"));
        try {
            return new Identified(facility, new Mrn(facility.id(), value));
        } catch (IllegalArgumentException e) {
            throw new Hl7Rejection(ErrorCode.DATA_TYPE, pid.at(3, 1), e.getMessage());
        }
    }

    private static Demographics demographics(Patient p, String ssn) {
        return new Demographics(p.id().toString(), p.given(), p.family(), p.birthDate(), p.sex(), p.address().line(),
                p.address().city(), p.address().state(), p.address().postalCode(), p.phone(), ssn);
    }

    private static int identifierRepetition(Fields pid) {
        int reps = pid.repetitions(3);
        int firstWithValue = -1;
        for (int i = 0; i < reps; i++) {
            if (pid.get(3, i, 1, 1) != null) {
                if ("MR".equalsIgnoreCase(pid.get(3, i, 5, 1))) {
                    return i;
                }
                firstWithValue = firstWithValue < 0 ? i : firstWithValue;
            }
        }
        if (firstWithValue < 0) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, pid.at(3, 0), "patient identifier (MRN) is required");
        }
        return firstWithValue;
    }

    private Patient patient(Fields pid, UUID id) {
        String family = pid.get(5, 0, 1, 1);
        if (family == null) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, pid.at(5, 1), "family name is required");
        }
        String given = pid.required(5, 2, "given name");
        var birthDate = pid.date(7);
        if (birthDate == null) {
            throw new Hl7Rejection(ErrorCode.REQUIRED_FIELD_MISSING, pid.at(7, 0), "date of birth is required");
        }
        Sex sex;
        try {
            sex = Sex.fromCode(pid.get(8));
        } catch (IllegalArgumentException e) {
            throw new Hl7Rejection(ErrorCode.TABLE_VALUE_NOT_FOUND, pid.at(8, 0),
                    "'" + pid.get(8) + "' is not an administrative sex code (table 0001: F, M, O, U, A, N)");
        }
        var address = new Patient.Address(pid.get(11, 0, 1, 1), pid.get(11, 0, 3, 1), pid.get(11, 0, 4, 1),
                pid.get(11, 0, 5, 1));
        boolean noAddress = address.line() == null && address.city() == null && address.state() == null
                && address.postalCode() == null;
        return new Patient(id, given, family, birthDate, sex, noAddress ? Patient.Address.NONE : address,
                pid.get(13, 0, 1, 1), pid.time(29, java.time.ZoneId.systemDefault()));
    }
}
