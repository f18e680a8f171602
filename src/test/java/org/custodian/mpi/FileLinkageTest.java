package org.custodian.mpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on a generated file with known duplicates, twins and absurd records, with no database. */
class FileLinkageTest {
    @TempDir
    Path dir;

    @Test
    void findsGeneratedDuplicatesLeavesTwinsApartAndNeverAutoLinksAbsurdRecords() throws IOException {
        List<DuplicateGenerator.Row> rows = new DuplicateGenerator(7, 0.10, 0.02).generate(3_000);
        Path in = dir.resolve("patients.csv");
        StringBuilder csv = new StringBuilder("id,given,family,birth_date,sex,address,city,state,zip,phone,ssn\n");
        for (DuplicateGenerator.Row row : rows) {
            Demographics d = row.demographics();
            csv.append(String.join(",", d.id(), d.given(), d.family(), d.birthDate().toString(),
                    d.sex().name().substring(0, 1), nz(d.addressLine()), d.city(), d.state(), d.postalCode(),
                    nz(d.phone()), nz(d.ssn()))).append('\n');
        }
        // the same absurd person twice: identical, yet never linked without a person looking
        csv.append("Z1,A,Nobody,2999-01-01,F,1 Elm St,Boston,MA,02118,617-555-0100,000-00-0000\n");
        csv.append("Z2,A,Nobody,2999-01-01,F,1 Elm St,Boston,MA,02118,617-555-0100,000-00-0000\n");
        Files.writeString(in, csv);
        Path out = dir.resolve("pairs.csv");

        FileLinkage.Summary summary = new FileLinkage(Thresholds.DEFAULT, false).link(in, out, w -> { }, Progress.NONE);

        assertThat(summary.stats().pairsCompared()).isPositive();
        assertThat(summary.stats().pairsPerBlockingKey()).hasSizeGreaterThan(3);
        List<CSVRecord> pairs = read(out);
        assertThat(Files.readAllLines(out).getFirst()).isEqualTo("id_a,id_b,decision,weight");
        List<LinkageQuality.Linked> linked = new ArrayList<>();
        for (CSVRecord pair : pairs) {
            if (!pair.get("id_a").startsWith("Z")) {
                linked.add(new LinkageQuality.Linked(pair.get("id_a"), pair.get("id_b"), pair.get("decision")));
            }
        }
        LinkageQuality quality = LinkageQuality.measure(rows, linked);
        assertThat(quality.recall()).isGreaterThan(0.97);
        assertThat(quality.precision()).isGreaterThan(0.97);
        assertThat(quality.autoLinkPrecision()).isGreaterThan(0.99);
        assertThat(pairs).filteredOn(p -> p.get("id_a").startsWith("Z"))
                .singleElement().satisfies(p -> assertThat(p.get("decision")).isEqualTo("review"));
    }

    @Test
    void aMissingIdColumnIsRejectedNamingTheFileAndLine() throws IOException {
        Path in = Files.writeString(dir.resolve("bad.csv"), "given,family\nAnn,Lee\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new FileLinkage(Thresholds.DEFAULT, false).link(in, dir.resolve("o.csv"), w -> { }, Progress.NONE))
                .hasMessageContaining("line 1").hasMessageContaining("'id'");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file))) {
            return parser.getRecords();
        }
    }
}
