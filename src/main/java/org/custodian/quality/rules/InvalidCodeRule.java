package org.custodian.quality.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.custodian.quality.Category;
import org.custodian.quality.Severity;
import org.custodian.terminology.CodeSystem;
import org.custodian.terminology.CodeValidation;

/**
 * ICD-10-CM, ICD-10-PCS and HCPCS codes checked against the release in force on the date of
 * service (inpatient: the discharge date). A header code is not billable; a code of no release, or
 * not of the release in force, is invalid. Where no release covers the date nothing can be said.
 */
public final class InvalidCodeRule implements Rule {
    @Override
    public String id() {
        return "CODE_INVALID";
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
        return "Invalid or non-billable code";
    }

    @Override
    public void check(PatientFacts facts, RuleContext context, Findings out) {
        for (PatientFacts.DiagnosisRow d : facts.diagnoses()) {
            check(facts, context, out, d.id(), d.encounterId(), d.system(), d.code(), d.onsetAt(), "Diagnosis");
        }
        for (PatientFacts.ProcedureRow p : facts.procedures()) {
            check(facts, context, out, p.id(), p.encounterId(), p.system(), p.code(), p.performedAt(), "Procedure");
        }
    }

    private void check(PatientFacts facts, RuleContext context, Findings out, UUID id, UUID encounterId, String systemUri,
                       String code, Instant factDate, String kind) {
        Optional<CodeSystem> system = CodeSystems.of(systemUri);
        if (system.isEmpty()) {
            return;
        }
        Optional<PatientFacts.EncounterRow> encounter = facts.encounter(encounterId);
        LocalDate dateOfService = encounter.map(InvalidCodeRule::dateOfService)
                .orElse(factDate == null ? null : RuleContext.day(factDate));
        CodeValidation verdict = context.codes().validate(system.get(), code, dateOfService);
        String problem = switch (verdict) {
            case CodeValidation.Valid v -> null;
            case CodeValidation.NoReleaseOnDate n -> null;
            case CodeValidation.Header h -> "is not billable: " + h.message();
            case CodeValidation.NotValidOnDate n -> "is not valid on the date of service: " + n.message();
            case CodeValidation.Unknown u -> "is invalid: " + u.message();
            case CodeValidation.Malformed m -> "is invalid: " + m.message();
        };
        if (problem != null) {
            out.add(id.toString(), encounterId, null, encounter.map(PatientFacts.EncounterRow::facilityId).orElse(null), null,
                    kind + " " + code + encounter.map(e -> " on " + e.label()).orElse(""),
                    system.get().title() + " code " + code + " " + problem);
        }
    }

    static LocalDate dateOfService(PatientFacts.EncounterRow e) {
        return RuleContext.day(e.encounterClass().equals("INPATIENT") && e.dischargeAt() != null ? e.dischargeAt() : e.admitAt());
    }
}
