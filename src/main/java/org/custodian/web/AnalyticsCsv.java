package org.custodian.web;

import java.util.List;
import java.util.Locale;

/**
 * CSV as RFC 4180 wants it (CRLF, quotes doubled), with text cells that a spreadsheet would run as
 * a formula (starting with =, +, - or @) prefixed by an apostrophe.
 */
final class AnalyticsCsv {
    private final StringBuilder out = new StringBuilder();

    AnalyticsCsv(String... header) {
        row((Object[]) header);
    }

    AnalyticsCsv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
        return this;
    }

    AnalyticsCsv rows(List<Object[]> rows) {
        rows.forEach(this::row);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        if (value instanceof java.math.BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
