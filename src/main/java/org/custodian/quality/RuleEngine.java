package org.custodian.quality;

import java.util.ArrayList;
import java.util.List;
import org.custodian.quality.rules.Findings;
import org.custodian.quality.rules.PatientFacts;
import org.custodian.quality.rules.Rule;
import org.custodian.quality.rules.RuleContext;

/** Runs every rule over one patient's record; a rule that throws is recorded and the others still run. */
final class RuleEngine {
    private final List<Rule> rules;

    RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    List<Rule> rules() {
        return rules;
    }

    Evaluation evaluate(PatientFacts facts, RuleContext context) {
        List<Finding> found = new ArrayList<>();
        List<RuleFailure> failures = new ArrayList<>();
        for (Rule rule : rules) {
            Findings out = new Findings(rule, facts.patientId());
            try {
                rule.check(facts, context, out);
                found.addAll(out.list());
            } catch (RuntimeException e) {
                failures.add(new RuleFailure(rule.id(), facts.patientId(),
                        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            }
        }
        return new Evaluation(found, failures);
    }

    record Evaluation(List<Finding> findings, List<RuleFailure> failures) {
    }
}
