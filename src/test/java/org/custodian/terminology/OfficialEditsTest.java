package org.custodian.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.custodian.IntegrationTest;
import org.custodian.terminology.EncounterCodes.Diagnosis;
import org.custodian.terminology.EncounterCodes.Poa;
import org.custodian.terminology.EncounterCodes.Setting;
import org.custodian.terminology.EncounterCodes.Sex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The official edit files from ../shared/terminology with the FY2026 ICD-10-CM release: load times,
 * the edits on a realistic inpatient stay, and the latency of one encounter check.
 */
@IntegrationTest
class OfficialEditsTest {
    private static final LocalDate MAY_2026 = LocalDate.of(2026, 5, 1);
    private static boolean loaded;

    @Autowired
    Terminology terminology;

    @Autowired
    CodingEdits edits;

    @BeforeEach
    void loadOnce() {
        List<Path> files = List.of(ReleaseFiles.CM_2026, EditFiles.TABULAR_2021, EditFiles.MCE_43_1, EditFiles.MCE_37_TABLE,
                EditFiles.POA_EXEMPT_2026, EditFiles.CM_ADDENDA_2026);
        files.forEach(ReleaseFiles::official);
        if (loaded) {
            return;
        }
        for (Path file : files) {
            LoadOutcome outcome = terminology.load(file).getFirst();
            long millis = switch (outcome) {
                case LoadOutcome.Loaded l -> l.millis();
                case LoadOutcome.EditsLoaded l -> l.millis();
                default -> -1;
            };
            System.out.printf("loaded %s: %s in %d ms%n", outcome.sourceFile(), outcome.label(), millis);
        }
        loaded = true;
    }

    @Test
    void aRealisticInpatientStayGetsEachKindOfFinding() {
        EncounterCodes stay = new EncounterCodes(MAY_2026, Optional.of(70), Sex.MALE, Setting.INPATIENT,
                Optional.of(Diagnosis.of("F02.80", Poa.Y)),
                List.of(Diagnosis.of("E11.9", Poa.Y), Diagnosis.of("E10.9", Poa.Y), Diagnosis.of("S72.001"),
                        Diagnosis.of("O80", Poa.N), Diagnosis.of("Z37.0", Poa.Y)),
                List.of());
        List<CodingEdit> found = edits.check(stay);
        assertThat(found).extracting(CodingEdit::edit).contains("manifestation_as_principal", "excludes1_pair",
                "seventh_character_missing", "age_conflict", "sex_conflict", "poa_exempt");
        assertThat(found).filteredOn(e -> e instanceof CodingEdit.SeventhCharacterMissing).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("as defined at S72 in the tabular FY2021")
                        .endsWith("e.g. S72.001A"));
        assertThat(found).filteredOn(e -> e instanceof CodingEdit.Excludes1Pair).extracting(CodingEdit::codes)
                .contains(List.of("E11.9", "E10.9"));
        assertThat(found).filteredOn(e -> e instanceof CodingEdit.ManifestationAsPrincipal).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("(MCE v43.1 edit 6)"));
    }

    @Test
    void anExcludes1NoteWithItsOwnExceptionIsAWarningThatNamesIt() {
        // FY2021 tabular, I01 Rheumatic fever with heart involvement: Excludes1 "chronic diseases of rheumatic
        // origin (I05-I09) unless rheumatic fever is also present or there is evidence of reactivation ..."
        EncounterCodes stay = new EncounterCodes(MAY_2026, Optional.of(40), Sex.FEMALE, Setting.INPATIENT,
                Optional.of(Diagnosis.of("I01.9", Poa.Y)), List.of(Diagnosis.of("I05.9", Poa.Y)), List.of());
        assertThat(edits.check(stay)).filteredOn(e -> e instanceof CodingEdit.Excludes1Pair).singleElement()
                .isInstanceOfSatisfying(CodingEdit.Excludes1Pair.class, pair -> {
                    assertThat(pair.codes()).containsExactly("I01.9", "I05.9");
                    assertThat(pair.exception()).startsWith("unless rheumatic fever is also present");
                    assertThat(pair.severity()).isEqualTo(CodingEdit.Severity.WARNING);
                    assertThat(pair.message()).contains("the note allows both unless rheumatic fever is also present")
                            .endsWith("(guideline I.A.12.a): override with the reason");
                });
        EncounterCodes diabetes = new EncounterCodes(MAY_2026, Optional.of(40), Sex.FEMALE, Setting.OUTPATIENT,
                Optional.of(Diagnosis.of("E11.9")), List.of(Diagnosis.of("E10.9")), List.of());
        assertThat(edits.check(diabetes)).filteredOn(e -> e instanceof CodingEdit.Excludes1Pair).singleElement()
                .satisfies(pair -> assertThat(pair.severity()).isEqualTo(CodingEdit.Severity.ERROR));
    }

    @Test
    void aCleanStayHasNoFindingsAndOneCheckIsFast() {
        EncounterCodes clean = new EncounterCodes(MAY_2026, Optional.of(67), Sex.FEMALE, Setting.INPATIENT,
                Optional.of(Diagnosis.of("J18.9", Poa.Y)), List.of(Diagnosis.of("E11.9", Poa.Y), Diagnosis.of("I10", Poa.Y),
                Diagnosis.of("Z79.4", Poa.EXEMPT)), List.of());
        assertThat(edits.check(clean)).isEmpty();
        int rounds = 2_000;
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            edits.check(clean);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("CodingEdits.check, 4 diagnoses, %d rounds: p50 %.3f ms, p99 %.3f ms%n", rounds,
                nanos[rounds / 2] / 1e6, nanos[(int) (rounds * 0.99)] / 1e6);
        assertThat(nanos[rounds / 2]).isLessThan(50_000_000L);
    }
}
