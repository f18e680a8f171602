package org.custodian.interop.hl7v2;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.custodian.mpi.Actor;
import org.custodian.mpi.MatchDecision;
import org.custodian.mpi.PatientMatcher;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterRepository;
import org.custodian.record.EncounterRepository.Visit;
import org.custodian.record.Mrn;
import org.custodian.record.PatientRepository;
import org.custodian.record.RecordVersions;
import org.custodian.record.RecordWriter;

/**
 * What the messages applied in one transaction have looked up and are about to insert. Patients by
 * MRN and encounters by visit number are read for the whole batch at once ({@link BatchScopes#open})
 * and remembered; new patients, encounters (with their first location and doctors) and new results
 * wait in one {@link RecordWriter.Batch} and go in together. A handler about to read or change stored
 * rows directly (a demographics update, a transfer, a corrected result) calls {@link #flush()} first,
 * so it finds every row the batch added before it. New patients (registered by ADT, or by a result or
 * document for an unknown MRN) are checked against the master patient index together when the batch
 * ends ({@link #finish()}), in the same transaction, so a likely duplicate is queued for review when
 * the message is acknowledged; one the MPI is certain of under the facility's thresholds is linked
 * through its audited, reversible merge ({@link PatientMatcher#linkOrFlagNewPatient}) once the batch commits.
 */
final class BatchScope {
    private static final String MPI_SOURCE = "HL7";

    private record DuplicateCheck(UUID patientId, UUID facilityId, Actor actor) {
    }

    private final PatientRepository patients;
    private final EncounterRepository encounters;
    private final RecordVersions versions;
    private final PatientMatcher matcher;
    private final RecordWriter.Batch pending;
    private final Map<Mrn, Optional<UUID>> patientByMrn = new HashMap<>();
    private final Map<Visit, Optional<Encounter>> encounterByVisit = new HashMap<>();
    private final Set<UUID> patientsAdded = new HashSet<>();
    private final Set<UUID> resultsAdded = new HashSet<>();
    private final Map<UUID, DuplicateCheck> unchecked = new LinkedHashMap<>();
    private final Set<UUID> reportDuplicates = new HashSet<>();
    private final Map<UUID, String> duplicatesFound = new HashMap<>();
    private boolean immediate;

    BatchScope(PatientRepository patients, EncounterRepository encounters, RecordVersions versions,
               PatientMatcher matcher, RecordWriter writer) {
        this.patients = patients;
        this.encounters = encounters;
        this.versions = versions;
        this.matcher = matcher;
        this.pending = writer.batch();
    }

    void prefetch(Collection<Mrn> mrns, Collection<Visit> visits) {
        Map<Mrn, UUID> found = patients.findByMrns(mrns);
        mrns.forEach(m -> patientByMrn.put(m, Optional.ofNullable(found.get(m))));
        Map<Visit, Encounter> known = encounters.byVisitNumbers(visits);
        visits.forEach(v -> encounterByVisit.put(v, Optional.ofNullable(known.get(v))));
    }

    Optional<UUID> patientByMrn(Mrn mrn) {
        return patientByMrn.computeIfAbsent(mrn, m -> patients.findByMrn(m.facilityId(), m.value()));
    }

    Optional<Encounter> encounter(UUID facilityId, String visitNumber) {
        return encounterByVisit.computeIfAbsent(new Visit(facilityId, visitNumber),
                v -> encounters.byVisitNumber(v.facilityId(), v.visitNumber()));
    }

    /** Inserts that wait for the end of the batch; call {@link #added()} after adding. */
    RecordWriter.Batch pending() {
        return pending;
    }

    /** After adding to {@link #pending()}: inside {@link #directly} the rows go in at once. */
    void added() {
        if (immediate) {
            pending.flush();
        }
    }

    void patientAdded(Mrn mrn, UUID patientId) {
        patientByMrn.put(mrn, Optional.of(patientId));
        patientsAdded.add(patientId);
    }

    void encounterAdded(Encounter encounter) {
        encounterByVisit.put(new Visit(encounter.facilityId(), encounter.visitNumber()), Optional.of(encounter));
    }

    void resultAdded(UUID observationId) {
        resultsAdded.add(observationId);
    }

    /** Before an encounter is changed directly: the stored rows are complete, and the encounter is read again next time. */
    void changing(Encounter encounter) {
        flush();
        encounterByVisit.remove(new Visit(encounter.facilityId(), encounter.visitNumber()));
    }

    /** Which of these results of the patient are in the record already, stored or added earlier in this batch. */
    Set<UUID> knownResults(UUID patientId, List<UUID> ids) {
        Set<UUID> known = new HashSet<>();
        if (!patientsAdded.contains(patientId)) {
            known.addAll(versions.factStamps(RecordVersions.Fact.OBSERVATION, ids).keySet());
        }
        ids.stream().filter(resultsAdded::contains).forEach(known::add);
        return known;
    }

    /**
     * A patient the message registered is checked against the index before the batch commits; a certain
     * match is linked as {@code actor}, and the message's summary tells what was found.
     */
    void checkForDuplicates(UUID messageId, UUID patientId, UUID facilityId, Actor actor) {
        unchecked.put(messageId, new DuplicateCheck(patientId, facilityId, actor));
        reportDuplicates.add(messageId);
    }

    /** Writes what waits; the rows are then visible to direct reads and changes in this transaction. */
    void flush() {
        pending.flush();
    }

    /**
     * Applies a handler that changes the record directly throughout (a merge, a document): what waits
     * goes in first, and patients it registers are inserted at once; look-ups are read again afterwards.
     */
    <T> T directly(Supplier<T> handler) {
        checkDuplicates();
        patientByMrn.clear();
        encounterByVisit.clear();
        immediate = true;
        try {
            return handler.get();
        } finally {
            immediate = false;
            patientByMrn.clear();
            encounterByVisit.clear();
        }
    }

    /**
     * Ends the batch: writes what waits and checks the new patients against the index. Returns, per
     * message whose summary tells them, the text saying how many likely duplicates were queued.
     */
    Map<UUID, String> finish() {
        checkDuplicates();
        Map<UUID, String> told = new HashMap<>();
        duplicatesFound.forEach((message, text) -> {
            if (reportDuplicates.contains(message)) {
                told.put(message, text);
            }
        });
        return told;
    }

    /**
     * Every new patient is scored in one pass ({@link PatientMatcher#flagNewPatients}), which queues the
     * likely duplicates; only a patient with a certain candidate is asked again through
     * {@link PatientMatcher#linkOrFlagNewPatient}, which links it once the batch commits. Two new patients
     * of one batch that are certain of each other are linked once.
     */
    private void checkDuplicates() {
        flush();
        if (unchecked.isEmpty()) {
            return;
        }
        Map<UUID, UUID> facilityOf = new HashMap<>();
        unchecked.values().forEach(c -> facilityOf.put(c.patientId(), c.facilityId()));
        Map<UUID, List<PatientMatcher.Candidate>> flagged = matcher.flagNewPatients(facilityOf, MPI_SOURCE);
        Set<UUID> linking = new HashSet<>();
        unchecked.forEach((message, check) -> {
            List<PatientMatcher.Candidate> found = flagged.getOrDefault(check.patientId(), List.of());
            var certain = found.stream().filter(c -> c.decision() instanceof MatchDecision.AutoLink).findFirst();
            boolean linked = certain.isPresent() && !linking.contains(check.patientId());
            if (linked) {
                matcher.linkOrFlagNewPatient(check.patientId(), check.facilityId(), MPI_SOURCE, check.actor());
                linking.add(check.patientId());
                linking.add(certain.get().patientId());
            }
            duplicatesFound.put(message, describe(found.size(), linked));
        });
        unchecked.clear();
    }

    private static String describe(int candidates, boolean linked) {
        if (candidates == 0) {
            return "";
        }
        String queued = "; likely duplicate of " + candidates + " existing patient" + (candidates == 1 ? "" : "s");
        return linked ? queued + ", the certain match linked by the MPI (reversible by unmerge)" : queued + ", queued for review";
    }
}
