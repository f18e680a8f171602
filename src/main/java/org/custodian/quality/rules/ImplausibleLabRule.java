package org.custodian.quality.rules;

import java.util.Optional;
import org.custodian.quality.Category;
import org.custodian.quality.Severity;

/** Results whose unit does not belong to the test, or whose value no living patient can have in that unit. */
public final class ImplausibleLabRule implements Rule {
    @Override
    public String id() {
        return "LAB_IMPLAUSIBLE";
    }

    @Override
    public Category category() {
        return Category.ACCURACY;
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "Lab value implausible for its unit";
    }

    @Override
    public void check(PatientFacts facts, RuleContext context, Findings out) {
        for (PatientFacts.ObservationRow o : facts.observations()) {
            Optional<PlausibleRanges.Test> test = PlausibleRanges.of(o.loincCode());
            if (test.isEmpty() || o.value() == null) {
                continue;
            }
            if (o.unit() == null || o.unit().isBlank()) {
                add(out, o, facts, "The " + test.get().name() + " value " + o.value().toPlainString()
                        + " has no unit (expected " + test.get().units() + ").");
                continue;
            }
            Optional<PlausibleRanges.Range> range = test.get().forUnit(o.unit());
            if (range.isEmpty()) {
                add(out, o, facts, "'" + o.unit() + "' is not a unit for " + test.get().name()
                        + " (expected " + test.get().units() + ").");
            } else if (!range.get().contains(o.value())) {
                add(out, o, facts, "A " + test.get().name() + " of " + o.value().toPlainString() + " " + o.unit()
                        + " is not possible in a living patient (plausible " + range.get().min().toPlainString() + " to "
                        + range.get().max().toPlainString() + " " + range.get().unit() + "); check the unit and the value.");
            }
        }
    }

    /** A finding on this result; where it is is spelled out only then (most results are plausible). */
    private static void add(Findings out, PatientFacts.ObservationRow o, PatientFacts facts, String message) {
        String where = "Result " + o.display() + " (LOINC " + o.loincCode() + ") of " + o.observedAt();
        out.add(o.id().toString(), o.encounterId(), null,
                facts.encounter(o.encounterId()).map(PatientFacts.EncounterRow::facilityId).orElse(null), null, where, message);
    }
}
