package org.custodian.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custodian.terminology.CodeSystem;
import org.custodian.terminology.CodeValidation;
import org.custodian.terminology.EncounterCodes;

/**
 * One CODE argument of {@code terminology validate}: the code as typed, its POA indicator after a colon
 * (E11.9:Y), and once validated the verdict, which tells diagnosis codes from procedure codes.
 */
record ValidateInput(String code, Optional<EncounterCodes.Poa> poa, CodeValidation result) {
    static ValidateInput of(String typed) {
        int colon = typed.lastIndexOf(':');
        if (colon < 0) {
            return new ValidateInput(typed, Optional.empty(), null);
        }
        String indicator = typed.substring(colon + 1);
        return new ValidateInput(typed.substring(0, colon), indicator.isBlank() ? Optional.empty()
                : Optional.of(EncounterCodes.Poa.parse(indicator)), null);
    }

    ValidateInput validated(CodeValidation verdict) {
        return new ValidateInput(code, poa, verdict);
    }

    boolean sameCode(String other) {
        return CodeSystem.normalize(code).equals(codeOf(other));
    }

    /** The code of a CODE argument without its POA indicator, normalised; never fails. */
    static String codeOf(String typed) {
        int colon = typed.lastIndexOf(':');
        return CodeSystem.normalize(colon < 0 ? typed : typed.substring(0, colon));
    }

    /** The code as edits name it: ICD-10-CM with its dot. */
    String display() {
        return isDiagnosis() ? CodeSystem.ICD10CM.display(CodeSystem.normalize(code)) : CodeSystem.normalize(code);
    }

    boolean isDiagnosis() {
        Optional<CodeSystem> system = switch (result) {
            case CodeValidation.Valid v -> Optional.of(v.code().system());
            case CodeValidation.Header h -> Optional.of(h.code().system());
            case CodeValidation.NotValidOnDate n -> Optional.of(n.system());
            case CodeValidation.NoReleaseOnDate n -> Optional.of(n.system());
            case CodeValidation.Unknown u -> Optional.empty();
            case CodeValidation.Malformed m -> Optional.empty();
        };
        String normal = CodeSystem.normalize(code);
        return system.map(s -> s == CodeSystem.ICD10CM).orElse(normal.length() >= 3
                && Character.isLetter(normal.charAt(0)) && Character.isDigit(normal.charAt(1)));
    }

    String role(List<ValidateInput> all, String principal) {
        if (!isDiagnosis()) {
            return "procedure";
        }
        return principalOf(all, principal).filter(p -> p == this).isPresent() ? "principal" : "secondary";
    }

    private static Optional<ValidateInput> principalOf(List<ValidateInput> all, String principal) {
        if (principal == null) {
            return Optional.empty();
        }
        return all.stream().filter(ValidateInput::isDiagnosis)
                .filter(i -> principal.isBlank() || i.sameCode(principal)).findFirst();
    }

    static EncounterCodes encounter(List<ValidateInput> all, String principal, LocalDate date, Optional<Integer> age,
                                    EncounterCodes.Sex sex, EncounterCodes.Setting setting) {
        Optional<ValidateInput> first = principalOf(all, principal);
        List<EncounterCodes.Diagnosis> secondary = new ArrayList<>();
        List<EncounterCodes.Procedure> procedures = new ArrayList<>();
        for (ValidateInput input : all) {
            if (!input.isDiagnosis()) {
                procedures.add(new EncounterCodes.Procedure(input.code()));
            } else if (first.filter(p -> p == input).isEmpty()) {
                secondary.add(new EncounterCodes.Diagnosis(input.code(), input.poa()));
            }
        }
        return new EncounterCodes(date, age, sex, setting,
                first.map(p -> new EncounterCodes.Diagnosis(p.code(), p.poa())), secondary, procedures);
    }
}
