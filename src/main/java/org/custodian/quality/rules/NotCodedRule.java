package org.custodian.quality.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.custodian.quality.Category;
import org.custodian.quality.Severity;
import org.custodian.terminology.CodeSystem;

/**
 * Discharged, not final billed: an encounter not coded some days after discharge. Outpatient visits
 * are left to charge capture. With a coding case, "coded" is its status: finalised (coded, or coded
 * and audited), whatever diagnoses the record already holds; a case to code, in progress or on hold
 * for a physician query is not coded. Finalising files the final codes in the record, whose change
 * event re-checks the patient and resolves this finding. Without a case (none was opened: codes
 * sent by another system), an ICD-10-CM diagnosis on the encounter counts as coded.
 */
public final class NotCodedRule implements Rule {
    /** The coding case statuses in which the coding is final (the bill can drop). */
    private static final Set<String> FINAL = Set.of("CODED", "AUDITED");

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
            if (!coded(e, facts)) {
                long waiting = Duration.between(e.dischargeAt(), context.now()).toDays();
                out.add(e.id().toString(), e.id(), null, e.facilityId(), null, e.label() + ": coding",
                        "Discharged " + waiting + " days ago (" + RuleContext.day(e.dischargeAt()) + ") and "
                                + state(e) + "; coding was due after " + days + " days.");
            }
        }
    }

    private static boolean coded(PatientFacts.EncounterRow e, PatientFacts facts) {
        if (e.codingStatus() != null) {
            return FINAL.contains(e.codingStatus());
        }
        return facts.diagnoses().stream().anyMatch(d -> e.id().equals(d.encounterId())
                && CodeSystems.of(d.system()).equals(Optional.of(CodeSystem.ICD10CM)));
    }

    private static String state(PatientFacts.EncounterRow e) {
        return switch (e.codingStatus() == null ? "" : e.codingStatus()) {
            case "" -> "still has no ICD-10-CM diagnosis";
            case "ON_HOLD_QUERY" -> "its coding is on hold for a physician query";
            case "IN_PROGRESS" -> "its coding is still in progress";
            default -> "its coding has not started";
        };
    }

}
