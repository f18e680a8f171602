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
 * The batch duplicate scan over the whole index: estimate the model from the patients themselves,
 * compare every candidate pair, and write a review task for each pair that is not a clear no match
 * (pairs decided "not a duplicate" before are not proposed again). The model is kept for real time;
 * an index too small to learn from is scored with the real-time model.
 */
@Service
public class MpiScan {

    private final IndexReader index;
    private final ReviewTaskRepository tasks;
    private final ModelStore models;
    private final PatientMatcher matcher;
    private final AuditTrail audit;

    MpiScan(IndexReader index, ReviewTaskRepository tasks, ModelStore models, PatientMatcher matcher, AuditTrail audit) {
        this.index = index;
        this.tasks = tasks;
        this.models = models;
        this.matcher = matcher;
        this.audit = audit;
    }

    /** What a scan found. */
    public record Summary(LinkStats stats, long autoLink, long review, long newTasks) {
    }

    public Summary scan(Thresholds thresholds, Actor actor, Progress progress) {
        Preparer preparer = Preparer.standard();
        List<Prepared> records = new ArrayList<>();
        index.forEachActive(d -> records.add(preparer.prepare(d)));
        if (records.size() < 2) {
            return new Summary(LinkStats.empty(records.size()), 0, 0, 0);
        }
        Linker.Run run;
        if (records.size() >= BootstrapModel.MIN_TRAINING_RECORDS) {
            run = Linker.standard().link(records, thresholds.review(), progress);
            MatchModel model = run.model();
            models.save(model, records.size());
            matcher.useModel(model);
        } else {
            run = Linker.standard().score(records, CandidatePairs.of(records), matcher.model(), thresholds.review(),
                    progress);
        }
        long auto = 0;
        long review = 0;
        long created = 0;
        for (Linker.ScoredPair pair : run.pairs()) {
            Prepared a = records.get(pair.a());
            Prepared b = records.get(pair.b());
            MatchDecision decision = thresholds.decide(pair.weight(), pair.pattern(), FileLinkage.problems(a, b));
            switch (decision) {
                case MatchDecision.AutoLink link -> auto++;
                case MatchDecision.Review r -> review++;
                case MatchDecision.NoMatch none -> {
                    continue;
                }
            }
            if (tasks.propose(UUID.fromString(a.id()), UUID.fromString(b.id()), pair.weight(), pair.pattern(),
                    decision, "SCAN")) {
                created++;
            }
        }
        LinkStats stats = LinkStats.of(run.stats());
        audit.record(new AuditEntry(actor.username(), actor.roles(), AuditAction.SEARCH, AuditOutcome.SUCCESS, null,
                "MpiScan", null, String.format(java.util.Locale.ROOT,
                "duplicate scan: %d records, %d pairs compared, %d auto-link, %d review, %d new review tasks",
                records.size(), stats.pairsCompared(), auto, review, created), actor.clientAddress()));
        return new Summary(stats, auto, review, created);
    }
}
