package org.custodian.mpi;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.mpi.matching.CandidatePairs;
import org.custodian.mpi.matching.Linker;
import org.custodian.mpi.matching.MatchModel;
import org.custodian.mpi.matching.Prepared;
import org.custodian.mpi.matching.Preparer;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.springframework.stereotype.Service;

/**
 * The batch duplicate scan over the whole index (or one facility's patients): estimate the model
 * from the patients themselves, compare every candidate pair, link the pairs decided auto-link
 * ({@link AutoLinker}: the reversible, audited merge a reviewer makes) and write a review task for
 * each pair decided review (pairs decided "not a duplicate" before are not proposed again). The
 * model is kept for real time; an index too small to learn from is scored with the real-time model.
 */
@Service
public class MpiScan {

    private final IndexReader index;
    private final ReviewTaskRepository tasks;
    private final ModelStore models;
    private final PatientMatcher matcher;
    private final AuditTrail audit;
    private final AutoLinker linker;

    MpiScan(IndexReader index, ReviewTaskRepository tasks, ModelStore models, PatientMatcher matcher, AuditTrail audit,
            AutoLinker linker) {
        this.index = index;
        this.linker = linker;
        this.tasks = tasks;
        this.models = models;
        this.matcher = matcher;
        this.audit = audit;
    }

    /**
     * What a scan found: pairs decided auto-link and review, the merges it made, the auto-link pairs
     * it left for a person (the merge was refused, or a person had kept the records apart) and the new
     * review tasks.
     */
    public record Summary(LinkStats stats, long autoLink, long review, long linked, long autoLinkNotMerged,
                          long newTasks) {
    }

    /** Scans every active patient. */
    public Summary scan(Thresholds thresholds, Actor actor, Progress progress) {
        return scan(thresholds, null, actor, progress);
    }

    /** Scans the active patients holding an MRN at {@code facilityId}, or every one when it is null. */
    public Summary scan(Thresholds thresholds, UUID facilityId, Actor actor, Progress progress) {
        Preparer preparer = Preparer.standard();
        List<Prepared> records = new ArrayList<>();
        if (facilityId == null) {
            index.forEachActive(d -> records.add(preparer.prepare(d)));
        } else {
            index.forEachActiveAt(facilityId, d -> records.add(preparer.prepare(d)));
        }
        if (records.size() < 2) {
            return new Summary(LinkStats.empty(records.size()), 0, 0, 0, 0, 0);
        }
        Linker.Run run;
        if (records.size() >= BootstrapModel.MIN_TRAINING_RECORDS) {
            run = Linker.standard().link(records, BootstrapModel.get(), thresholds.review(), progress);
            MatchModel model = run.model();
            models.save(model, records.size());
            matcher.useModel(model);
        } else {
            run = Linker.standard().score(records, CandidatePairs.of(records), matcher.model(), thresholds.review(),
                    progress);
        }
        Thresholds limits = thresholds.forIndex(run.model(), records.size());
        long auto = 0;
        long review = 0;
        long created = 0;
        List<AutoLinker.CertainPair> certain = new ArrayList<>();
        for (Linker.ScoredPair pair : run.pairs()) {
            Prepared a = records.get(pair.a());
            Prepared b = records.get(pair.b());
            UUID idA = UUID.fromString(a.id());
            UUID idB = UUID.fromString(b.id());
            switch (limits.decide(pair.weight(), pair.pattern(), FileLinkage.problems(a, b))) {
                case MatchDecision.AutoLink link -> {
                    auto++;
                    certain.add(new AutoLinker.CertainPair(idA, idB, pair.weight(), pair.pattern()));
                }
                case MatchDecision.Review r -> {
                    review++;
                    if (tasks.propose(idA, idB, pair.weight(), pair.pattern(), r, "SCAN")) {
                        created++;
                    }
                }
                case MatchDecision.NoMatch none -> { }
            }
        }
        AutoLinker.Outcome linked = linker.link(certain, actor);
        LinkStats stats = LinkStats.of(run.stats());
        audit.record(new AuditEntry(actor.username(), actor.roles(), AuditAction.SEARCH, AuditOutcome.SUCCESS, null,
                "MpiScan", null, String.format(java.util.Locale.ROOT,
                "duplicate scan%s: %d records, %d pairs compared, %d auto-link (%d merged, %d left for review, "
                        + "%d kept apart by a person before), %d review, %d new review tasks",
                facilityId == null ? "" : " of facility " + facilityId, records.size(), stats.pairsCompared(), auto,
                linked.linked(), linked.leftForReview(), linked.decidedBefore(), review, created),
                actor.clientAddress()));
        return new Summary(stats, auto, review, linked.linked(), auto - linked.linked(), created);
    }
}
