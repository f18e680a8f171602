package org.custodian.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.custodian.mpi.Corruption;
import org.custodian.mpi.DuplicateGenerator;
import org.custodian.mpi.GeneratedFiles;
import org.custodian.mpi.Origin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "corrupt", mixinStandardHelpOptions = true,
        description = "Generate a seeded patients CSV with known duplicates carrying realistic errors (typos, "
                + "transpositions, nicknames, married names, swapped day/month, missing fields, moves) and twins as "
                + "hard non-matches, with its ground truth (id, person, origin, of, errors) alongside.")
final class MpiCorruptCommand implements Callable<Integer> {
    @Option(names = "--records", defaultValue = "10000", description = "Records to generate (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--duplicates", defaultValue = "0.10",
            description = "Share of people registered again (default: ${DEFAULT-VALUE}).")
    double duplicates;

    @Option(names = "--twins", defaultValue = "0.01", description = "Share of people with a twin (default: ${DEFAULT-VALUE}).")
    double twins;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Patients CSV to write (mpi link's input).")
    Path out;

    @Option(names = "--truth", required = true, paramLabel = "FILE", description = "Ground-truth CSV to write.")
    Path truth;

    @Mixin
    MpiSyntheaOptions synthea;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (records < 1 || duplicates < 0 || duplicates > 1 || twins < 0 || twins > 1) {
            throw new ParameterException(spec.commandLine(),
                    "--records must be at least 1, --duplicates and --twins between 0 and 1");
        }
        DuplicateGenerator generator = synthea.people(seed, spec)
                .map(people -> new DuplicateGenerator(people, seed, duplicates, twins))
                .orElseGet(() -> new DuplicateGenerator(seed, duplicates, twins));
        List<DuplicateGenerator.Row> rows = generator.generate(records);
        GeneratedFiles.write(rows, out, truth);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%,d records written to %s, ground truth to %s%n", rows.size(), out, truth);
        o.printf(Locale.ROOT, "people: %s%n", generator.base());
        long duplicateRows = rows.stream().filter(r -> r.origin() instanceof Origin.Duplicate).count();
        long twinRows = rows.stream().filter(r -> r.origin() instanceof Origin.Twin).count();
        o.printf(Locale.ROOT, "%,d duplicates, %,d twins; errors: %s%n", duplicateRows, twinRows, errorCounts(rows));
        return 0;
    }

    private static String errorCounts(List<DuplicateGenerator.Row> rows) {
        Map<Corruption, Integer> counts = new EnumMap<>(Corruption.class);
        for (DuplicateGenerator.Row row : rows) {
            if (row.origin() instanceof Origin.Duplicate duplicate) {
                duplicate.errors().forEach(e -> counts.merge(e, 1, Integer::sum));
            }
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((kind, n) -> text.append(text.isEmpty() ? "" : ", ").append(kind.code()).append(' ').append(n));
        return text.toString();
    }
}
