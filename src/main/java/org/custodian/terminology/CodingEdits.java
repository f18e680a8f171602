package org.custodian.terminology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.terminology.EncounterCodes.Diagnosis;
import org.custodian.terminology.EncounterCodes.Poa;
import org.custodian.terminology.EncounterCodes.Setting;
import org.custodian.terminology.EncounterCodes.Sex;
import org.springframework.stereotype.Service;

/**
 * The encounter-level code edits a coder must clear before finalising, run against the rule files in
 * force on the date of service:
 * <ul>
 *   <li>each code: unknown, header (not billable), not valid on the date, 7th character missing or invalid
 *       (ICD-10-CM release and tabular list);</li>
 *   <li>diagnosis pairs named by an Excludes1 note (tabular list, notes inherited from chapter, section and
 *       category);</li>
 *   <li>principal diagnosis: manifestation code, unacceptable principal (MCE);</li>
 *   <li>age conflicts (newborn 0, pediatric 0-17, maternity 9-64, adult 15-124) and sex conflicts (MCE; CMS
 *       deactivated the sex edit on 2024-10-01, so later findings are warnings);</li>
 *   <li>inpatient only: POA indicator required, or to be left blank for an exempt code (POA-exempt list).</li>
 * </ul>
 * Usage from another module: {@code codingEdits.check(new EncounterCodes(discharged, Optional.of(67),
 * Sex.FEMALE, Setting.INPATIENT, Optional.of(Diagnosis.of("J18.9", Poa.Y)), List.of(Diagnosis.of("E11.9", Poa.Y)),
 * List.of(new Procedure("0BH17EZ"))))} returns the findings, errors first; an empty list means clean. When a
 * rule file is missing for the date an {@link CodingEdit.EditsNotRun} says which edits did not run.
 */
@Service
public class CodingEdits {
    private static final LocalDate SEX_EDIT_RETIRED = LocalDate.of(2024, 10, 1);
    private static final Map<EditList, int[]> AGES = Map.of(EditList.AGE_NEWBORN, new int[] {0, 0},
            EditList.AGE_PEDIATRIC, new int[] {0, 17}, EditList.AGE_MATERNITY, new int[] {9, 64},
            EditList.AGE_ADULT, new int[] {15, 124});
    private static final Map<EditList, String> AGE_GROUPS = Map.of(EditList.AGE_NEWBORN, "newborn (age 0)",
            EditList.AGE_PEDIATRIC, "pediatric (age 0 through 17)", EditList.AGE_MATERNITY, "maternity (age 9 through 64)",
            EditList.AGE_ADULT, "adult (age 15 through 124)");

    private final CodeValidator validator;
    private final ReleaseIndexes releases;
    private final EditSets edits;

    CodingEdits(CodeValidator validator, ReleaseIndexes releases, EditSets edits) {
        this.validator = validator;
        this.releases = releases;
        this.edits = edits;
    }

    /** Runs every edit on the encounter's codes; errors first, then warnings, then edits that did not run. */
    public List<CodingEdit> check(EncounterCodes encounter) {
        LocalDate date = encounter.dateOfService();
        Optional<TabularNotes> tabular = edits.forDate(EditFileKind.TABULAR, date).map(edits::tabular);
        Optional<EditLists> mce = edits.forDate(EditFileKind.MCE, date).map(edits::lists);
        List<CodingEdit> found = new ArrayList<>();
        Set<String> diagnoses = new LinkedHashSet<>();
        for (Diagnosis dx : encounter.diagnoses()) {
            diagnoses.add(CodeSystem.normalize(dx.code()));
            diagnosisCode(dx.code(), date, tabular).ifPresent(found::add);
        }
        for (EncounterCodes.Procedure px : encounter.procedures()) {
            procedureCode(px.code(), date).ifPresent(found::add);
        }
        tabular.ifPresent(notes -> excludes1(List.copyOf(diagnoses), notes, found));
        mce.ifPresent(lists -> {
            encounter.principal().ifPresent(p -> principal(CodeSystem.normalize(p.code()), !encounter.secondary().isEmpty(),
                    lists, found));
            encounter.ageInYears().ifPresent(age -> diagnoses.forEach(code -> age(code, age, lists, found)));
        });
        if (encounter.sex() != Sex.UNKNOWN) {
            sex(encounter, date, found);
        }
        if (encounter.setting() == Setting.INPATIENT) {
            poa(encounter, date, found);
        }
        if (tabular.isEmpty()) {
            found.add(new CodingEdit.EditsNotRun("no ICD-10-CM tabular list loaded for " + date
                    + ": 7th-character and Excludes1 edits did not run"));
        }
        if (mce.isEmpty()) {
            found.add(new CodingEdit.EditsNotRun("no Medicare Code Editor definitions loaded for " + date
                    + ": manifestation, unacceptable principal diagnosis and age edits did not run"));
        }
        found.sort(java.util.Comparator.comparing(CodingEdit::severity));
        return found;
    }

    private Optional<CodingEdit> diagnosisCode(String input, LocalDate date, Optional<TabularNotes> tabular) {
        CodeValidation verdict = validator.validate(input, Optional.of(date), Optional.of(CodeSystem.ICD10CM));
        String code = CodeSystem.normalize(input);
        String shown = CodeSystem.ICD10CM.display(code);
        Optional<TabularNotes.SeventhCharacters> seventh = tabular.flatMap(t -> t.seventhCharacters(code));
        return switch (verdict) {
            case CodeValidation.Valid v -> Optional.empty();
            case CodeValidation.Header h when seventh.isPresent() && code.length() < 7 ->
                    Optional.of(seventhMissing(shown, code, seventh.get(), tabular.get(), date));
            case CodeValidation.Header h -> Optional.of(new CodingEdit.HeaderCode(shown,
                    h.examples().stream().map(MedicalCode::display).toList(), h.message()));
            case CodeValidation.Unknown u when seventh.isPresent() && code.length() == 7
                    && !seventh.get().meanings().containsKey(code.charAt(6)) ->
                    Optional.of(new CodingEdit.SeventhCharacterInvalid(shown, seventh.get().at(), shown + ": '"
                            + code.charAt(6) + "' is not a 7th character for "
                            + CodeSystem.ICD10CM.display(seventh.get().at()) + " (tabular " + tabular.get().version()
                            + "); allowed: " + meanings(seventh.get())));
            case CodeValidation.Unknown u when seventh.isPresent() && code.length() < 7 ->
                    Optional.of(seventhMissing(shown, code, seventh.get(), tabular.get(), date));
            case CodeValidation.Unknown u -> Optional.of(new CodingEdit.UnknownCode(shown, u.message()));
            case CodeValidation.Malformed m -> Optional.of(new CodingEdit.UnknownCode(input, m.message()));
            case CodeValidation.NotValidOnDate n -> Optional.of(new CodingEdit.NotValidOnDate(shown, n.message()));
            case CodeValidation.NoReleaseOnDate n -> Optional.of(new CodingEdit.NotValidOnDate(shown, n.message()));
        };
    }

    private CodingEdit seventhMissing(String shown, String code, TabularNotes.SeventhCharacters seventh,
                                      TabularNotes tabular, LocalDate date) {
        String padded = (code + "XXX").substring(0, 6);
        Optional<ReleaseCodes> index = releases.release(CodeSystem.ICD10CM, Optional.of(date)).map(releases::codes);
        String example = seventh.meanings().keySet().stream().map(c -> padded + c)
                .filter(c -> index.map(i -> i.find(c) != null).orElse(false)).findFirst()
                .map(c -> "; e.g. " + CodeSystem.ICD10CM.display(c)).orElse("");
        return new CodingEdit.SeventhCharacterMissing(shown, seventh.at(), shown + " needs a 7th character"
                + (code.length() < 6 ? " (with placeholder X to fill six characters first)" : "") + ", as defined at "
                + CodeSystem.ICD10CM.display(seventh.at()) + " in the tabular " + tabular.version() + ": "
                + meanings(seventh) + example);
    }

    private static String meanings(TabularNotes.SeventhCharacters seventh) {
        return seventh.meanings().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private Optional<CodingEdit> procedureCode(String input, LocalDate date) {
        return switch (validator.validate(input, Optional.of(date), Optional.empty())) {
            case CodeValidation.Valid v when v.code().system() == CodeSystem.ICD10CM -> Optional.of(new CodingEdit.UnknownCode(
                    v.code().display(), v.code().display() + " is an ICD-10-CM diagnosis code, not a procedure code"));
            case CodeValidation.Valid v -> Optional.empty();
            case CodeValidation.Header h -> Optional.of(new CodingEdit.HeaderCode(h.code().display(),
                    h.examples().stream().map(MedicalCode::display).toList(), h.message()));
            case CodeValidation.NotValidOnDate n -> Optional.of(new CodingEdit.NotValidOnDate(n.system().display(n.code()),
                    n.message()));
            case CodeValidation.NoReleaseOnDate n -> Optional.of(new CodingEdit.NotValidOnDate(input, n.message()));
            case CodeValidation.Unknown u -> Optional.of(new CodingEdit.UnknownCode(input, u.message()));
            case CodeValidation.Malformed m -> Optional.of(new CodingEdit.UnknownCode(input, m.message()));
        };
    }

    /** Every pair of diagnoses once, in either direction: the first code's notes, then the second's. */
    private static void excludes1(List<String> codes, TabularNotes notes, List<CodingEdit> found) {
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
                String a = codes.get(i);
                String b = codes.get(j);
                excluding(a, b, notes).or(() -> excluding(b, a, notes)).ifPresent(found::add);
            }
        }
    }

    private static final java.util.regex.Pattern EXCEPTION = java.util.regex.Pattern.compile(
            "\\b(unless\\b.*?|except (?:when|where|if)\\b.*?)\\.?$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The exception an Excludes1 note states for itself ("unless rheumatic fever is also present ..."), or "". */
    static String exception(String note) {
        java.util.regex.Matcher m = EXCEPTION.matcher(note.strip());
        return m.find() ? m.group(1).strip() : "";
    }

    private static Optional<CodingEdit> excluding(String code, String other, TabularNotes notes) {
        for (TabularNotes.Note note : notes.notes(EditList.EXCLUDES1, code)) {
            for (CodeRange range : note.refers()) {
                if (range.contains(other) && !range.contains(code)) {
                    String a = CodeSystem.ICD10CM.display(code);
                    String b = CodeSystem.ICD10CM.display(other);
                    String at = note.at().contains("-") ? note.at() : CodeSystem.ICD10CM.display(note.at());
                    String exception = exception(note.text());
                    return Optional.of(new CodingEdit.Excludes1Pair(a, b, note.text(), exception, a + " and " + b
                            + " cannot be coded together: Excludes1 at " + at + " (tabular " + notes.version() + "): '"
                            + note.text() + "'" + (exception.isEmpty() ? "" : "; the note allows both " + exception)
                            + "; they may be coded together when the conditions are unrelated (guideline I.A.12.a):"
                            + " override with the reason"));
                }
            }
        }
        return Optional.empty();
    }

    private void principal(String code, boolean hasSecondary, EditLists mce, List<CodingEdit> found) {
        String shown = CodeSystem.ICD10CM.display(code);
        String version = "MCE " + mce.file().version();
        mce.find(EditList.MANIFESTATION, code).ifPresent(title -> found.add(new CodingEdit.ManifestationAsPrincipal(shown,
                shown + " (" + title + ") is a manifestation code and cannot be the principal diagnosis: code the"
                        + " underlying condition first (" + version + " edit 6)")));
        mce.find(EditList.UNACCEPTABLE_PRINCIPAL, code).ifPresent(title -> {
            boolean starred = title.startsWith("*");
            if (!(starred && hasSecondary)) {
                found.add(new CodingEdit.UnacceptablePrincipal(shown, shown + " (" + (starred ? title.substring(1) : title)
                        + ") is not acceptable as principal diagnosis" + (starred ? " without a secondary diagnosis" : "")
                        + " (" + version + " edit 9)"));
            }
        });
    }

    private static void age(String code, int age, EditLists mce, List<CodingEdit> found) {
        AGES.forEach((list, range) -> mce.find(list, code).ifPresent(title -> {
            if (age < range[0] || age > range[1]) {
                String shown = CodeSystem.ICD10CM.display(code);
                found.add(new CodingEdit.AgeConflict(shown, age, shown + " (" + title + ") is a " + AGE_GROUPS.get(list)
                        + " diagnosis but the patient is " + age + " (MCE " + mce.file().version() + " edit 4)"));
            }
        }));
    }

    private void sex(EncounterCodes encounter, LocalDate date, List<CodingEdit> found) {
        boolean female = encounter.sex() == Sex.FEMALE;
        boolean retired = !date.isBefore(SEX_EDIT_RETIRED);
        EditList diagnoses = female ? EditList.SEX_MALE_DIAGNOSIS : EditList.SEX_FEMALE_DIAGNOSIS;
        EditList procedures = female ? EditList.SEX_MALE_PROCEDURE : EditList.SEX_FEMALE_PROCEDURE;
        Optional<EditLists> lists = edits.withList(EditFileKind.MCE, diagnoses, date);
        if (lists.isEmpty()) {
            return;
        }
        String source = "MCE " + lists.get().file().version() + " edit 5" + (retired
                ? "; CMS deactivated this edit on " + SEX_EDIT_RETIRED + ", so check the documentation" : "");
        String other = female ? "male" : "female";
        for (Diagnosis dx : encounter.diagnoses()) {
            String code = CodeSystem.normalize(dx.code());
            lists.get().find(diagnoses, code).ifPresent(title -> found.add(new CodingEdit.SexConflict(
                    CodeSystem.ICD10CM.display(code), retired, CodeSystem.ICD10CM.display(code) + " (" + title
                    + ") is a " + other + "-only diagnosis but the patient is " + encounter.sex().name().toLowerCase()
                    + " (" + source + ")")));
        }
        for (EncounterCodes.Procedure px : encounter.procedures()) {
            String code = CodeSystem.normalize(px.code());
            lists.get().find(procedures, code).ifPresent(title -> found.add(new CodingEdit.SexConflict(code, retired,
                    code + " (" + title + ") is a " + other + "-only procedure but the patient is "
                            + encounter.sex().name().toLowerCase() + " (" + source + ")")));
        }
    }

    private void poa(EncounterCodes encounter, LocalDate date, List<CodingEdit> found) {
        Optional<EditLists> exempt = edits.forDate(EditFileKind.POA_EXEMPT, date).map(edits::lists);
        if (exempt.isEmpty()) {
            found.add(new CodingEdit.EditsNotRun("no POA-exempt list loaded for " + date + ": POA edits did not run"));
            return;
        }
        String source = "POA-exempt list " + exempt.get().file().version();
        for (Diagnosis dx : encounter.diagnoses()) {
            String code = CodeSystem.normalize(dx.code());
            String shown = CodeSystem.ICD10CM.display(code);
            boolean isExempt = exempt.get().findWithin(EditList.POA_EXEMPT, code).isPresent();
            if (isExempt && dx.poa().isPresent() && dx.poa().get() != Poa.EXEMPT) {
                found.add(new CodingEdit.PoaExempt(shown, shown + " is exempt from POA reporting (" + source
                        + "): leave the indicator blank instead of " + dx.poa().get()));
            } else if (!isExempt && dx.poa().isEmpty()) {
                found.add(new CodingEdit.PoaRequired(shown, shown + " needs a POA indicator (Y, N, U or W) on an"
                        + " inpatient claim; it is not on the " + source));
            } else if (!isExempt && dx.poa().get() == Poa.EXEMPT) {
                found.add(new CodingEdit.PoaRequired(shown, shown + " is reported as exempt (1) but is not on the "
                        + source + ": report Y, N, U or W"));
            }
        }
    }
}
