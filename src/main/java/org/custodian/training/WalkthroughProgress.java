package org.custodian.training;

import java.util.List;

/** A trainee's place in one walkthrough: each step with its link resolved to sandbox records and whether it is done. */
public record WalkthroughProgress(Walkthrough walkthrough, List<StepState> steps) {
    public record StepState(int number, Walkthrough.Step step, String link, boolean done) {
    }

    public long done() {
        return steps.stream().filter(StepState::done).count();
    }

    public boolean complete() {
        return done() == steps.size();
    }
}
