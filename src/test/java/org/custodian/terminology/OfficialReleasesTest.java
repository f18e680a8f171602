package org.custodian.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.custodian.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The official CDC/CMS files from ../shared/terminology loaded once into this class's database:
 * release changes, validation on either side of the FY2025/FY2026 boundary, and search.
 */
@IntegrationTest
class OfficialReleasesTest {
    private static final LocalDate LAST_DAY_FY2025 = LocalDate.of(2025, 9, 30);
    private static final LocalDate FIRST_DAY_FY2026 = LocalDate.of(2025, 10, 1);
    /** Searches name the date: other test classes load made-up later releases into the shared database. */
    private static final Optional<LocalDate> FY2026 = Optional.of(FIRST_DAY_FY2026);
    private static List<LoadOutcome> outcomes;

    @Autowired
    Terminology terminology;

    @BeforeEach
    void loadOnce() {
        ReleaseFiles.official(ReleaseFiles.CM_2025);
        ReleaseFiles.official(ReleaseFiles.CM_2026);
        ReleaseFiles.official(ReleaseFiles.PCS_2026);
        ReleaseFiles.official(ReleaseFiles.HCPCS_2025_10);
        if (outcomes == null) {
            outcomes = List.of(ReleaseFiles.CM_2025, ReleaseFiles.CM_2026, ReleaseFiles.PCS_2026, ReleaseFiles.HCPCS_2025_10)
                    .stream().map(f -> terminology.load(f).getFirst()).toList();
            outcomes.forEach(o -> System.out.printf("loaded %s: %d codes in %d ms%n", o.sourceFile(),
                    ((LoadOutcome.Loaded) o).release().codeCount(), ((LoadOutcome.Loaded) o).millis()));
        }
    }

    @Test
    void fy2026ReportsTheAdditionsDeletionsAndRevisionsOfItsAddenda() {
        LoadOutcome.Loaded fy2026 = (LoadOutcome.Loaded) outcomes.get(1);
        ReleaseChanges changes = fy2026.changes().orElseThrow();
        assertThat(changes.previous().version()).isEqualTo("FY2025");
        // icd10cm_order_addenda_2026.txt: 614 codes only added, 12 only deleted; 61 revised titles or flags
        assertThat(changes.added()).isEqualTo(614);
        assertThat(changes.deleted()).isEqualTo(12);
        assertThat(changes.revised()).isEqualTo(61);
        assertThat(changes.addedExamples()).startsWith("B88.01", "B88.09");
        assertThat(changes.deletedExamples()).startsWith("S30.1XXA");
        assertThat(fy2026.release().billableCount()).isEqualTo(74_719);
    }

    @Test
    void loadingAnOfficialFileAgainChangesNothing() {
        assertThat(terminology.load(ReleaseFiles.CM_2026).getFirst()).isInstanceOf(LoadOutcome.AlreadyLoaded.class);
    }

    @Test
    void aCodeAddedInFy2026IsNotValidTheDayBefore() {
        CodeValidation before = terminology.validate("B88.01", LAST_DAY_FY2025);
        assertThat(before).isInstanceOfSatisfying(CodeValidation.NotValidOnDate.class, v -> {
            assertThat(v.inForce().orElseThrow().version()).isEqualTo("FY2025");
            assertThat(v.validIn()).extracting(Release::version).containsExactly("FY2026");
        });
        assertThat(before.message()).isEqualTo("B88.01 is not in ICD-10-CM FY2025 (2024-10-01 to 2025-09-30), the release"
                + " in force on 2025-09-30; it is valid in FY2026 (2025-10-01 to 2026-09-30)");
        assertThat(terminology.validate("B88.01", FIRST_DAY_FY2026)).isInstanceOf(CodeValidation.Valid.class);
    }

    @Test
    void aCodeThatBecameACategoryIsBillableUntilSeptember30AndAHeaderAfter() {
        assertThat(terminology.validate("B880", LAST_DAY_FY2025)).isInstanceOf(CodeValidation.Valid.class);
        CodeValidation after = terminology.validate("b88.0", FIRST_DAY_FY2026);
        assertThat(after).isInstanceOf(CodeValidation.Header.class);
        assertThat(after.message()).isEqualTo("B88.0 is a category (header) in ICD-10-CM FY2026 (2025-10-01 to 2026-09-30),"
                + " not billable: add characters, e.g. B88.01, B88.09");
    }

    @Test
    void aDeletedCodeNamesTheReleaseWhereItWasValid() {
        CodeValidation deleted = terminology.validate("T78.07XA", FIRST_DAY_FY2026);
        assertThat(deleted).isInstanceOf(CodeValidation.NotValidOnDate.class);
        assertThat(deleted.message()).endsWith("it is valid in FY2025 (2024-10-01 to 2025-09-30)");
    }

    @Test
    void codesAreNormalisedAndUnknownOrMalformedOnesSaySo() {
        CodeValidation valid = terminology.validate(" e11 .9 ", FIRST_DAY_FY2026);
        assertThat(valid).isInstanceOfSatisfying(CodeValidation.Valid.class,
                v -> assertThat(v.code().display()).isEqualTo("E11.9"));
        assertThat(terminology.validate("E11.99", FIRST_DAY_FY2026)).isInstanceOf(CodeValidation.Unknown.class)
                .extracting(CodeValidation::message).isEqualTo("E11.99 is not a code in any loaded ICD-10-CM release");
        assertThat(terminology.validate("E11-9", FIRST_DAY_FY2026)).isInstanceOf(CodeValidation.Malformed.class);
        assertThat(terminology.validate("XYZ", LAST_DAY_FY2025).message()).startsWith("XYZ is not a code in any loaded"
                + " ICD-10-CM release; no ICD-10-PCS release in force on 2025-09-30 (loaded: ")
                .contains("FY2026 2025-10-01 to 2026-09-30");
        assertThat(terminology.validate("E11.9", LocalDate.of(2099, 1, 1))).isInstanceOf(CodeValidation.NoReleaseOnDate.class)
                .extracting(CodeValidation::message).asString().startsWith("no ICD-10-CM release in force on 2099-01-01");
    }

    @Test
    void proceduresAndHcpcsCodesValidateWithTheirOwnDates() {
        LocalDate day = LocalDate.of(2025, 11, 1);
        assertThat(terminology.validate("0016070", day)).isInstanceOfSatisfying(CodeValidation.Valid.class,
                v -> assertThat(v.code().system()).isEqualTo(CodeSystem.ICD10PCS));
        assertThat(terminology.validate("a0021", day)).isInstanceOfSatisfying(CodeValidation.Valid.class,
                v -> assertThat(v.code().system()).isEqualTo(CodeSystem.HCPCS));
        CodeValidation terminated = terminology.validate("CP", Optional.of(day), Optional.of(CodeSystem.HCPCS));
        assertThat(terminated).isInstanceOf(CodeValidation.NotValidOnDate.class);
        assertThat(terminated.message()).contains("until 2017-12-31");
    }

    @Test
    void anExactCodeComesFirstThenCodesUnderIt() {
        List<SearchHit> hits = terminology.search(new SearchQuery("e11", FY2026, Optional.of(CodeSystem.ICD10CM), 5));
        assertThat(hits.getFirst().code().code()).isEqualTo("E11");
        assertThat(hits.getFirst().match()).isEqualTo(MatchKind.EXACT_CODE);
        assertThat(hits.subList(1, 5)).allSatisfy(h -> {
            assertThat(h.code().code()).startsWith("E11");
            assertThat(h.match()).isEqualTo(MatchKind.CODE_PREFIX);
        });
        assertThat(terminology.search(inFy2026("E11. 9")).getFirst().code().code()).isEqualTo("E119");
        // a dot is ICD-10-CM notation, so HCPCS E1160 (a wheelchair) is no code match for "E11.6"
        assertThat(terminology.search(inFy2026("E11.6"))).extracting(h -> h.code().system())
                .containsOnly(CodeSystem.ICD10CM);
    }

    @Test
    void wordsInAnyOrderFindBillableCodesWithShortDescriptionsFirst() {
        List<SearchHit> hits = terminology.search(new SearchQuery("mellitus diabetes 2 type", FY2026,
                Optional.empty(), 10));
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.match()).isEqualTo(MatchKind.ALL_WORDS));
        assertThat(hits).extracting(h -> h.code().display()).contains("E11.9", "E11.621");
        assertThat(hits).allSatisfy(h -> assertThat(h.code().billable()).isTrue());
        assertThat(hits).extracting(h -> h.code().longDescription().length()).isSorted();
    }

    @Test
    void aTypoOfOneLetterStillFindsTheCode() {
        List<SearchHit> hits = terminology.search(new SearchQuery("pnuemonia unspecifed organism", FY2026,
                Optional.of(CodeSystem.ICD10CM), 5));
        assertThat(hits).extracting(h -> h.code().display()).contains("J18.9");
        assertThat(hits.getFirst().match()).isEqualTo(MatchKind.FUZZY_WORDS);
        assertThat(terminology.search(inFy2026("pneumonia")).getFirst().match()).isEqualTo(MatchKind.ALL_WORDS);
    }

    @Test
    void searchOnADateUsesTheReleaseInForceThen() {
        SearchQuery before = new SearchQuery("demodex", Optional.of(LAST_DAY_FY2025), Optional.of(CodeSystem.ICD10CM), 5);
        SearchQuery after = new SearchQuery("demodex", Optional.of(FIRST_DAY_FY2026), Optional.of(CodeSystem.ICD10CM), 5);
        assertThat(terminology.search(before)).isEmpty();
        assertThat(terminology.search(after)).extracting(h -> h.code().display()).containsExactly("B88.01");
        assertThat(terminology.search(after).getFirst().release().version()).isEqualTo("FY2026");
    }

    private static SearchQuery inFy2026(String text) {
        return new SearchQuery(text, FY2026, Optional.empty(), 20);
    }
}
