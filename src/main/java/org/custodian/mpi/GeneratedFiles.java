package org.custodian.mpi;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.custodian.record.Sex;

/**
 * Writes generated rows as a patients CSV that {@code mpi link} reads, and its ground truth beside
 * it: {@code id, person, origin, of, errors}. Records with the same person are the same human;
 * origin is original, duplicate (of a record, with its errors) or twin (of another person's record:
 * a hard non-match).
 */
public final class GeneratedFiles {
    public static final List<String> TRUTH_COLUMNS = List.of("id", "person", "origin", "of", "errors");

    private GeneratedFiles() {
    }

    public static void write(List<DuplicateGenerator.Row> rows, Path patients, Path truth) throws IOException {
        try (Writer patientsOut = Files.newBufferedWriter(patients, StandardCharsets.UTF_8);
             CSVPrinter patientRows = csv(patientsOut, PatientFile.COLUMNS);
             Writer truthOut = Files.newBufferedWriter(truth, StandardCharsets.UTF_8);
             CSVPrinter truthRows = csv(truthOut, TRUTH_COLUMNS)) {
            for (DuplicateGenerator.Row row : rows) {
                Demographics d = row.demographics();
                patientRows.printRecord(d.id(), d.given(), d.family(), d.birthDate(), sexCode(d.sex()),
                        d.addressLine(), d.city(), d.state(), d.postalCode(), d.phone(), d.ssn());
                switch (row.origin()) {
                    case Origin.Original o -> truthRows.printRecord(d.id(), row.person(), "original", null, null);
                    case Origin.Duplicate dup -> truthRows.printRecord(d.id(), row.person(), "duplicate", dup.of(),
                            dup.errors().stream().map(Corruption::code).collect(Collectors.joining(";")));
                    case Origin.Twin twin -> truthRows.printRecord(d.id(), row.person(), "twin", twin.of(), null);
                }
            }
        }
    }

    private static CSVPrinter csv(Writer out, List<String> header) throws IOException {
        return new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n').get());
    }

    private static String sexCode(Sex sex) {
        return sex == Sex.UNKNOWN ? null : sex.name().substring(0, 1);
    }
}
