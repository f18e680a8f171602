package org.custodian.mpi;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.custodian.record.Sex;

/**
 * Reads a patients CSV (header: id, given, family, birth_date, sex, address, city, state, zip,
 * phone, ssn; any order, every value may be empty). A value that cannot be read (a date that is not
 * one) is compared as missing and reported with its line, so one bad row does not stop a clean-up.
 */
public final class PatientFile {
    public static final List<String> COLUMNS =
            List.of("id", "given", "family", "birth_date", "sex", "address", "city", "state", "zip", "phone", "ssn");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu"), DateTimeFormatter.BASIC_ISO_DATE);

    private PatientFile() {
    }

    public static List<Demographics> read(Path file, Consumer<String> warnings) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            if (!header.contains("id")) {
                throw new IllegalArgumentException(file + " line 1: header has no 'id' column (expected "
                        + String.join(",", COLUMNS) + ")");
            }
            List<Demographics> rows = new ArrayList<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                String id = value(row, "id");
                if (id == null) {
                    throw new IllegalArgumentException(file + " line " + line + ": id is empty");
                }
                if (!ids.add(id)) {
                    throw new IllegalArgumentException(file + " line " + line + ": id '" + id + "' appears twice");
                }
                rows.add(new Demographics(id, value(row, "given"), value(row, "family"),
                        date(value(row, "birth_date"), line, warnings), sex(value(row, "sex"), line, warnings),
                        value(row, "address"), value(row, "city"), value(row, "state"), value(row, "zip"),
                        value(row, "phone"), value(row, "ssn")));
            }
            return rows;
        }
    }

    private static String value(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column).strip();
        return value.isEmpty() ? null : value;
    }

    private static LocalDate date(String text, long line, Consumer<String> warnings) {
        if (text == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException next) {
                // try the next layout
            }
        }
        warnings.accept("line " + line + ": birth_date '" + text + "' is not a date (YYYY-MM-DD); compared as missing");
        return null;
    }

    private static Sex sex(String text, long line, Consumer<String> warnings) {
        try {
            return Sex.fromCode(text);
        } catch (IllegalArgumentException e) {
            warnings.accept("line " + line + ": sex '" + text + "' is not F, M, O or U; compared as missing");
            return Sex.UNKNOWN;
        }
    }
}
