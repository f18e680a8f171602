package org.custodian.mpi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duplicate review queue: pairs waiting for a person, each shown side by side with how every
 * field compared and what it weighed; the reviewer merges, says "not a duplicate" (remembered) or
 * defers. Showing a pair reads two patients' demographics, so it is audited on both.
 */
@Service
public class DuplicateQueue {
    private final ReviewTaskRepository tasks;
    private final IndexReader index;
    private final PatientMatcher matcher;
    private final PatientMerges merges;
    private final AuditTrail audit;

    DuplicateQueue(ReviewTaskRepository tasks, IndexReader index, PatientMatcher matcher, PatientMerges merges,
                   AuditTrail audit) {
        this.tasks = tasks;
        this.index = index;
        this.matcher = matcher;
        this.merges = merges;
        this.audit = audit;
    }

    /** A waiting pair with both patients' names, for the queue list. */
    public record Entry(ReviewTask task, Demographics a, Demographics b) {
    }

    /** A pair as the review screen shows it. */
    public record Pair(ReviewTask task, Demographics a, Demographics b, double weight, List<FieldAgreement> fields) {
    }

    public enum Choice { MERGE, NOT_DUPLICATE, DEFER }

    public long waitingCount() {
        return tasks.countWaiting();
    }

    public List<Entry> waiting(int limit, Actor actor) {
        List<ReviewTask> waiting = tasks.waiting(limit);
        Map<String, Demographics> people = index.find(waiting.stream()
                        .flatMap(t -> java.util.stream.Stream.of(t.patientA(), t.patientB())).distinct().toList())
                .stream().collect(Collectors.toMap(Demographics::id, Function.identity()));
        audit.record(new AuditEntry(actor.username(), actor.roles(), AuditAction.SEARCH, AuditOutcome.SUCCESS, null,
                "MpiReviewQueue", null, "duplicate queue: " + waiting.size() + " pairs listed", actor.clientAddress()));
        return waiting.stream().filter(t -> people.containsKey(t.patientA().toString())
                        && people.containsKey(t.patientB().toString()))
                .map(t -> new Entry(t, people.get(t.patientA().toString()), people.get(t.patientB().toString())))
                .toList();
    }

    public Optional<Pair> pair(UUID taskId, Actor actor) {
        return tasks.find(taskId).map(task -> {
            Demographics a = one(task.patientA());
            Demographics b = one(task.patientB());
            for (UUID patient : List.of(task.patientA(), task.patientB())) {
                audit.record(new AuditEntry(actor.username(), actor.roles(), AuditAction.READ, AuditOutcome.SUCCESS,
                        patient, "MpiReviewPair", taskId.toString(), "duplicate review: demographics compared",
                        actor.clientAddress()));
            }
            return new Pair(task, a, b, matcher.weight(a, b), matcher.compare(a, b));
        });
    }

    /** Records the reviewer's decision; a merge keeps {@code survivor} and retires the other record. */
    @Transactional
    public Optional<PatientMerges.Merge> decide(UUID taskId, Choice choice, UUID survivor, Actor actor) {
        ReviewTask task = tasks.find(taskId).orElseThrow(() -> new MergeRefused("no review task " + taskId));
        if (task.status() == ReviewStatus.MERGED || task.status() == ReviewStatus.NOT_DUPLICATE) {
            throw new MergeRefused("this pair was already decided: " + task.status().name().toLowerCase().replace('_', ' '));
        }
        Optional<PatientMerges.Merge> merge = Optional.empty();
        switch (choice) {
            case MERGE -> {
                if (survivor == null || !(survivor.equals(task.patientA()) || survivor.equals(task.patientB()))) {
                    throw new MergeRefused("choose which of the two records survives");
                }
                UUID retired = survivor.equals(task.patientA()) ? task.patientB() : task.patientA();
                merge = Optional.of(merges.merge(survivor, retired, MergeSource.REVIEW, actor));
            }
            case NOT_DUPLICATE -> tasks.decide(taskId, ReviewStatus.NOT_DUPLICATE, actor.username());
            case DEFER -> tasks.decide(taskId, ReviewStatus.DEFERRED, actor.username());
        }
        if (choice != Choice.MERGE) {
            for (UUID patient : List.of(task.patientA(), task.patientB())) {
                audit.record(new AuditEntry(actor.username(), actor.roles(), AuditAction.UPDATE, AuditOutcome.SUCCESS,
                        patient, "MpiReviewPair", taskId.toString(), "duplicate review: " + choice.name().toLowerCase()
                        .replace('_', ' '), actor.clientAddress()));
            }
        }
        return merge;
    }

    private Demographics one(UUID id) {
        return index.find(List.of(id)).stream().findFirst()
                .orElseThrow(() -> new MergeRefused("patient " + id + " no longer exists"));
    }
}
