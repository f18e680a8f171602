package org.custodian.quality.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.custodian.quality.Category;
import org.custodian.quality.Severity;

/** An inpatient stay needs a history and physical on the chart within 24 hours of admission (CMS CoP 482.22). */
public final class HistoryAndPhysicalRule implements Rule {
    @Override
    public String id() {
        return "HP_MISSING";
    }

    @Override
    public Category category() {
        return Category.COMPLETENESS;
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "Inpatient stay without a history and physical within 24 hours of admission";
    }

    @Override
    public void check(PatientFacts facts, RuleContext context, Findings out) {
        Duration within = context.properties().hAndPWithin();
        for (PatientFacts.EncounterRow e : facts.encounters()) {
            Instant due = e.admitAt().plus(within);
            if (!e.encounterClass().equals("INPATIENT") || context.now().isBefore(due)) {
                continue;
            }
            Optional<PatientFacts.DocumentRow> first = facts.documents().stream()
                    .filter(d -> e.id().equals(d.encounterId()) && d.type().equals("HISTORY_AND_PHYSICAL")
                            && !d.enteredInError())
                    .min(Comparator.comparing(PatientFacts.DocumentRow::createdAt));
            long hours = within.toHours();
            if (first.isEmpty()) {
                out.add(e.id().toString(), e.id(), null, e.facilityId(), e.attendingId(), e.label() + ": history and physical",
                        "No history and physical is on the chart; it was due within " + hours + " h of admission.");
            } else if (first.get().createdAt().isAfter(due)) {
                long late = Duration.between(e.admitAt(), first.get().createdAt()).toHours();
                out.add(e.id().toString(), e.id(), first.get().id(), e.facilityId(), e.attendingId(),
                        e.label() + ": history and physical " + first.get().label(),
                        "The history and physical was documented " + late + " h after admission; it was due within "
                                + hours + " h.");
            }
        }
    }
}
