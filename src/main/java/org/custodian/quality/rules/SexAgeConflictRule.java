package org.custodian.quality.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.custodian.quality.Category;
import org.custodian.quality.Severity;
import org.custodian.terminology.CodeSystem;

/**
 * Diagnoses and procedures that do not fit the patient's recorded sex or age at the date of service:
 * by the Medicare Code Editor tables in force on that date when the terminology module has them,
 * else by a compact set of sex- and age-specific code ranges.
 */
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
        for (PatientFacts.DiagnosisRow d : facts.diagnoses()) {
            if (CodeSystems.of(d.system()).equals(Optional.of(CodeSystem.ICD10CM))) {
                Code code = new Code(d.id(), d.encounterId(), CodeSystem.normalize(d.code()), false,
                        "Diagnosis " + d.code() + " " + d.display(), serviceDate(facts, d.encounterId(), d.onsetAt()));
                if (!checkedByTerminology(facts, context, code, out)) {
                    fallbackDiagnosis(facts, code, out);
                }
            }
        }
        for (PatientFacts.ProcedureRow p : facts.procedures()) {
            if (CodeSystems.of(p.system()).equals(Optional.of(CodeSystem.ICD10PCS))) {
                Code code = new Code(p.id(), p.encounterId(), CodeSystem.normalize(p.code()), true,
                        "Procedure " + p.code() + " " + p.display(), serviceDate(facts, p.encounterId(), p.performedAt()));
                if (!checkedByTerminology(facts, context, code, out)) {
                    sexConflict(facts, out, code.id(), code.encounterId(), code.where(), patientSex(facts),
                            ClinicalEdits.procedureSex(code.value()));
                }
            }
        }
    }

    private record Code(UUID id, UUID encounterId, String value, boolean procedure, String where, LocalDate on) {
    }

    /** The MCE tables in force on the date of service decide, when they are loaded for it. */
    private static boolean checkedByTerminology(PatientFacts facts, RuleContext context, Code code, Findings out) {
        if (code.on() == null || facts.patient().birthDate() == null) {
            return false;
        }
        Optional<List<ClinicalEditCheck.Conflict>> conflicts = context.clinical().conflicts(code.on(),
                facts.patient().sex(), ageOn(facts, code.on()), code.value(), code.procedure());
        conflicts.ifPresent(found -> found.forEach(c -> out.add(code.id() + ":" + c.kind().name().toLowerCase(Locale.ROOT),
                code.encounterId(), null, facility(facts, code.encounterId()), null, code.where(), c.message())));
        return conflicts.isPresent();
    }

    private static void fallbackDiagnosis(PatientFacts facts, Code code, Findings out) {
        sexConflict(facts, out, code.id(), code.encounterId(), code.where(), patientSex(facts),
                ClinicalEdits.diagnosisSex(code.value()));
        Optional<ClinicalEdits.AgeRange> range = ClinicalEdits.diagnosisAge(code.value());
        if (range.isPresent() && code.on() != null && facts.patient().birthDate() != null) {
            int age = ageOn(facts, code.on());
            if (!range.get().contains(age)) {
                out.add(code.id() + ":age", code.encounterId(), null, facility(facts, code.encounterId()), null,
                        code.where(), "A " + range.get().label() + " diagnosis for a patient aged " + age + " on "
                                + code.on() + ".");
            }
        }
    }

    private static Optional<ClinicalEdits.Sex> patientSex(PatientFacts facts) {
        return switch (String.valueOf(facts.patient().sex())) {
            case "FEMALE" -> Optional.of(ClinicalEdits.Sex.FEMALE);
            case "MALE" -> Optional.of(ClinicalEdits.Sex.MALE);
            default -> Optional.empty();
        };
    }

    private static int ageOn(PatientFacts facts, LocalDate on) {
        return Math.max(0, Period.between(facts.patient().birthDate(), on).getYears());
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
