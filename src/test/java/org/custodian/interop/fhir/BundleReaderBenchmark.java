package org.custodian.interop.fhir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reading Synthea patient bundles as the importer does, every entry built as a tree against only the
 * types the record holds (the others skipped unbuilt); alternating, in one run. No database.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.custodian.interop.fhir.BundleReaderBenchmark DIR [ROUNDS]</pre>
 */
public final class BundleReaderBenchmark {
    private static final Set<String> WANTED =
            Set.of("Patient", "Encounter", "Condition", "Procedure", "Observation", "DocumentReference", "Claim");

    public static void main(String[] args) throws IOException {
        List<Path> bundles;
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            bundles = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        for (int round = 0; round < rounds; round++) {
            for (boolean skipping : new boolean[] {false, true, true, false}) {
                long started = System.nanoTime();
                long[] visited = new long[1];
                long entries = 0;
                for (Path bundle : bundles) {
                    entries += skipping ? BundleReader.read(bundle, WANTED::contains, (i, e) -> ++visited[0] > 0, t -> { })
                            : BundleReader.read(bundle, (i, e) -> ++visited[0] > 0);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("%-13s %,d entries read, %,d built as trees, in %.2f s = %,.0f entries/s%n",
                        skipping ? "skipping" : "whole entries", entries, visited[0], seconds, entries / seconds);
            }
        }
    }
}
