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
 * changed one may be, each with its weight, sealed decision and per-field explanation, and flag
 * ({@link #flagNewPatient}) or, when certain, link ({@link #linkOrFlagNewPatient}) a new patient's
 * duplicates at once. Scores with
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
    private final EntryLinker entryLinker;
    private final Preparer preparer = Preparer.standard();
    private final Comparisons comparisons = new Comparisons(Nicknames.standard());
    private volatile MatchModel model;

    PatientMatcher(IndexReader index, ModelStore models, ThresholdStore thresholds, ReviewTaskRepository tasks,
                   EntryLinker entryLinker) {
        this.index = index;
        this.models = models;
        this.thresholds = thresholds;
        this.tasks = tasks;
        this.entryLinker = entryLinker;
    }

    /** An existing patient the probe may be. */
    public record Candidate(UUID patientId, double weight, MatchDecision decision, List<FieldAgreement> fields) {
    }

    /** Existing patients that may be the probe, best first, with the decision under the facility's thresholds. */
    public List<Candidate> candidates(Demographics probe, UUID facilityId) {
        return score(probe, thresholds.forFacility(facilityId)).stream().map(Scored::candidate).toList();
    }

    /** A candidate with its comparison pattern, which the review task keeps. */
    private record Scored(Candidate candidate, int pattern) {
    }

    private List<Scored> score(Demographics probe, Thresholds limits) {
        Prepared a = preparer.prepare(probe);
        MatchModel current = model();
        Thresholds atIndex = limits.forIndex(current, current.frequencies().records());
        List<Scored> out = new ArrayList<>();
        for (Demographics existing : index.candidates(probe, CANDIDATE_LIMIT)) {
            if (existing.id().equals(probe.id())) {
                continue;
            }
            Prepared b = preparer.prepare(existing);
            int pattern = comparisons.compare(a, b);
            double weight = current.weight(pattern, a, b);
            MatchDecision decision = atIndex.decide(weight, pattern, FileLinkage.problems(a, b));
            if (!(decision instanceof MatchDecision.NoMatch)) {
                out.add(new Scored(new Candidate(UUID.fromString(existing.id()), weight, decision,
                        explain(current, pattern, a)), pattern));
            }
        }
        out.sort(Comparator.comparingDouble((Scored s) -> s.candidate().weight()).reversed());
        return out;
    }

    /**
     * Checks a patient just created against the index and puts every likely duplicate in the review
     * queue at once (an auto-link candidate too: a person confirms before charts are merged). The
     * door for interfaces that go on writing for the new patient afterwards (HL7 ADT, FHIR).
     */
    public List<Candidate> flagNewPatient(UUID patientId, UUID facilityId, String source) {
        return check(patientId, facilityId, source, null);
    }

    /**
     * Checks a patient just created against the index under the facility's thresholds: likely
     * duplicates are queued for review at once, in the caller's transaction, and the strongest
     * auto-link candidate is merged with the new record through the reviewer's merge path (audited
     * under {@code actor}, undone by unmerge) once that transaction commits; other certain candidates
     * wait for a person. Returns every candidate, best first. The registration desk uses it.
     */
    public List<Candidate> linkOrFlagNewPatient(UUID patientId, UUID facilityId, String source, Actor actor) {
        return check(patientId, facilityId, source, java.util.Objects.requireNonNull(actor, "actor"));
    }

    private List<Candidate> check(UUID patientId, UUID facilityId, String source, Actor linkAs) {
        List<Demographics> found = index.find(List.of(patientId));
        if (found.isEmpty()) {
            return List.of();
        }
        List<Scored> scored = score(found.getFirst(), thresholds.forFacility(facilityId));
        boolean linking = false;
        for (Scored s : scored) {
            Candidate c = s.candidate();
            tasks.propose(patientId, c.patientId(), c.weight(), s.pattern(), c.decision(), source);
            if (linkAs != null && !linking && c.decision() instanceof MatchDecision.AutoLink) {
                linking = true;
                entryLinker.linkOnceCommitted(new AutoLinker.CertainPair(patientId, c.patientId(), c.weight(),
                        s.pattern()), source, linkAs);
            }
        }
        return scored.stream().map(Scored::candidate).toList();
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
            List<Scored> scored = score(probe,
                    limits.computeIfAbsent(facilityOf.get(patientId), thresholds::forFacility));
            for (Scored sc : scored) {
                Candidate c = sc.candidate();
                tasks.propose(patientId, c.patientId(), c.weight(), sc.pattern(), c.decision(), source);
            }
            flagged.put(patientId, scored.stream().map(Scored::candidate).toList());
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
        Thread.ofVirtual().name("mpi-model-warm-up").start(() -> {
            try {
                model();
            } catch (RuntimeException e) {
                // e.g. the server stopping just after it started; the first match builds the model instead
                org.slf4j.LoggerFactory.getLogger(PatientMatcher.class)
                        .info("MPI model not warmed up at start-up ({}); it is built at the first match", e.getMessage());
            }
        });
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
