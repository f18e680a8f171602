package org.custodian.mpi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.custodian.mpi.matching.Comparisons;
import org.custodian.mpi.matching.Field;
import org.custodian.mpi.matching.MatchModel;
import org.custodian.mpi.matching.Nicknames;
import org.custodian.mpi.matching.Prepared;
import org.custodian.mpi.matching.Preparer;
import org.springframework.stereotype.Service;

/**
 * Real-time matching: registration, ADT and FHIR create ask for the existing patients a new or
 * changed one may be, each with its weight, sealed decision and per-field explanation. Scores with
 * the model the last {@code mpi scan} estimated; before any scan, with one estimated (by the same EM)
 * on a seeded generated population, so a fresh installation still catches duplicates.
 */
@Service
public class PatientMatcher {
    private static final int CANDIDATE_LIMIT = 500;

    private final IndexReader index;
    private final ModelStore models;
    private final ThresholdStore thresholds;
    private final ReviewTaskRepository tasks;
    private final Preparer preparer = Preparer.standard();
    private final Comparisons comparisons = new Comparisons(Nicknames.standard());
    private volatile MatchModel model;

    PatientMatcher(IndexReader index, ModelStore models, ThresholdStore thresholds, ReviewTaskRepository tasks) {
        this.index = index;
        this.models = models;
        this.thresholds = thresholds;
        this.tasks = tasks;
    }

    /** An existing patient the probe may be. */
    public record Candidate(UUID patientId, double weight, MatchDecision decision, List<FieldAgreement> fields) {
    }

    /** Existing patients that may be the probe, best first, with the decision under the facility's thresholds. */
    public List<Candidate> candidates(Demographics probe, UUID facilityId) {
        return candidates(probe, thresholds.forFacility(facilityId));
    }

    private List<Candidate> candidates(Demographics probe, Thresholds limits) {
        Prepared a = preparer.prepare(probe);
        MatchModel current = model();
        List<Candidate> out = new ArrayList<>();
        for (Demographics existing : index.candidates(probe, CANDIDATE_LIMIT)) {
            if (existing.id().equals(probe.id())) {
                continue;
            }
            Prepared b = preparer.prepare(existing);
            int pattern = comparisons.compare(a, b);
            double weight = current.weight(pattern, a, b);
            MatchDecision decision = limits.decide(weight, pattern, FileLinkage.problems(a, b));
            if (!(decision instanceof MatchDecision.NoMatch)) {
                out.add(new Candidate(UUID.fromString(existing.id()), weight, decision, explain(current, pattern, a)));
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::weight).reversed());
        return out;
    }

    /**
     * Checks a patient just created against the index and puts every likely duplicate in the review
     * queue at once (an auto-link candidate too: a person confirms before charts are merged).
     */
    public List<Candidate> flagNewPatient(UUID patientId, UUID facilityId, String source) {
        List<Demographics> found = index.find(List.of(patientId));
        if (found.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = candidates(found.getFirst(), facilityId);
        for (Candidate c : candidates) {
            tasks.propose(patientId, c.patientId(), c.weight(), 0, c.decision(), source);
        }
        return candidates;
    }

    /**
     * {@link #flagNewPatient} for the patients a feed registered in one transaction (patient id to the
     * facility that registered them): their demographics read together and each facility's thresholds
     * once. A pair of new patients that match each other is queued once.
     */
    public java.util.Map<UUID, List<Candidate>> flagNewPatients(java.util.Map<UUID, UUID> facilityOf, String source) {
        java.util.Map<UUID, List<Candidate>> flagged = new java.util.HashMap<>();
        java.util.Map<UUID, Thresholds> limits = new java.util.HashMap<>();
        for (Demographics probe : index.find(facilityOf.keySet())) {
            UUID patientId = UUID.fromString(probe.id());
            List<Candidate> candidates = candidates(probe,
                    limits.computeIfAbsent(facilityOf.get(patientId), thresholds::forFacility));
            for (Candidate c : candidates) {
                tasks.propose(patientId, c.patientId(), c.weight(), 0, c.decision(), source);
            }
            flagged.put(patientId, candidates);
        }
        return flagged;
    }

    /** How two patients compare, field by field, with the current model. */
    public List<FieldAgreement> compare(Demographics x, Demographics y) {
        Prepared a = preparer.prepare(x);
        Prepared b = preparer.prepare(y);
        return explain(model(), comparisons.compare(a, b), a);
    }

    public double weight(Demographics x, Demographics y) {
        Prepared a = preparer.prepare(x);
        Prepared b = preparer.prepare(y);
        return model().weight(comparisons.compare(a, b), a, b);
    }

    void useModel(MatchModel trained) {
        model = trained;
    }

    MatchModel model() {
        MatchModel current = model;
        if (current == null) {
            synchronized (this) {
                if (model == null) {
                    model = models.latest(models.frequencies()).orElseGet(this::bootstrap);
                }
                current = model;
            }
        }
        return current;
    }

    private MatchModel bootstrap() {
        return BootstrapModel.get().withFrequencies(models.frequencies());
    }

    /** Builds the model once the application is up, so the first registration does not wait for it. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofVirtual().name("mpi-model-warm-up").start(this::model);
    }

    static List<FieldAgreement> explain(MatchModel model, int pattern, Prepared a) {
        List<FieldAgreement> out = new ArrayList<>();
        for (MatchModel.FieldWeight w : model.explain(pattern, a)) {
            out.add(new FieldAgreement(w.field().label(), w.levelName(), agreement(w.field(), w.level()), w.total(),
                    w.m(), w.u(), w.frequencyAdjustment()));
        }
        return out;
    }

    private static FieldAgreement.Agreement agreement(Field field, int level) {
        if (level == 0) {
            return FieldAgreement.Agreement.MISSING;
        }
        if (level == 1) {
            return FieldAgreement.Agreement.AGREE;
        }
        return field.isDisagreement(level) ? FieldAgreement.Agreement.DISAGREE : FieldAgreement.Agreement.PARTIAL;
    }
}
