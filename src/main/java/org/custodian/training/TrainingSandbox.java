package org.custodian.training;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Encounter;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.FacilityType;
import org.custodian.record.Provenance;
import org.custodian.record.RecordWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training sandbox: a facility of type {@code TRAINING} holding synthetic patients only (loaded by
 * {@code custodian training sandbox}). Trainees' accounts see this facility and nothing else; the
 * encounters a trainee codes are copies made here, so trainees never share one coding case.
 */
@Service
public class TrainingSandbox {
    public static final String FACILITY_CODE = "TRAINING";
    static final Facility FACILITY = new Facility(
            UUID.nameUUIDFromBytes("custodian/training/facility".getBytes(StandardCharsets.UTF_8)), FACILITY_CODE,
            "Training Sandbox (synthetic patients)", FacilityType.TRAINING, "Springfield", "MA");
    static final String SOURCE = "Custodian training";

    private final FacilityRepository facilities;
    private final SandboxRepository sandbox;
    private final ClinicalQueries clinical;
    private final DocumentRepository documents;
    private final RecordWriter writer;
    private final TrainingAccess access;

    TrainingSandbox(FacilityRepository facilities, SandboxRepository sandbox, ClinicalQueries clinical,
                    DocumentRepository documents, RecordWriter writer, TrainingAccess access) {
        this.facilities = facilities;
        this.sandbox = sandbox;
        this.clinical = clinical;
        this.documents = documents;
        this.writer = writer;
        this.access = access;
    }

    /** The sandbox facility, added if missing. */
    @Transactional
    public Facility ensureFacility() {
        return facilities.ensure(FACILITY);
    }

    /** How many synthetic patients the sandbox holds. */
    @Transactional(readOnly = true)
    public long patients() {
        return sandbox.patients();
    }

    /** Finished sandbox encounters a trainer can turn into exercises (synthetic patients only). */
    @Transactional(noRollbackFor = TrainingDenied.class)
    public List<SandboxEncounter> encounters(CustodianUser trainer, int limit) {
        access.require(trainer, Permission.MANAGE_TRAINING, "building training exercises");
        List<SandboxEncounter> found = sandbox.encounters(limit);
        access.record(trainer, AuditAction.SEARCH, AuditOutcome.SUCCESS, null, null,
                "sandbox encounters listed: " + found.size());
        return found;
    }

    boolean inSandbox(UUID encounterId) {
        return sandbox.inSandbox(encounterId);
    }

    java.util.Optional<UUID> aPatient() {
        return sandbox.aPatient();
    }

    /**
     * A copy of a sandbox encounter for one trainee to code: same patient, dates, class and documents,
     * no codes. Call inside the starting transaction.
     */
    Encounter copyForAttempt(UUID sourceEncounterId, String trainee) {
        Encounter source = clinical.encounter(sourceEncounterId)
                .orElseThrow(() -> new TrainingNotFound("the exercise's encounter " + sourceEncounterId + " is gone"));
        UUID id = UUID.randomUUID();
        Encounter copy = new Encounter(id, source.patientId(), source.facilityId(),
                "EX-" + id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT), source.encounterClass(),
                source.admitAt(), source.dischargeAt(), source.attendingId(), source.dischargeDisposition(),
                source.reason());
        Provenance provenance = Provenance.now(SOURCE, "exercise copy of encounter " + sourceEncounterId, trainee);
        RecordWriter.Batch batch = writer.batch().encounter(copy, provenance);
        Map<UUID, UUID> copied = new HashMap<>();
        List<ClinicalDocument> notes = documents.forPatient(source.patientId()).stream()
                .filter(d -> sourceEncounterId.equals(d.encounterId()) && !d.isEnteredInError())
                .sorted(java.util.Comparator.comparing(d -> d.addendumTo() == null ? 0 : 1)).toList();
        for (ClinicalDocument note : notes) {
            UUID noteId = UUID.randomUUID();
            copied.put(note.id(), noteId);
            batch.document(new ClinicalDocument(noteId, note.patientId(), id, note.type(),
                    note.addendumTo() == null ? null : copied.get(note.addendumTo()), note.createdAt(), note.versions()));
        }
        batch.flush();
        return copy;
    }
}
