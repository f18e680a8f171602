package org.custodian.terminology;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.custodian.terminology.ReleaseFileException.Problem;

/**
 * The HCPCS Level II "ANWEB" file as CSV: 48 columns, one row per code (RECID 3) or modifier (RECID 7,
 * two characters after leading spaces); ADD DT and TERM DT (yyyyMMdd) bound each code's validity.
 */
final class HcpcsFileParser {
    private static final int COLUMNS = 48;
    private static final Pattern CODE = Pattern.compile("[A-Z][0-9]{4}");
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private HcpcsFileParser() {
    }

    static List<MedicalCode> parse(String file, String text) {
        CsvRows rows = new CsvRows(file, text);
        List<String> header = rows.next();
        if (header.size() != COLUMNS) {
            throw new ReleaseFileException(Problem.WRONG_KIND, file, 1,
                    "header has " + header.size() + " columns; the HCPCS file has " + COLUMNS);
        }
        int recId = column(file, header, "RECID");
        int longText = column(file, header, "LONG DESCRIPTION");
        int shortText = column(file, header, "SHORT DESCRIPTION");
        int added = column(file, header, "ADD DT");
        int terminated = column(file, header, "TERM DT");
        List<MedicalCode> codes = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (List<String> row = rows.next(); row != null; row = rows.next()) {
            int line = rows.recordLine();
            if (row.size() != COLUMNS) {
                throw new ReleaseFileException(Problem.BAD_LINE, file, line, "has " + row.size() + " columns, "
                        + COLUMNS + " expected");
            }
            String code = row.get(0).trim();
            String kind = row.get(recId).trim();
            Pattern pattern = switch (kind) {
                case "3" -> CODE;
                case "7" -> MODIFIER;
                default -> throw new ReleaseFileException(Problem.BAD_LINE, file, line,
                        "RECID '" + kind + "' for code '" + code + "' must be 3 (code) or 7 (modifier)");
            };
            if (!pattern.matcher(code).matches()) {
                throw new ReleaseFileException(Problem.BAD_LINE, file, line, "code '" + code + "' is not a HCPCS Level II "
                        + (kind.equals("3") ? "code (a letter and four digits)" : "modifier (two characters)"));
            }
            String longDescription = row.get(longText).trim();
            String shortDescription = row.get(shortText).trim();
            if (longDescription.isEmpty() && shortDescription.isEmpty()) {
                throw new ReleaseFileException(Problem.BAD_LINE, file, line, "code '" + code + "' has no description");
            }
            Integer earlier = seen.putIfAbsent(code, line);
            if (earlier != null) {
                throw new ReleaseFileException(Problem.DUPLICATE_CODE, file, line,
                        "code '" + code + "' is listed twice (first on line " + earlier + ")");
            }
            codes.add(new MedicalCode(CodeSystem.HCPCS, code, true,
                    shortDescription.isEmpty() ? longDescription : shortDescription,
                    longDescription.isEmpty() ? shortDescription : longDescription,
                    date(file, line, code, "ADD DT", row.get(added)), date(file, line, code, "TERM DT", row.get(terminated))));
        }
        return codes;
    }

    private static int column(String file, List<String> header, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new ReleaseFileException(Problem.WRONG_KIND, file, 1, "no column '" + name + "' in the header");
        }
        return index;
    }

    private static LocalDate date(String file, int line, String code, String column, String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim(), DATE);
        } catch (DateTimeParseException e) {
            throw new ReleaseFileException(Problem.BAD_LINE, file, line,
                    column + " '" + value + "' of code '" + code + "' is not a date (yyyyMMdd)");
        }
    }

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    private static final class CsvRows {
        private final String file;
        private final String text;
        private int pos;
        private int line = 1;
        private int recordLine;

        CsvRows(String file, String text) {
            this.file = file;
            this.text = text;
        }

        int recordLine() {
            return recordLine;
        }

        List<String> next() {
            if (pos >= text.length()) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>(COLUMNS);
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (quoted) {
                    if (c == '"' && pos < text.length() && text.charAt(pos) == '"') {
                        field.append('"');
                        pos++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        line += c == '\n' ? 1 : 0;
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    line++;
                    break;
                } else if (c != '\r') {
                    field.append(c);
                }
            }
            if (quoted) {
                throw new ReleaseFileException(Problem.TRUNCATED, file, recordLine, "a quoted field never ends");
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
