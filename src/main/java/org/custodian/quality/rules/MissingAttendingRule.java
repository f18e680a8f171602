package org.custodian.quality.rules;

import org.custodian.quality.Category;
import org.custodian.quality.Severity;

public final class MissingAttendingRule implements Rule {
    @Override
    public String id() {
        return "ENCOUNTER_NO_ATTENDING";
    }

    @Override
    public Category category() {
        return Category.COMPLETENESS;
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "Encounter has no attending physician";
    }

    @Override
    public void check(PatientFacts facts, RuleContext context, Findings out) {
        for (PatientFacts.EncounterRow e : facts.encounters()) {
            if (e.attendingId() == null) {
                out.add(e.id().toString(), e.id(), null, e.facilityId(), null, e.label() + ": attending",
                        "No attending physician is recorded for this encounter, so no one can be asked to complete it.");
            }
        }
    }
}
