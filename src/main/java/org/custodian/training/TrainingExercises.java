package org.custodian.training;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.Diagnosis;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.Procedure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The trainer's side: exercise sets by topic and difficulty, exercises with answer keys, assignments. */
@Service
public class TrainingExercises {
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    private static final String ICD10PCS = "http://www.cms.gov/Medicare/Coding/ICD10";
    private static final String SNOMED = "http://snomed.info/sct";

    private final ExerciseRepository exercises;
    private final TrainingSandbox sandbox;
    private final ClinicalQueries clinical;
    private final ConditionCrosswalk crosswalk;
    private final UserAccounts accounts;
    private final TrainingAccess access;

    TrainingExercises(ExerciseRepository exercises, TrainingSandbox sandbox, ClinicalQueries clinical,
                      ConditionCrosswalk crosswalk, UserAccounts accounts, TrainingAccess access) {
        this.exercises = exercises;
        this.sandbox = sandbox;
        this.clinical = clinical;
        this.crosswalk = crosswalk;
        this.accounts = accounts;
        this.access = access;
    }

    @Transactional(noRollbackFor = TrainingDenied.class)
    public UUID createSet(CustodianUser trainer, NewExerciseSet set) {
        access.require(trainer, Permission.MANAGE_TRAINING, "managing training");
        UUID id = UUID.randomUUID();
        exercises.insertSet(id, set, trainer.getUsername());
        access.record(trainer, AuditAction.CREATE, AuditOutcome.SUCCESS, null, id.toString(), "exercise set '"
                + set.name() + "' (" + set.topic() + ", " + set.difficulty().label() + ") created");
        return id;
    }

    /** Adds an exercise on a sandbox encounter; an encounter of a real facility is refused. */
    @Transactional(noRollbackFor = TrainingDenied.class)
    public UUID addExercise(CustodianUser trainer, UUID setId, NewExercise exercise) {
        access.require(trainer, Permission.MANAGE_TRAINING, "managing training");
        requireSet(setId);
        if (!sandbox.inSandbox(exercise.sourceEncounterId())) {
            access.record(trainer, AuditAction.CREATE, AuditOutcome.DENIED, null, setId.toString(),
                    "exercise refused: encounter " + exercise.sourceEncounterId() + " is not in the training sandbox");
            throw new IllegalArgumentException("encounter " + exercise.sourceEncounterId()
                    + " is not in the training sandbox; exercises use synthetic sandbox encounters only");
        }
        UUID id = UUID.randomUUID();
        exercises.insertExercise(id, setId, exercise, trainer.getUsername());
        access.record(trainer, AuditAction.CREATE, AuditOutcome.SUCCESS, null, id.toString(), "exercise '"
                + exercise.title() + "' added to set " + setId + " with " + exercise.key().size() + " key codes");
        return id;
    }

    /** Assigns a set to a trainee (an account with the TRAINEE role). */
    @Transactional(noRollbackFor = TrainingDenied.class)
    public void assign(CustodianUser trainer, UUID setId, String trainee) {
        access.require(trainer, Permission.MANAGE_TRAINING, "managing training");
        requireSet(setId);
        String username = trainee == null ? "" : trainee.strip();
        boolean isTrainee = accounts.find(username).map(u -> u.roles().contains(Role.TRAINEE)).orElse(false);
        if (!isTrainee) {
            throw new IllegalArgumentException("'" + username + "' is not a trainee's account (role TRAINEE)");
        }
        if (exercises.assign(setId, username, trainer.getUsername())) {
            access.record(trainer, AuditAction.UPDATE, AuditOutcome.SUCCESS, null, setId.toString(),
                    "exercise set assigned to " + username);
        }
    }

    @Transactional(noRollbackFor = TrainingDenied.class)
    public List<ExerciseSet> sets(CustodianUser trainer) {
        access.require(trainer, Permission.MANAGE_TRAINING, "managing training");
        return exercises.sets();
    }

    @Transactional(noRollbackFor = TrainingDenied.class)
    public ExerciseSet set(CustodianUser trainer, UUID setId) {
        access.require(trainer, Permission.MANAGE_TRAINING, "managing training");
        return requireSet(setId);
    }

    /** The sets assigned to the signed-in trainee. */
    @Transactional(noRollbackFor = TrainingDenied.class)
    public List<ExerciseSet> assigned(CustodianUser trainee) {
        access.require(trainee, Permission.TAKE_TRAINING, "training exercises");
        return exercises.assignedTo(trainee.getUsername());
    }

    /**
     * A starting answer key from the sandbox encounter's own codes: ICD-10-CM and ICD-10-PCS codes as
     * recorded, Synthea's SNOMED CT conditions through Synthea's ICD-10-CM map. Principal: the first
     * diagnosis; POA Y on inpatient stays. The trainer reviews it before saving.
     */
    @Transactional(noRollbackFor = TrainingDenied.class)
    public List<AnswerLine> suggestedKey(CustodianUser trainer, UUID encounterId) {
        access.require(trainer, Permission.MANAGE_TRAINING, "managing training");
        if (!sandbox.inSandbox(encounterId)) {
            throw new IllegalArgumentException("encounter " + encounterId + " is not in the training sandbox");
        }
        Encounter encounter = clinical.encounter(encounterId).orElseThrow();
        ClinicalQueries.Filter only = new ClinicalQueries.Filter(null, null, null, encounterId);
        boolean inpatient = encounter.encounterClass() == EncounterClass.INPATIENT;
        List<AnswerLine> key = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Diagnosis d : clinical.diagnoses(encounter.patientId(), only)) {
            icd10(d).filter(c -> seen.add("dx" + c.code().replace(".", ""))).ifPresent(c -> key.add(
                    AnswerLine.diagnosis(c.code(), c.description(), key.stream().noneMatch(AnswerLine::principal),
                            inpatient ? Diagnosis.PresentOnAdmission.Y : null)));
        }
        for (Procedure p : clinical.procedures(encounter.patientId(), only)) {
            if (ICD10PCS.equals(p.code().system()) && seen.add("px" + p.code().code())) {
                key.add(AnswerLine.procedure(p.code().code(), p.code().display()));
            }
        }
        access.record(trainer, AuditAction.READ, AuditOutcome.SUCCESS, encounter.patientId(), encounterId.toString(),
                "suggested answer key from sandbox encounter codes: " + key.size() + " codes");
        return key;
    }

    private java.util.Optional<ConditionCrosswalk.Icd10> icd10(Diagnosis d) {
        if (ICD10CM.equals(d.code().system())) {
            return java.util.Optional.of(new ConditionCrosswalk.Icd10(d.code().code(), d.code().display()));
        }
        if (SNOMED.equals(d.code().system())) {
            return crosswalk.icd10(d.code().code());
        }
        return java.util.Optional.empty();
    }

    private ExerciseSet requireSet(UUID setId) {
        return exercises.set(setId).orElseThrow(() -> new TrainingNotFound("there is no exercise set " + setId));
    }
}
