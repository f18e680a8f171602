package org.custodian.quality.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.custodian.quality.Category;
import org.custodian.quality.Severity;
import org.custodian.terminology.CodeSystem;

/**
 * Discharged, not final billed: an encounter still without an ICD-10-CM diagnosis some days after
 * discharge. Outpatient visits are left to charge capture. "Coded" means an ICD-10-CM diagnosis is
 * on the encounter: finalising in the coding module files the final codes in the record, which
 * resolves this finding through the record's change event; codes sent by another system count too.
 */
public final class NotCodedRule implements Rule {
    @Override
    public String id() {
        return "NOT_CODED";
    }

    @Override
    public Category category() {
        return Category.TIMELINESS;
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "Discharged encounter not coded after the due days";
    }

    @Override
    public void check(PatientFacts facts, RuleContext context, Findings out) {
        int days = context.properties().codingDueAfterDays();
        for (PatientFacts.EncounterRow e : facts.encounters()) {
            if (e.dischargeAt() == null || e.encounterClass().equals("OUTPATIENT")) {
                continue;
            }
            Instant due = e.dischargeAt().plus(Duration.ofDays(days));
            if (context.now().isBefore(due)) {
                continue;
            }
            boolean coded = facts.diagnoses().stream().anyMatch(d -> e.id().equals(d.encounterId())
                    && CodeSystems.of(d.system()).equals(Optional.of(CodeSystem.ICD10CM)));
            if (!coded) {
                long waiting = Duration.between(e.dischargeAt(), context.now()).toDays();
                out.add(e.id().toString(), e.id(), null, e.facilityId(), null, e.label() + ": coding",
                        "Discharged " + waiting + " days ago (" + RuleContext.day(e.dischargeAt())
                                + ") and still has no ICD-10-CM diagnosis; coding was due after " + days + " days.");
            }
        }
    }
}
