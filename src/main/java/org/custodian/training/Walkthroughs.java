package org.custodian.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Guided walkthroughs against the sandbox, with each trainee's progress saved step by step. */
@Service
public class Walkthroughs {
    private final JdbcClient jdbc;
    private final TrainingSandbox sandbox;
    private final TrainingAccess access;

    Walkthroughs(JdbcClient jdbc, TrainingSandbox sandbox, TrainingAccess access) {
        this.jdbc = jdbc;
        this.sandbox = sandbox;
        this.access = access;
    }

    @Transactional(noRollbackFor = TrainingDenied.class)
    public List<WalkthroughProgress> all(CustodianUser trainee) {
        access.require(trainee, Permission.TAKE_TRAINING, "training walkthroughs");
        List<WalkthroughProgress> all = new ArrayList<>();
        String patient = sandbox.aPatient().map(UUID::toString).orElse(null);
        for (Walkthrough walkthrough : Walkthrough.values()) {
            all.add(progress(trainee.getUsername(), walkthrough, patient));
        }
        return all;
    }

    @Transactional(noRollbackFor = TrainingDenied.class)
    public WalkthroughProgress one(CustodianUser trainee, Walkthrough walkthrough) {
        access.require(trainee, Permission.TAKE_TRAINING, "training walkthroughs");
        return progress(trainee.getUsername(), walkthrough, sandbox.aPatient().map(UUID::toString).orElse(null));
    }

    /** Marks a step done (steps count from 1); marking it again changes nothing. */
    @Transactional(noRollbackFor = TrainingDenied.class)
    public void done(CustodianUser trainee, Walkthrough walkthrough, int step) {
        access.require(trainee, Permission.TAKE_TRAINING, "training walkthroughs");
        if (step < 1 || step > walkthrough.steps().size()) {
            throw new IllegalArgumentException("walkthrough '" + walkthrough.title() + "' has steps 1 to "
                    + walkthrough.steps().size() + ", not " + step);
        }
        int added = jdbc.sql("""
                INSERT INTO training_walkthrough_step (trainee, walkthrough, step, done_at) VALUES (:t, :w, :s, now())
                ON CONFLICT DO NOTHING""")
                .param("t", trainee.getUsername()).param("w", walkthrough.name()).param("s", step).update();
        if (added == 1) {
            access.record(trainee, AuditAction.UPDATE, AuditOutcome.SUCCESS, null, walkthrough.slug(),
                    "walkthrough '" + walkthrough.title() + "' step " + step + " done");
        }
    }

    private WalkthroughProgress progress(String trainee, Walkthrough walkthrough, String patient) {
        Set<Integer> done = Set.copyOf(jdbc.sql("""
                SELECT step FROM training_walkthrough_step WHERE trainee = :t AND walkthrough = :w""")
                .param("t", trainee).param("w", walkthrough.name()).query(Integer.class).list());
        List<WalkthroughProgress.StepState> steps = new ArrayList<>();
        for (int i = 0; i < walkthrough.steps().size(); i++) {
            Walkthrough.Step step = walkthrough.steps().get(i);
            steps.add(new WalkthroughProgress.StepState(i + 1, step, link(step.link(), patient), done.contains(i + 1)));
        }
        return new WalkthroughProgress(walkthrough, steps);
    }

    private static String link(String template, String patient) {
        if (template == null || (template.contains("{patient}") && patient == null)) {
            return null;
        }
        return template.replace("{patient}", patient == null ? "" : patient);
    }
}
