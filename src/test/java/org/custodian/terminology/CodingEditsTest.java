package org.custodian.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custodian.terminology.ReleaseFiles.orderLine;
import static org.custodian.terminology.ReleaseFiles.write;
import static org.custodian.terminology.ReleaseFiles.writeBytes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.custodian.IntegrationTest;
import org.custodian.terminology.CodingEdit.Severity;
import org.custodian.terminology.EncounterCodes.Diagnosis;
import org.custodian.terminology.EncounterCodes.Poa;
import org.custodian.terminology.EncounterCodes.Procedure;
import org.custodian.terminology.EncounterCodes.Setting;
import org.custodian.terminology.EncounterCodes.Sex;
import org.custodian.terminology.ReleaseFileException.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Encounter edits on hand-made FY2030 files in the official layouts: an order file, a tabular list,
 * MCE definitions (v47.1 from April 2030), an MCE table with sex lists (v46) and a POA-exempt list.
 */
@IntegrationTest
class CodingEditsTest {
    private static final LocalDate MAY_2030 = LocalDate.of(2030, 5, 1);
    private static boolean loaded;

    @Autowired
    Terminology terminology;

    @Autowired
    CodingEdits edits;

    @TempDir
    static Path dir;

    @BeforeEach
    void loadFy2030() {
        if (loaded) {
            return;
        }
        write(dir.resolve("fy2030"), "icd10cm_order_2030.txt",
                orderLine(1, "B90", false, "Sequelae of tuberculosis"),
                orderLine(2, "B900", true, "Sequelae of central nervous system tuberculosis"),
                orderLine(3, "E10", false, "Type 1 diabetes mellitus"),
                orderLine(4, "E109", true, "Type 1 diabetes mellitus without complications"),
                orderLine(5, "E11", false, "Type 2 diabetes mellitus"),
                orderLine(6, "E119", true, "Type 2 diabetes mellitus without complications"),
                orderLine(7, "G01", true, "Meningitis in bacterial diseases classified elsewhere"),
                orderLine(8, "N40", false, "Benign prostatic hyperplasia"),
                orderLine(9, "N400", true, "Benign prostatic hyperplasia without lower urinary tract symptoms"),
                orderLine(10, "O80", true, "Encounter for full-term uncomplicated delivery"),
                orderLine(11, "P0730", true, "Preterm newborn, unspecified weeks of gestation"),
                orderLine(12, "S72", false, "Fracture of femur"),
                orderLine(13, "S720", false, "Fracture of head and neck of femur"),
                orderLine(14, "S7200", false, "Fracture of unspecified part of neck of femur"),
                orderLine(15, "S72001", false, "Fracture of unspecified part of neck of right femur"),
                orderLine(16, "S72001A", true, "Fracture of unsp part of neck of right femur, init"),
                orderLine(17, "S72001D", true, "Fracture of unsp part of neck of right femur, subs"),
                orderLine(18, "Z370", true, "Single live birth"),
                orderLine(19, "Z5189", true, "Encounter for other specified aftercare"));
        writeBytes(dir.resolve("fy2030"), "icd10cm_tabular_2030.xml", EditFiles.tabular(2030).getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("fy2030"), "Definitions_of_Medicare_Code_Edits_v47_1.txt", mce("v47.1 April 2030"));
        write(dir.resolve("fy2030"), "MCE_Simple_Code_Edits_v46.txt",
                MceTableParser.HEADER,
                "46\t10\t5\tA\tFemale_Only\tD\tO80\tEncounter for full-term uncomplicated delivery",
                "46\t10\t5\tC\tMale_Only\tD\tN400\tBenign prostatic hyperplasia without LUTS");
        write(dir.resolve("fy2030"), "POAexemptCodesFY30.txt", "Order30\tPOAexemptCode\tDescription",
                "00001\tB90\tSequelae of tuberculosis", "00018\tZ37.0\tSingle live birth");
        List<LoadOutcome> outcomes = terminology.load(dir.resolve("fy2030"));
        assertThat(outcomes).hasSize(5);
        loaded = true;
    }

    @Test
    void eachCodeIsCheckedForUnknownHeaderAndSeventhCharacter() {
        List<CodingEdit> found = edits.check(outpatient(MAY_2030, "S72.001", " s72001z ", "E11", "X99.9", "S72.001A"));
        assertThat(found).satisfiesExactlyInAnyOrder(
                e -> assertThat(e).isInstanceOfSatisfying(CodingEdit.SeventhCharacterMissing.class, m -> {
                    assertThat(m.code()).isEqualTo("S72.001");
                    assertThat(m.message()).isEqualTo("S72.001 needs a 7th character, as defined at S72 in the tabular"
                            + " FY2030: A initial encounter for closed fracture, D subsequent encounter for closed fracture"
                            + " with routine healing, S sequela; e.g. S72.001A");
                }),
                e -> assertThat(e).isInstanceOfSatisfying(CodingEdit.SeventhCharacterInvalid.class, m ->
                        assertThat(m.message()).startsWith("S72.001Z: 'Z' is not a 7th character for S72 (tabular FY2030);"
                                + " allowed: A initial encounter")),
                e -> assertThat(e).isInstanceOfSatisfying(CodingEdit.HeaderCode.class, h ->
                        assertThat(h.examples()).containsExactly("E11.9")),
                e -> assertThat(e).isInstanceOfSatisfying(CodingEdit.UnknownCode.class, u ->
                        assertThat(u.message()).isEqualTo("X99.9 is not a code in any loaded ICD-10-CM release")));
        assertThat(found).allSatisfy(e -> assertThat(e.severity()).isEqualTo(Severity.ERROR));
        assertThat(found).extracting(CodingEdit::edit).contains("seventh_character_missing", "header_code");
    }

    @Test
    void anExcludes1PairIsFoundWhicheverCodeCarriesTheNote() {
        List<CodingEdit> found = edits.check(outpatient(MAY_2030, "e119", "E10.9"));
        assertThat(found).singleElement().isInstanceOfSatisfying(CodingEdit.Excludes1Pair.class, pair -> {
            assertThat(pair.codes()).containsExactly("E10.9", "E11.9");
            assertThat(pair.message()).isEqualTo("E10.9 and E11.9 cannot be coded together: Excludes1 at E10"
                    + " (tabular FY2030): 'type 2 diabetes mellitus (E11.-)'; they may be coded together when the"
                    + " conditions are unrelated (guideline I.A.12.a): override with the reason");
            assertThat(pair.exception()).isEmpty();
            assertThat(pair.severity()).isEqualTo(Severity.ERROR);
        });
        assertThat(edits.check(outpatient(MAY_2030, "E11.9", "E11.9"))).isEmpty();
    }

    @Test
    void manifestationAndUnacceptablePrincipalDiagnosesAreFlagged() {
        assertThat(edits.check(outpatient(MAY_2030, "G01", "E11.9"))).singleElement()
                .isInstanceOfSatisfying(CodingEdit.ManifestationAsPrincipal.class, m -> assertThat(m.message()).isEqualTo(
                        "G01 (Meningitis in bacterial diseases classd elswhr) is a manifestation code and cannot be the"
                                + " principal diagnosis: code the underlying condition first (MCE v47.1 edit 6)"));
        assertThat(edits.check(outpatient(MAY_2030, "Z51.89"))).singleElement()
                .isInstanceOfSatisfying(CodingEdit.UnacceptablePrincipal.class, m -> assertThat(m.message())
                        .contains("not acceptable as principal diagnosis without a secondary diagnosis"));
        assertThat(edits.check(outpatient(MAY_2030, "Z51.89", "E11.9"))).isEmpty();
        assertThat(edits.check(outpatient(MAY_2030, "Z37.0"))).singleElement()
                .isInstanceOf(CodingEdit.UnacceptablePrincipal.class);
    }

    @Test
    void ageConflictsFollowTheMceAgeGroups() {
        EncounterCodes delivery = new EncounterCodes(MAY_2030, Optional.of(70), Sex.FEMALE, Setting.OUTPATIENT,
                Optional.of(Diagnosis.of("O80")), List.of(Diagnosis.of("P07.30")), List.of());
        assertThat(edits.check(delivery)).extracting(CodingEdit::message).containsExactlyInAnyOrder(
                "O80 (Encounter for full-term uncomplicated delivery) is a maternity (age 9 through 64) diagnosis but the"
                        + " patient is 70 (MCE v47.1 edit 4)",
                "P07.30 (Preterm newborn, unsp weeks) is a newborn (age 0) diagnosis but the patient is 70 (MCE v47.1 edit 4)");
        EncounterCodes newborn = new EncounterCodes(MAY_2030, Optional.of(0), Sex.UNKNOWN, Setting.OUTPATIENT,
                Optional.of(Diagnosis.of("P07.30")), List.of(), List.of());
        assertThat(edits.check(newborn)).isEmpty();
    }

    @Test
    void sexConflictsComeFromTheLatestMceThatHasThemAndAreWarningsAfterCmsRetiredTheEdit() {
        EncounterCodes man = new EncounterCodes(MAY_2030, Optional.of(30), Sex.MALE, Setting.OUTPATIENT,
                Optional.of(Diagnosis.of("O80")), List.of(), List.of());
        assertThat(edits.check(man)).singleElement().isInstanceOfSatisfying(CodingEdit.SexConflict.class, s -> {
            assertThat(s.severity()).isEqualTo(Severity.WARNING);
            assertThat(s.message()).isEqualTo("O80 (Encounter for full-term uncomplicated delivery) is a female-only"
                    + " diagnosis but the patient is male (MCE v46 edit 5; CMS deactivated this edit on 2024-10-01, so check"
                    + " the documentation)");
        });
        EncounterCodes woman = new EncounterCodes(MAY_2030, Optional.of(60), Sex.FEMALE, Setting.OUTPATIENT,
                Optional.of(Diagnosis.of("N40.0")), List.of(), List.of());
        assertThat(edits.check(woman)).singleElement().isInstanceOf(CodingEdit.SexConflict.class);
    }

    @Test
    void inpatientDiagnosesNeedPoaUnlessExempt() {
        EncounterCodes stay = new EncounterCodes(MAY_2030, Optional.of(30), Sex.FEMALE, Setting.INPATIENT,
                Optional.of(Diagnosis.of("O80", Poa.Y)), List.of(Diagnosis.of("E11.9"), Diagnosis.of("Z37.0", Poa.Y),
                Diagnosis.of("B90.0"), Diagnosis.of("E10.9", Poa.EXEMPT)), List.of());
        assertThat(edits.check(stay)).extracting(CodingEdit::edit, CodingEdit::codes).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("poa_required", List.of("E11.9")),
                org.assertj.core.groups.Tuple.tuple("poa_required", List.of("E10.9")),
                org.assertj.core.groups.Tuple.tuple("excludes1_pair", List.of("E10.9", "E11.9")),
                org.assertj.core.groups.Tuple.tuple("poa_exempt", List.of("Z37.0")));
        assertThat(edits.check(stay).getLast().severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void procedureCodesAreValidatedAgainstTheirOwnSystems() {
        EncounterCodes visit = new EncounterCodes(MAY_2030, Optional.empty(), Sex.UNKNOWN, Setting.OUTPATIENT,
                Optional.of(Diagnosis.of("E11.9")), List.of(), List.of(new Procedure("E11.9")));
        assertThat(edits.check(visit)).singleElement().isInstanceOfSatisfying(CodingEdit.UnknownCode.class,
                u -> assertThat(u.message()).isEqualTo("E11.9 is an ICD-10-CM diagnosis code, not a procedure code"));
    }

    @Test
    void editsWithoutARuleFileForTheDateSaySoInsteadOfPassingSilently() {
        List<CodingEdit> found = edits.check(outpatient(LocalDate.of(2015, 11, 1), "E11.9"));
        assertThat(found).filteredOn(e -> e instanceof CodingEdit.EditsNotRun).extracting(CodingEdit::message)
                .contains("no ICD-10-CM tabular list loaded for 2015-11-01: 7th-character and Excludes1 edits did not run",
                        "no Medicare Code Editor definitions loaded for 2015-11-01: manifestation, unacceptable principal"
                                + " diagnosis and age edits did not run");
        assertThat(found.getLast().severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void aFailedOrConflictingLoadLeavesTheLoadedEditFilesAsTheyWere() {
        List<EditFile> before = terminology.editFiles();
        assertThat(terminology.load(dir.resolve("fy2030/icd10cm_tabular_2030.xml")).getFirst())
                .isInstanceOf(LoadOutcome.EditsAlreadyLoaded.class);
        Path changed = write(dir.resolve("other"), "Definitions_of_Medicare_Code_Edits_v47_1.txt",
                Arrays.stream(mce("v47.1 April 2030")).map(l -> l.replace("O80\t", "O82\t")).toArray(String[]::new));
        assertThatThrownBy(() -> terminology.load(changed))
                .isInstanceOfSatisfying(ReleaseFileException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICTING_RELEASE))
                .hasMessageContaining("Medicare Code Editor definitions v47.1 (2030-04-01 to 2030-09-30) is already loaded");
        String xml = EditFiles.tabular(2030);
        Path cut = writeBytes(dir.resolve("other"), "icd10cm_tabular_2030.xml", Arrays.copyOf(xml.getBytes(StandardCharsets.UTF_8),
                xml.length() - 40));
        assertThatThrownBy(() -> terminology.load(cut)).hasMessageContaining("looks truncated");
        assertThat(terminology.editFiles()).isEqualTo(before);
        assertThat(edits.check(outpatient(MAY_2030, "E11.9", "E10.9"))).singleElement().isInstanceOf(CodingEdit.Excludes1Pair.class);
    }

    private static EncounterCodes outpatient(LocalDate date, String principal, String... secondary) {
        return new EncounterCodes(date, Optional.empty(), Sex.UNKNOWN, Setting.OUTPATIENT, Optional.of(Diagnosis.of(principal)),
                Arrays.stream(secondary).map(Diagnosis::of).toList(), List.of());
    }

    private static String[] mce(String version) {
        return String.join("\n", "", MceDefinitionsParser.TITLE, "ICD-10 Version", version, "",
                "Chapter 1: Edit code lists\t7", "4. Age conflict\t8", "",
                "Chapter 1: Edit code lists", "1. Invalid diagnosis or procedure code", "4. Age conflict",
                "6. Manifestation code as principal diagnosis", "9. Unacceptable principal diagnosis", "",
                "4. Age conflict", "The Medicare Code Editor detects inconsistencies between a patient's age and any diagnosis.",
                "A. Perinatal/Newborn diagnoses", "P0730\tPreterm newborn, unsp weeks", "",
                "C. Maternity diagnoses (age 9 through 64)", "O80\tEncounter for full-term uncomplicated delivery", "",
                "6. Manifestation code as principal diagnosis", "Manifestation codes not allowed as principal diagnosis",
                "G01\tMeningitis in bacterial diseases classd elswhr", "",
                "9. Unacceptable principal diagnosis", "*Z5189\tEncounter for other specified aftercare",
                "Z370\tSingle live birth", "", "Chapter 2: Code list changes", "Index").split("\n");
    }
}
