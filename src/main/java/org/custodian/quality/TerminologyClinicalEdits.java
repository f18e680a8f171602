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
 * remembered for one scan (the same code, sex and age group on the same fiscal year give the same answer).
 */
final class TerminologyClinicalEdits implements ClinicalEditCheck {
    private static final int OLDEST_MCE_AGE = 124;

    private final CodingEdits edits;
    private final Map<String, Optional<List<Conflict>>> answers = new ConcurrentHashMap<>();

    TerminologyClinicalEdits(CodingEdits edits) {
        this.edits = edits;
    }

    /**
     * Asked once per fiscal year, sex, code and MCE age group (the edits' ages only change at the group
     * bounds); a conflict's message names the patient's age, so a conflict is asked again for that age.
     */
    @Override
    public Optional<List<Conflict>> conflicts(LocalDate dateOfService, String sex, int age, String code, boolean procedure) {
        int year = dateOfService.getMonthValue() >= 10 ? dateOfService.getYear() + 1 : dateOfService.getYear();
        int clamped = Math.clamp(age, 0, OLDEST_MCE_AGE);
        String key = year + "|" + sex + "|" + procedure + "|" + code + "|";
        Optional<List<Conflict>> byGroup = answers.computeIfAbsent(key + "group " + ageGroup(clamped),
                k -> ask(dateOfService, sex, clamped, code, procedure));
        if (byGroup.isEmpty() || byGroup.get().isEmpty()) {
            return byGroup;
        }
        return answers.computeIfAbsent(key + clamped, k -> ask(dateOfService, sex, clamped, code, procedure));
    }

    /** The ages between the bounds of the MCE age edits: newborn 0, pediatric 0-17, maternity 9-64, adult 15-124. */
    static int ageGroup(int age) {
        return age == 0 ? 0 : age <= 8 ? 1 : age <= 14 ? 9 : age <= 17 ? 15 : age <= 64 ? 18 : 65;
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
