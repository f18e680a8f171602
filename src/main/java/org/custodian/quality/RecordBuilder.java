package org.custodian.quality;

import static org.custodian.quality.FactTables.decimal;
import static org.custodian.quality.FactTables.instant;
import static org.custodian.quality.FactTables.uuid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodian.quality.rules.NotePrints;
import org.custodian.quality.rules.PatientFacts;
import org.custodian.quality.rules.PatientFacts.DiagnosisRow;
import org.custodian.quality.rules.PatientFacts.DocumentRow;
import org.custodian.quality.rules.PatientFacts.EncounterRow;
import org.custodian.quality.rules.PatientFacts.FlaggedScanRow;
import org.custodian.quality.rules.PatientFacts.MrnRow;
import org.custodian.quality.rules.PatientFacts.ObservationRow;
import org.custodian.quality.rules.PatientFacts.PatientRow;
import org.custodian.quality.rules.PatientFacts.ProcedureRow;

/**
 * One patient's rows as they arrive from {@link FactTables}, in any order. When built, documents meet
 * their newest version, MRNs their other holders, and facts their encounter's owner: the patient when
 * the encounter is the patient's own, else the owner looked up by key (see {@link #unknownEncounters}).
 */
final class RecordBuilder {
    private final PatientRow patient;
    private final List<String[]> mrns = new ArrayList<>();
    private final Map<String, List<UUID>> sharers = new HashMap<>();
    private final List<EncounterRow> encounters = new ArrayList<>();
    private final Set<UUID> ownEncounters = new HashSet<>();
    private final List<String[]> diagnoses = new ArrayList<>();
    private final List<String[]> procedures = new ArrayList<>();
    private final List<String[]> observations = new ArrayList<>();
    private final List<String[]> documents = new ArrayList<>();
    private final Set<String> ownDocuments = new HashSet<>();
    private final Map<String, Version> versions = new HashMap<>();
    private final Map<VersionKey, NotePrints> prints = new HashMap<>();
    private final List<ComputedPrints> computed = new ArrayList<>();
    private final List<FlaggedScanRow> flaggedScans = new ArrayList<>();

    RecordBuilder(PatientRow patient) {
        this.patient = patient;
    }

    UUID patientId() {
        return patient.id();
    }

    void mrn(String facilityId, String facilityCode, String value) {
        mrns.add(new String[] {facilityId, facilityCode, value});
    }

    void mrnSharer(String facilityId, String value, UUID other) {
        sharers.computeIfAbsent(facilityId + "|" + value, k -> new ArrayList<>()).add(other);
    }

    void encounter(EncounterRow e) {
        encounters.add(e);
        ownEncounters.add(e.id());
    }

    /** id, encounter, system, code, display, onset (after the patient id). */
    void diagnosis(String[] row) {
        diagnoses.add(row);
    }

    void procedure(String[] row) {
        procedures.add(row);
    }

    /** id, encounter, LOINC, display, value, unit, observed (after the patient id). */
    void observation(String[] row) {
        observations.add(row);
    }

    /** id, encounter, type, addendum to, created (after the patient id). */
    void document(String[] row) {
        documents.add(row);
        ownDocuments.add(row[1]);
    }

    /** document, version, status, title, author, signed at, signed by (after the patient id): the newest version of each is kept. */
    void version(String[] row) {
        Version v = new Version(row, new VersionKey(UUID.fromString(row[1]), Integer.parseInt(row[2])));
        versions.merge(row[1], v, (old, now) -> now.key().version() > old.key().version() ? now : old);
    }

    /** A version's copy-paste prints, as stored. */
    void prints(VersionKey version, NotePrints stored) {
        prints.put(version, stored);
    }

    /** The newest versions without stored prints (written since the last check that read them): their bodies are needed. */
    void printsMissing(Set<VersionKey> into) {
        for (Version v : versions.values()) {
            // versions of documents a merge moved to another patient are that patient's to fingerprint
            if (!prints.containsKey(v.key()) && ownDocuments.contains(v.row()[1])) {
                into.add(v.key());
            }
        }
    }

    /** Prints computed from the bodies of newest versions without stored prints, given here and kept to store. */
    void computed(Map<VersionKey, NotePrints> fromBodies) {
        for (Version v : versions.values()) {
            NotePrints computedPrints = fromBodies.get(v.key());
            if (computedPrints != null && !prints.containsKey(v.key()) && ownDocuments.contains(v.row()[1])) {
                prints.put(v.key(), computedPrints);
                computed.add(new ComputedPrints(v.key(), patient.id(), computedPrints));
            }
        }
    }

    /** The prints computed from bodies while reading, to store. */
    void computedPrints(List<ComputedPrints> into) {
        into.addAll(computed);
    }

    /**
     * The newest versions whose shingles the copy-paste rule may need and that were not read: those sharing a
     * fingerprint with another document's newest version in this record.
     */
    void shinglesNeeded(Set<VersionKey> into) {
        List<VersionKey> notes = new ArrayList<>();
        for (Version v : versions.values()) {
            if (prints.containsKey(v.key())) {
                notes.add(v.key());
            }
        }
        for (int i = 0; i < notes.size(); i++) {
            NotePrints one = prints.get(notes.get(i));
            for (int j = i + 1; j < notes.size(); j++) {
                NotePrints other = prints.get(notes.get(j));
                if (one.sharesPrintWith(other)) {
                    if (!one.hasShingles()) {
                        into.add(notes.get(i));
                    }
                    if (!other.hasShingles()) {
                        into.add(notes.get(j));
                    }
                }
            }
        }
    }

    /** Gives the newest versions the shingles read for them ({@link #shinglesNeeded}). */
    void shingles(Map<VersionKey, byte[]> read) {
        prints.replaceAll((version, p) -> {
            byte[] shingles = read.get(version);
            return shingles == null || p.hasShingles() ? p : p.withShingles(shingles);
        });
    }

    /** A document version. */
    record VersionKey(UUID documentId, int version) {
    }

    /** A document version's copy-paste prints, computed from its body. */
    record ComputedPrints(VersionKey key, UUID patientId, NotePrints prints) {
    }

    private record Version(String[] row, VersionKey key) {
    }

    void flaggedScan(FlaggedScanRow s) {
        flaggedScans.add(s);
    }

    /** Encounters this record's facts and documents are filed on that are not among the patient's own (rare). */
    void unknownEncounters(Set<UUID> into) {
        for (List<String[]> rows : List.of(diagnoses, procedures, observations, documents)) {
            for (String[] row : rows) {
                UUID encounter = uuid(row[2]);
                if (encounter != null && !ownEncounters.contains(encounter)) {
                    into.add(encounter);
                }
            }
        }
    }

    /** Documents this record's addenda add to that are not in the patient's own chart (rare). */
    void unknownDocuments(Set<UUID> into) {
        for (String[] d : documents) {
            if (d[4] != null && !ownDocuments.contains(d[4])) {
                into.add(uuid(d[4]));
            }
        }
    }

    /**
     * The record; {@code encounterOwners} and {@code documentOwners} hold the owners of the encounters
     * and documents this patient does not own, as far as they exist.
     */
    PatientFacts build(Map<UUID, UUID> encounterOwners, Map<UUID, UUID> documentOwners) {
        List<MrnRow> numbers = new ArrayList<>(mrns.size());
        for (String[] m : mrns) {
            numbers.add(new MrnRow(UUID.fromString(m[0]), m[1], m[2], sharers.getOrDefault(m[0] + "|" + m[2], List.of())));
        }
        List<DiagnosisRow> dx = new ArrayList<>(diagnoses.size());
        for (String[] f : diagnoses) {
            UUID encounter = uuid(f[2]);
            dx.add(new DiagnosisRow(uuid(f[1]), encounter, owner(encounter, encounterOwners), f[3], f[4], f[5],
                    instant(f[6])));
        }
        List<ProcedureRow> px = new ArrayList<>(procedures.size());
        for (String[] f : procedures) {
            UUID encounter = uuid(f[2]);
            px.add(new ProcedureRow(uuid(f[1]), encounter, owner(encounter, encounterOwners), f[3], f[4], f[5],
                    instant(f[6])));
        }
        List<ObservationRow> obs = new ArrayList<>(observations.size());
        for (String[] f : observations) {
            UUID encounter = uuid(f[2]);
            obs.add(new ObservationRow(uuid(f[1]), encounter, owner(encounter, encounterOwners), f[3], f[4],
                    decimal(f[5]), f[6], instant(f[7])));
        }
        List<DocumentRow> docs = new ArrayList<>(documents.size());
        for (String[] d : documents) {
            Version newest = versions.get(d[1]);
            if (newest != null) {
                String[] v = newest.row();
                UUID encounter = uuid(d[2]);
                UUID addendumTo = uuid(d[4]);
                UUID addendumOwner = addendumTo == null ? null
                        : ownDocuments.contains(d[4]) ? patient.id() : documentOwners.get(addendumTo);
                docs.add(new DocumentRow(uuid(d[1]), encounter, owner(encounter, encounterOwners), d[3], addendumTo,
                        addendumOwner, instant(d[5]), newest.key().version(), v[3], v[4], prints.get(newest.key()),
                        uuid(v[5]), instant(v[6]), uuid(v[7])));
            }
        }
        docs.sort(Comparator.comparing(DocumentRow::createdAt));
        return new PatientFacts(patient, numbers, encounters, dx, px, obs, docs, flaggedScans);
    }

    private UUID owner(UUID encounter, Map<UUID, UUID> others) {
        if (encounter == null) {
            return null;
        }
        return ownEncounters.contains(encounter) ? patient.id() : others.get(encounter);
    }
}
