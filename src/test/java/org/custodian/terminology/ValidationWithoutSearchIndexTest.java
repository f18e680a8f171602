package org.custodian.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.terminology.ReleaseFiles.orderLine;
import static org.custodian.terminology.ReleaseFiles.write;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodian.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checking a code looks it up in the release's codes and never builds the search index, which only
 * searching needs (it costs seconds of CPU on a full release); searches that arrive together while the
 * index is being built wait for it and all answer as a built index does.
 */
@IntegrationTest
class ValidationWithoutSearchIndexTest {
    private static final LocalDate SERVICE = LocalDate.of(2087, 1, 15);
    private static final LocalDate LATER_SERVICE = LocalDate.of(2088, 1, 15);

    @Autowired
    Terminology terminology;

    @Autowired
    ReleaseIndexes indexes;

    @TempDir
    Path dir;

    @Test
    void validationFindsCodesAndHeadersWithoutTheSearchIndex() {
        Release release = load(2087);

        assertThat(terminology.validate("0016070", Optional.of(SERVICE), Optional.of(CodeSystem.ICD10PCS)))
                .isInstanceOfSatisfying(CodeValidation.Valid.class,
                        v -> assertThat(v.code().longDescription()).isEqualTo("Bypass Cerebral Ventricle to Nasopharynx, Open Approach"));
        assertThat(terminology.validate("001", Optional.of(SERVICE), Optional.of(CodeSystem.ICD10PCS)))
                .isInstanceOfSatisfying(CodeValidation.Header.class, h -> assertThat(h.examples())
                        .extracting(MedicalCode::code).containsExactly("0016070", "0016071", "0016072"));
        assertThat(terminology.validate("0016079", Optional.of(SERVICE), Optional.of(CodeSystem.ICD10PCS)))
                .isNotInstanceOfAny(CodeValidation.Valid.class, CodeValidation.Header.class);
        assertThat(terminology.codes(release)).extracting(MedicalCode::code)
                .containsExactly("001", "0016070", "0016071", "0016072", "0016073", "002");

        assertThat(indexes.indexed(release)).isFalse();
    }

    @Test
    void searchesArrivingBeforeTheIndexIsBuiltWaitForItAndAllFindTheCode() throws Exception {
        Release release = load(2088);
        assertThat(indexes.indexed(release)).isFalse();
        SearchQuery query = new SearchQuery("mastoid sinus", Optional.of(LATER_SERVICE), Optional.of(CodeSystem.ICD10PCS), 5);

        List<Future<List<SearchHit>>> answers;
        try (ExecutorService searchers = Executors.newFixedThreadPool(4)) {
            Callable<List<SearchHit>> search = () -> terminology.search(query);
            answers = searchers.invokeAll(List.of(search, search, search, search));
        }

        for (Future<List<SearchHit>> answer : answers) {
            assertThat(answer.get()).extracting(hit -> hit.code().code()).containsExactly("0016071");
        }
        assertThat(indexes.indexed(release)).isTrue();
    }

    /** A small ICD-10-PCS release of the test's own fiscal year (each test its own, as the database is shared). */
    private Release load(int fiscalYear) {
        Path file = write(dir, "icd10pcs_order_" + fiscalYear + ".txt",
                orderLine(1, "001", false, "Central Nervous System and Cranial Nerves, Bypass"),
                orderLine(2, "0016070", true, "Bypass Cerebral Ventricle to Nasopharynx, Open Approach"),
                orderLine(3, "0016071", true, "Bypass Cerebral Ventricle to Mastoid Sinus, Open Approach"),
                orderLine(4, "0016072", true, "Bypass Cerebral Ventricle to Atrium, Open Approach"),
                orderLine(5, "0016073", true, "Bypass Cerebral Ventricle to Blood Vessel, Open Approach"),
                orderLine(6, "002", false, "Central Nervous System and Cranial Nerves, Change"));
        terminology.load(file);
        return terminology.releases().stream()
                .filter(r -> r.system() == CodeSystem.ICD10PCS && r.version().equals("FY" + fiscalYear)).findFirst().orElseThrow();
    }
}
