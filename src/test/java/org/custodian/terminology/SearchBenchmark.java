package org.custodian.terminology;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Search latency over the FY2026 ICD-10-CM order file (98,186 codes, 74,719 billable), in process,
 * single thread: a typeahead mix of codes, words, partial words and typos, every keystroke a query.
 * Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.custodian.terminology.SearchBenchmark [file]}
 */
public final class SearchBenchmark {
    private static final List<String> PHRASES = List.of("E11.9", "e119", "S72.001A", "J44.1", "I10", "Z00.00",
            "type 2 diabetes", "diabetes mellitus with hyperglycemia", "fracture femur", "pneumonia unspecified organism",
            "acute myocardial infarction", "chest pain", "essential hypertension", "copd exacerbation",
            "pnuemonia", "diabetis type 2", "hypertenson", "fractur of femur", "alzheimers", "sepsis due to e coli",
            "left knee pain", "major depressive disorder recurrent", "urinary tract infection", "asthma mild intermittent");

    private SearchBenchmark() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/terminology/icd10cm/fy2026/icd10cm_order_2026.txt");
        long t0 = System.nanoTime();
        ParsedRelease parsed = (ParsedRelease) ReleaseFileReader.read(file);
        long t1 = System.nanoTime();
        Release release = new Release(1, parsed.system(), parsed.version(), parsed.effectiveFrom(), parsed.effectiveTo(),
                parsed.sourceFile(), parsed.sha256(), parsed.codes().size(), parsed.billableCount());
        SearchIndex index = new SearchIndex(release, parsed.codes());
        long t2 = System.nanoTime();
        System.out.printf("parse %s: %d ms; build index of %,d codes: %d ms%n", file.getFileName(), (t1 - t0) / 1_000_000,
                index.size(), (t2 - t1) / 1_000_000);
        List<String> queries = new ArrayList<>();
        for (String phrase : PHRASES) {
            for (int i = 1; i <= phrase.length(); i++) {
                queries.add(phrase.substring(0, i));
            }
        }
        LocalDate date = LocalDate.of(2026, 1, 15);
        long sink = 0;
        for (int round = 0; round < 30; round++) {
            for (String q : queries) {
                sink += index.search(q, date, 20).size();
            }
        }
        int rounds = 20;
        long[] nanos = new long[queries.size() * rounds];
        int n = 0;
        for (int round = 0; round < rounds; round++) {
            for (String q : queries) {
                long start = System.nanoTime();
                sink += index.search(q, date, 20).size();
                nanos[n++] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("search: %,d queries (%d distinct keystroke queries x %d rounds), limit 20: p50 %.3f ms,"
                        + " p90 %.3f ms, p99 %.3f ms, max %.3f ms (sink %d)%n", n, queries.size(), rounds,
                nanos[n / 2] / 1e6, nanos[(int) (n * 0.90)] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6, sink);
    }
}
