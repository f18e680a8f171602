package org.custodian.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.custodian.terminology.ReleaseFiles.orderLine;
import static org.custodian.terminology.ReleaseFiles.write;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.custodian.IntegrationTest;
import org.custodian.terminology.ReleaseFileException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Loading hand-made release files into PostgreSQL: one transaction per file, duplicates and conflicts refused. */
@IntegrationTest
class TerminologyLoadTest {
    @Autowired
    Terminology terminology;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void aNewReleaseReportsAddedDeletedAndRevisedCodesAgainstThePreviousOne() {
        Path first = write(dir.resolve("a"), "icd10pcs_order_2031.txt",
                orderLine(1, "001", false, "Central Nervous System and Cranial Nerves, Bypass"),
                orderLine(2, "0016070", true, "Bypass Cerebral Ventricle to Nasopharynx, Open Approach"),
                orderLine(3, "0016071", true, "Bypass Cerebral Ventricle to Mastoid Sinus, Open Approach"));
        Path second = write(dir.resolve("b"), "icd10pcs_order_2032.txt",
                orderLine(1, "001", false, "Central Nervous System and Cranial Nerves, Bypass"),
                orderLine(2, "0016070", true, "Bypass Cerebral Ventricle to Nasopharynx with Autologous Tissue, Open Approach"),
                orderLine(3, "0016072", true, "Bypass Cerebral Ventricle to Atrium, Open Approach"));
        LoadOutcome one = terminology.load(first).getFirst();
        assertThat(one).isInstanceOfSatisfying(LoadOutcome.Loaded.class, l -> assertThat(l.changes()).isEmpty());
        assertThat(((LoadOutcome.Loaded) one).release().codeCount()).isEqualTo(3);
        assertThat(((LoadOutcome.Loaded) one).release().billableCount()).isEqualTo(2);

        LoadOutcome two = terminology.load(second).getFirst();
        assertThat(two).isInstanceOfSatisfying(LoadOutcome.Loaded.class, l -> {
            ReleaseChanges changes = l.changes().orElseThrow();
            assertThat(changes.previous().version()).isEqualTo("FY2031");
            assertThat(changes.addedExamples()).containsExactly("0016072");
            assertThat(changes.deletedExamples()).containsExactly("0016071");
            assertThat(changes.revisedExamples()).containsExactly("0016070");
        });
    }

    @Test
    void loadingTheSameFileTwiceIsANoOpAndADifferentFileForALoadedReleaseIsRefused() {
        Path file = write(dir.resolve("a"), "icd10pcs_order_2040.txt", orderLine(1, "001", false, "Bypass"));
        assertThat(terminology.load(file).getFirst()).isInstanceOf(LoadOutcome.Loaded.class);
        LoadOutcome again = terminology.load(file).getFirst();
        assertThat(again).isInstanceOf(LoadOutcome.AlreadyLoaded.class);
        assertThat(again.version()).isEqualTo("FY2040");

        Path other = write(dir.resolve("b"), "icd10pcs_order_2040.txt", orderLine(1, "002", false, "Change"));
        assertThatThrownBy(() -> terminology.load(other))
                .isInstanceOfSatisfying(ReleaseFileException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICTING_RELEASE))
                .hasMessageContaining("ICD-10-PCS FY2040 (2039-10-01 to 2040-09-30) is already loaded from icd10pcs_order_2040.txt");
        assertThat(codes("FY2040")).containsExactly("001");
    }

    @Test
    void aBadFileLeavesTheLoadedReleasesAsTheyWere() {
        int before = terminology.releases().size();
        Path bad = write(dir, "icd10pcs_order_2050.txt", orderLine(1, "001", false, "Bypass"),
                orderLine(2, "00I6070", true, "Bypass with a letter I, which ICD-10-PCS never uses"));
        assertThatThrownBy(() -> terminology.load(bad))
                .hasMessage("icd10pcs_order_2050.txt line 2: code '00I6070' is not a valid ICD-10-PCS code");
        assertThat(terminology.releases()).hasSize(before);
        assertThat(jdbc.sql("SELECT count(*) FROM terminology_release WHERE version = 'FY2050'").query(Integer.class).single()).isZero();
    }

    @Test
    void aFolderLoadsItsReleaseFilesAndSkipsOthers() {
        write(dir.resolve("fy2060"), "icd10pcs_order_2060.txt", orderLine(1, "001", false, "Bypass"));
        write(dir.resolve("fy2060"), "README.txt", "Release notes, not a release file");
        write(dir.resolve("fy2061"), "icd10pcs_order_2061.txt", orderLine(1, "001", false, "Bypass"),
                orderLine(2, "0016070", true, "Bypass Cerebral Ventricle"));
        List<LoadOutcome> outcomes = terminology.load(dir);
        assertThat(outcomes).extracting(LoadOutcome::version).containsExactly("FY2060", "FY2061");
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(LoadOutcome.Loaded.class,
                l -> assertThat(l.changes().orElseThrow().added()).isEqualTo(1));
    }

    @Test
    void anAprilUpdateTakesOverFromApril1() {
        write(dir.resolve("fy2070"), "icd10pcs_order_2070.txt", orderLine(1, "001", false, "Bypass"),
                orderLine(2, "0016070", true, "Bypass Cerebral Ventricle to Nasopharynx"));
        write(dir.resolve("fy2070-apr"), "icd10pcs_order_2070.txt", orderLine(1, "001", false, "Bypass"),
                orderLine(2, "0016070", true, "Bypass Cerebral Ventricle to Nasopharynx"),
                orderLine(3, "0016071", true, "Bypass Cerebral Ventricle to Mastoid Sinus"));
        assertThat(terminology.load(dir)).extracting(LoadOutcome::version).containsExactly("FY2070", "FY2070-APR");
        CodeValidation march = terminology.validate("0016071", LocalDate.of(2070, 3, 31));
        assertThat(march).isInstanceOf(CodeValidation.NotValidOnDate.class);
        assertThat(march.message()).contains("ICD-10-PCS FY2070 (2069-10-01 to 2070-09-30), the release in force on 2070-03-31")
                .contains("FY2070-APR (2070-04-01 to 2070-09-30)");
        assertThat(terminology.validate("0016071", LocalDate.of(2070, 4, 1))).isInstanceOf(CodeValidation.Valid.class);
        assertThat(terminology.validate("0016070", LocalDate.of(2069, 10, 1))).isInstanceOf(CodeValidation.Valid.class);
    }

    private List<String> codes(String version) {
        return jdbc.sql("SELECT c.code FROM terminology_code c JOIN terminology_release r ON r.id = c.release_id"
                + " WHERE r.version = ? ORDER BY c.seq").param(version).query(String.class).list();
    }
}
