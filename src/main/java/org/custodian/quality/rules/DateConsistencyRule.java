package org.custodian.quality.rules;

import java.time.Instant;
import java.time.LocalDate;
import org.custodian.quality.Category;
import org.custodian.quality.Severity;

/**
 * Dates that cannot all be true: birth in the future, discharge before admission, care before birth
 * or after death. Documents may be written after a death (death summary), so only care events count.
 */
public final class DateConsistencyRule implements Rule {
    @Override
    public String id() {
        return "DATES_INCONSISTENT";
    }

    @Override
    public Category category() {
        return Category.CONSISTENCY;
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "Dates contradict each other";
    }

    @Override
    public void check(PatientFacts facts, RuleContext context, Findings out) {
        PatientFacts.PatientRow p = facts.patient();
        LocalDate today = RuleContext.day(context.now());
        if (p.birthDate() != null && p.birthDate().isAfter(today)) {
            out.patient(p.id() + ":birth", "Patient " + p.given() + " " + p.family() + ": birth date",
                    "The birth date " + p.birthDate() + " is in the future.");
        }
        if (p.deceasedAt() != null && p.birthDate() != null && RuleContext.day(p.deceasedAt()).isBefore(p.birthDate())) {
            out.patient(p.id() + ":death", "Patient " + p.given() + " " + p.family() + ": date of death",
                    "The date of death " + RuleContext.day(p.deceasedAt()) + " is before the birth date " + p.birthDate() + ".");
        }
        // where and what are spelled out only for a problem found: most facts have none
        for (PatientFacts.EncounterRow e : facts.encounters()) {
            if (e.dischargeAt() != null && e.dischargeAt().isBefore(e.admitAt())) {
                out.add(e.id() + ":discharge", e.id(), null, e.facilityId(), null, e.label() + ": discharge date",
                        "Discharged " + e.dischargeAt() + ", before the admission " + e.admitAt() + ".");
            }
            String problem = problem(p, "Admitted", e.admitAt());
            if (problem != null) {
                out.add(e.id() + ":admit", e.id(), null, e.facilityId(), null, e.label() + ": admission", problem);
            }
        }
        for (PatientFacts.ProcedureRow pr : facts.procedures()) {
            String problem = problem(p, "Performed", pr.performedAt());
            if (problem != null) {
                out.add(pr.id().toString(), pr.encounterId(), null, null, null, "Procedure " + pr.code() + " " + pr.display(),
                        problem);
            }
        }
        for (PatientFacts.ObservationRow o : facts.observations()) {
            String problem = problem(p, "Observed", o.observedAt());
            if (problem != null) {
                out.add(o.id().toString(), o.encounterId(), null, null, null,
                        "Result " + o.display() + " (LOINC " + o.loincCode() + ")", problem);
            }
        }
    }

    /** What is wrong with an event at this time (before birth, after death), or null if nothing is. */
    private static String problem(PatientFacts.PatientRow p, String what, Instant at) {
        if (at == null) {
            return null;
        }
        if (p.birthDate() != null && RuleContext.day(at).isBefore(p.birthDate())) {
            return what + " " + RuleContext.day(at) + ", before the patient's birth on " + p.birthDate() + ".";
        } else if (p.deceasedAt() != null && at.isAfter(p.deceasedAt())) {
            return what + " " + at + ", after the patient's death on " + p.deceasedAt() + ".";
        }
        return null;
    }
}
