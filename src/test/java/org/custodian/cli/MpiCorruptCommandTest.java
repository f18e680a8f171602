package org.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.custodian.Custodian;
import org.custodian.mpi.Corruption;
import org.custodian.mpi.GeneratedFiles;
import org.custodian.mpi.PatientFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code custodian mpi corrupt} and {@code mpi bench --synthea} as a user runs them, on real Synthea output. */
class MpiCorruptCommandTest {
    @TempDir
    Path dir;

    @Test
    void onSyntheaPeopleEveryErrorKindAppearsInTheTruthAndTheLinkageReachesF1Of099() throws IOException {
        Path synthea = dir.resolve("synthea");
        Path patients = dir.resolve("patients.csv");
        Path truth = dir.resolve("truth.csv");

        Result corrupt = run("mpi", "corrupt", "--synthea", synthea.toString(), "--synthea-patients", "60",
                "--seed", "5", "--records", "3000", "--duplicates", "0.2", "--twins", "0.02",
                "--out", patients.toString(), "--truth", truth.toString());

        assertThat(corrupt.code()).as(corrupt.err()).isZero();
        assertThat(corrupt.out()).contains("records written to " + patients)
                .containsPattern("people: [\\d,]+ Synthea patients read from " + Pattern.quote(synthea.toString())
                        + "; [\\d,]+ of them used as they are, [\\d,]+ more people recombined from their fields");
        List<CSVRecord> rows = read(patients);
        List<CSVRecord> truths = read(truth);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3000).hasSameSizeAs(truths);
        assertThat(Files.readAllLines(patients).getFirst()).isEqualTo(String.join(",", PatientFile.COLUMNS));
        assertThat(Files.readAllLines(truth).getFirst()).isEqualTo(String.join(",", GeneratedFiles.TRUTH_COLUMNS));
        for (int i = 0; i < rows.size(); i++) {
            assertThat(truths.get(i).get("id")).isEqualTo(rows.get(i).get("id"));
        }
        assertThat(truths).extracting(t -> t.get("origin")).contains("original", "duplicate", "twin");
        EnumSet<Corruption> kinds = EnumSet.noneOf(Corruption.class);
        truths.stream().filter(t -> t.get("origin").equals("duplicate") && !t.get("errors").isEmpty())
                .flatMap(t -> Arrays.stream(t.get("errors").split(";")))
                .forEach(code -> kinds.add(Corruption.valueOf(code.toUpperCase().replace('-', '_'))));
        assertThat(kinds).containsExactlyInAnyOrder(Corruption.values());
        assertThat(truths).filteredOn(t -> t.get("origin").equals("twin"))
                .allSatisfy(t -> assertThat(t.get("person")).isNotEqualTo(personOf(truths, t.get("of"))));

        Result bench = run("mpi", "bench", "--synthea", synthea.toString(), "--records", "3000", "--seed", "5");

        assertThat(bench.code()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("Synthea patients read from " + synthea);
        Matcher f1 = Pattern.compile("precision ([\\d.]+), recall ([\\d.]+), F1 ([\\d.]+)").matcher(bench.out());
        assertThat(f1.find()).as(bench.out()).isTrue();
        assertThat(Double.parseDouble(f1.group(3))).as(bench.out()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void withoutSyntheaTheFileComesFromTheNameListsAndMpiLinkReadsIt() throws IOException {
        Path patients = dir.resolve("patients.csv");
        Path truth = dir.resolve("truth.csv");

        Result corrupt = run("mpi", "corrupt", "--records", "400", "--out", patients.toString(), "--truth", truth.toString());
        Result link = run("mpi", "link", "--in", patients.toString(), "--out", dir.resolve("pairs.csv").toString());

        assertThat(corrupt.code()).as(corrupt.err()).isZero();
        assertThat(corrupt.out()).contains("people drawn from the built-in name-frequency lists");
        assertThat(link.code()).as(link.err()).isZero();
        assertThat(link.out()).contains(read(patients).size() + " records");
    }

    @Test
    void syntheaOptionsThatCannotWorkAreRejectedSayingWhy() {
        Result noFolder = run("mpi", "corrupt", "--synthea-patients", "5", "--out", "p.csv", "--truth", "t.csv");
        Result missing = run("mpi", "bench", "--synthea", dir.resolve("nope").toString());

        assertThat(noFolder.code()).isEqualTo(2);
        assertThat(noFolder.err()).contains("--synthea-patients needs --synthea DIR to write to");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--synthea " + dir.resolve("nope") + ": no such folder");
    }

    private static String personOf(List<CSVRecord> truths, String id) {
        return truths.stream().filter(t -> t.get("id").equals(id)).findFirst().orElseThrow().get("person");
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Custodian.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
