package org.custodian.quality.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
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
        for (PatientFacts.EncounterRow e : facts.encounters()) {
            if (e.dischargeAt() != null && e.dischargeAt().isBefore(e.admitAt())) {
                out.add(e.id() + ":discharge", e.id(), null, e.facilityId(), null, e.label() + ": discharge date",
                        "Discharged " + e.dischargeAt() + ", before the admission " + e.admitAt() + ".");
            }
            event(p, out, e.id() + ":admit", e.id(), e.facilityId(), e.label() + ": admission", "Admitted", e.admitAt());
        }
        for (PatientFacts.ProcedureRow pr : facts.procedures()) {
            event(p, out, pr.id().toString(), pr.encounterId(), null, "Procedure " + pr.code() + " " + pr.display(),
                    "Performed", pr.performedAt());
        }
        for (PatientFacts.ObservationRow o : facts.observations()) {
            event(p, out, o.id().toString(), o.encounterId(), null, "Result " + o.display() + " (LOINC " + o.loincCode() + ")",
                    "Observed", o.observedAt());
        }
    }

    private static void event(PatientFacts.PatientRow p, Findings out, String subject, UUID encounterId, UUID facilityId,
                              String location, String what, Instant at) {
        if (at == null) {
            return;
        }
        if (p.birthDate() != null && RuleContext.day(at).isBefore(p.birthDate())) {
            out.add(subject, encounterId, null, facilityId, null, location,
                    what + " " + RuleContext.day(at) + ", before the patient's birth on " + p.birthDate() + ".");
        } else if (p.deceasedAt() != null && at.isAfter(p.deceasedAt())) {
            out.add(subject, encounterId, null, facilityId, null, location,
                    what + " " + at + ", after the patient's death on " + p.deceasedAt() + ".");
        }
    }
}
