package org.custodian.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.quality.rules.ClinicalEditCheck;
import org.custodian.quality.rules.ClinicalEditCheck.Conflict;
import org.custodian.quality.rules.ClinicalEditCheck.Kind;
import org.custodian.terminology.CodeSystem;
import org.custodian.terminology.CodingEdit;
import org.custodian.terminology.CodingEdits;
import org.custodian.terminology.EncounterCodes;

/**
 * Sex and age edits from the terminology module's Medicare Code Editor tables, one code at a time,
 * remembered for one scan (the same code, sex and age on the same fiscal year give the same answer).
 */
final class TerminologyClinicalEdits implements ClinicalEditCheck {
    private static final int OLDEST_MCE_AGE = 124;

    private final CodingEdits edits;
    private final Map<String, Optional<List<Conflict>>> answers = new ConcurrentHashMap<>();

    TerminologyClinicalEdits(CodingEdits edits) {
        this.edits = edits;
    }

    @Override
    public Optional<List<Conflict>> conflicts(LocalDate dateOfService, String sex, int age, String code, boolean procedure) {
        int year = dateOfService.getMonthValue() >= 10 ? dateOfService.getYear() + 1 : dateOfService.getYear();
        String key = year + "|" + sex + "|" + age + "|" + procedure + "|" + code;
        return answers.computeIfAbsent(key, k -> ask(dateOfService, sex, Math.clamp(age, 0, OLDEST_MCE_AGE), code, procedure));
    }

    private Optional<List<Conflict>> ask(LocalDate date, String sex, int age, String code, boolean procedure) {
        EncounterCodes codes = new EncounterCodes(date, Optional.of(age), sexOf(sex), EncounterCodes.Setting.OUTPATIENT,
                Optional.empty(), procedure ? List.of() : List.of(EncounterCodes.Diagnosis.of(code)),
                procedure ? List.of(new EncounterCodes.Procedure(code)) : List.of());
        List<CodingEdit> found = edits.check(codes);
        if (found.stream().anyMatch(e -> e instanceof CodingEdit.EditsNotRun n && n.message().contains("Medicare Code Editor"))) {
            return Optional.empty();
        }
        String normalized = CodeSystem.normalize(code);
        return Optional.of(found.stream().<Conflict>mapMulti((edit, out) -> {
            switch (edit) {
                case CodingEdit.AgeConflict a when CodeSystem.normalize(a.code()).equals(normalized) ->
                        out.accept(new Conflict(Kind.AGE, sentence(a.message())));
                case CodingEdit.SexConflict s when CodeSystem.normalize(s.code()).equals(normalized) ->
                        out.accept(new Conflict(Kind.SEX, sentence(s.message())));
                default -> {
                }
            }
        }).toList());
    }

    private static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
    }

    private static EncounterCodes.Sex sexOf(String sex) {
        return switch (sex == null ? "" : sex) {
            case "FEMALE" -> EncounterCodes.Sex.FEMALE;
            case "MALE" -> EncounterCodes.Sex.MALE;
            default -> EncounterCodes.Sex.UNKNOWN;
        };
    }
}
