package org.custodian.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custodian.record.Diagnosis.PresentOnAdmission;

/**
 * The answer key as a trainer types it, one code a line, diagnoses in sequence:
 * <pre>
 * dx J18.9 Y principal -- Pneumonia, unspecified organism
 * dx E11.9 Y
 * px BW03ZZZ -- Plain radiography of chest
 * </pre>
 * {@code dx} or {@code px}, the code, for a diagnosis optionally its POA indicator (Y, N, U, W or
 * EXEMPT) and the word {@code principal}; after {@code --} a description. Blank lines and lines
 * starting with {@code #} are skipped. Errors name the line.
 */
public final class AnswerKeyText {
    private AnswerKeyText() {
    }

    public static List<AnswerLine> parse(String text) {
        List<AnswerLine> lines = new ArrayList<>();
        String[] rows = (text == null ? "" : text).split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            try {
                lines.add(line(row));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("answer key line " + (i + 1) + " (" + row + "): " + e.getMessage());
            }
        }
        return lines;
    }

    public static String format(List<AnswerLine> key) {
        StringBuilder text = new StringBuilder();
        for (AnswerLine line : key) {
            boolean dx = line.kind() == org.custodian.coding.CodedLine.Kind.DIAGNOSIS;
            text.append(dx ? "dx " : "px ").append(line.display());
            if (line.poa() != null) {
                text.append(' ').append(line.poa().name());
            }
            if (line.principal()) {
                text.append(" principal");
            }
            if (!line.description().isEmpty()) {
                text.append(" -- ").append(line.description());
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static AnswerLine line(String row) {
        int dashes = row.indexOf("--");
        String description = dashes < 0 ? "" : row.substring(dashes + 2).strip();
        String[] words = (dashes < 0 ? row : row.substring(0, dashes)).strip().split("\\s+");
        if (words.length < 2) {
            throw new IllegalArgumentException("write dx or px, then the code");
        }
        String kind = words[0].toLowerCase(Locale.ROOT);
        if (kind.equals("px")) {
            if (words.length > 2) {
                throw new IllegalArgumentException("a procedure takes no POA indicator or principal flag");
            }
            return AnswerLine.procedure(words[1], description);
        }
        if (!kind.equals("dx")) {
            throw new IllegalArgumentException("'" + words[0] + "' is neither dx (diagnosis) nor px (procedure)");
        }
        PresentOnAdmission poa = null;
        boolean principal = false;
        for (int w = 2; w < words.length; w++) {
            String word = words[w].toUpperCase(Locale.ROOT);
            if (word.equals("PRINCIPAL")) {
                principal = true;
            } else {
                try {
                    poa = PresentOnAdmission.valueOf(word.startsWith("POA=") ? word.substring(4) : word);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + words[w] + "' is not a POA indicator (Y, N, U, W, EXEMPT)"
                            + " or the word principal");
                }
            }
        }
        return AnswerLine.diagnosis(words[1], description, principal, poa);
    }
}
