package org.custodian.quality.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.UUID;
import org.custodian.quality.Category;
import org.custodian.quality.Severity;
import org.custodian.terminology.CodeSystem;

/** Diagnoses and procedures that do not fit the patient's recorded sex or age at the date of service. */
public final class SexAgeConflictRule implements Rule {
    @Override
    public String id() {
        return "SEX_AGE_CONFLICT";
    }

    @Override
    public Category category() {
        return Category.ACCURACY;
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "Diagnosis or procedure implausible for the patient's sex or age";
    }

    @Override
    public void check(PatientFacts facts, RuleContext context, Findings out) {
        Optional<ClinicalEdits.Sex> sex = switch (facts.patient().sex()) {
            case "FEMALE" -> Optional.of(ClinicalEdits.Sex.FEMALE);
            case "MALE" -> Optional.of(ClinicalEdits.Sex.MALE);
            default -> Optional.empty();
        };
        for (PatientFacts.DiagnosisRow d : facts.diagnoses()) {
            if (CodeSystems.of(d.system()).equals(Optional.of(CodeSystem.ICD10CM))) {
                String code = CodeSystem.normalize(d.code());
                String where = "Diagnosis " + d.code() + " " + d.display();
                sexConflict(facts, out, d.id(), d.encounterId(), where, sex, ClinicalEdits.diagnosisSex(code));
                Optional<ClinicalEdits.AgeRange> range = ClinicalEdits.diagnosisAge(code);
                LocalDate on = serviceDate(facts, d.encounterId(), d.onsetAt());
                if (range.isPresent() && on != null) {
                    int age = Math.max(0, Period.between(facts.patient().birthDate(), on).getYears());
                    if (!range.get().contains(age)) {
                        out.add(d.id() + ":age", d.encounterId(), null, facility(facts, d.encounterId()), null, where,
                                "A " + range.get().label() + " diagnosis for a patient aged " + age + " on " + on + ".");
                    }
                }
            }
        }
        for (PatientFacts.ProcedureRow p : facts.procedures()) {
            if (CodeSystems.of(p.system()).equals(Optional.of(CodeSystem.ICD10PCS))) {
                sexConflict(facts, out, p.id(), p.encounterId(), "Procedure " + p.code() + " " + p.display(), sex,
                        ClinicalEdits.procedureSex(CodeSystem.normalize(p.code())));
            }
        }
    }

    private static void sexConflict(PatientFacts facts, Findings out, UUID id, UUID encounterId, String where,
                                    Optional<ClinicalEdits.Sex> patientSex, Optional<ClinicalEdits.Sex> codeSex) {
        if (patientSex.isPresent() && codeSex.isPresent() && patientSex.get() != codeSex.get()) {
            out.add(id + ":sex", encounterId, null, facility(facts, encounterId), null, where,
                    "A code for " + codeSex.get().name().toLowerCase() + " patients only, on a patient recorded as "
                            + patientSex.get().name().toLowerCase() + ".");
        }
    }

    private static UUID facility(PatientFacts facts, UUID encounterId) {
        return facts.encounter(encounterId).map(PatientFacts.EncounterRow::facilityId).orElse(null);
    }

    private static LocalDate serviceDate(PatientFacts facts, UUID encounterId, Instant fallback) {
        return facts.encounter(encounterId).map(e -> RuleContext.day(e.admitAt()))
                .orElse(fallback == null ? null : RuleContext.day(fallback));
    }
}
