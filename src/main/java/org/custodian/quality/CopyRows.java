package org.custodian.quality;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyOut;

/**
 * The rows of one {@code COPY (query) TO STDOUT} in PostgreSQL's text format, one at a time, as
 * strings ({@code null} for SQL NULL). PostgreSQL sends each row as its own message, so a row is
 * read whole; much cheaper than JDBC row reading for the millions of rows of a full scan.
 */
final class CopyRows {
    private final CopyOut copy;
    private final int columns;

    CopyRows(CopyOut copy, int columns) {
        this.copy = copy;
        this.columns = columns;
    }

    /** The next row's fields, or null after the last row. */
    String[] next() throws SQLException {
        byte[] line = copy.readFromCopy();
        return line == null ? null : parse(line, columns);
    }

    void cancel() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    /** One text-format row: fields split on tabs, {@code \N} is NULL, backslash escapes undone. */
    static String[] parse(byte[] line, int columns) {
        String[] fields = new String[columns];
        int end = line.length;
        if (end > 0 && line[end - 1] == '\n') {
            end--;
        }
        int field = 0;
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || line[i] == '\t') {
                if (field >= columns) {
                    throw new IllegalStateException("COPY row has more than " + columns + " fields");
                }
                fields[field++] = field(line, start, i);
                start = i + 1;
            }
        }
        if (field != columns) {
            throw new IllegalStateException("COPY row has " + field + " fields, expected " + columns);
        }
        return fields;
    }

    private static String field(byte[] line, int from, int to) {
        if (to - from == 2 && line[from] == '\\' && line[from + 1] == 'N') {
            return null;
        }
        int backslash = -1;
        for (int i = from; i < to; i++) {
            if (line[i] == '\\') {
                backslash = i;
                break;
            }
        }
        if (backslash < 0) {
            return new String(line, from, to - from, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = line[i];
            if (b != '\\' || i + 1 == to) {
                out[n++] = b;
                continue;
            }
            byte e = line[++i];
            out[n++] = switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'v' -> 0x0b;
                default -> e;
            };
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
