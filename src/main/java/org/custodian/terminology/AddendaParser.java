package org.custodian.terminology;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.terminology.ReleaseFileException.Problem;

/**
 * The order-file addenda CMS/CDC publish with each fiscal year ({@code icd10cm_order_addenda_YYYY.txt},
 * ICD-10-PCS likewise): "Add:", "Delete:", "Revise from:" / "Revise to:" lines in the order-file layout
 * (ICD-10-CM with the billable flag, ICD-10-PCS without),
 * then a summary naming the order file of the new year ("74719 codes in icd10cm_order_2026.txt").
 */
final class AddendaParser {
    private static final Pattern ACTION = Pattern.compile("(Add:|Delete:|Revise from:|Revise to:)\\s+(?:([01])\\s+)?([0-9A-Z]{3,7})\\s+(.*)");
    private static final Pattern SUMMARY_FILE = Pattern.compile("\\d+ (?:codes|headers) in icd10(cm|pcs)_order_(\\d{4})\\.txt");
    private static final Map<String, EditList> LISTS = Map.of("Add:", EditList.ADDED, "Delete:", EditList.DELETED,
            "Revise from:", EditList.REVISED_FROM, "Revise to:", EditList.REVISED_TO);

    private AddendaParser() {
    }

    static boolean recognises(String firstLine) {
        return ACTION.matcher(firstLine).matches();
    }

    static ParsedEditFile parse(String file, List<String> lines, String sha256) {
        List<EditEntry> entries = new ArrayList<>();
        String system = null;
        int year = 0;
        boolean actions = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher action = ACTION.matcher(line);
            if (actions && action.matches()) {
                entries.add(new EditEntry(LISTS.get(action.group(1)), action.group(3),
                        (action.group(2) == null ? "" : action.group(2)) + "\t" + action.group(4).strip(), i + 1));
                continue;
            }
            if (line.isBlank()) {
                actions = false;
                continue;
            }
            Matcher summary = SUMMARY_FILE.matcher(line);
            if (summary.find()) {
                system = summary.group(1);
                year = Math.max(year, Integer.parseInt(summary.group(2)));
            } else if (actions) {
                throw new ReleaseFileException(Problem.BAD_LINE, file, i + 1, "expected 'Add:', 'Delete:', 'Revise from:'"
                        + " or 'Revise to:', a 0/1 flag, a code and titles; found '" + (line.length() > 50
                        ? line.substring(0, 50) + "..." : line) + "'");
            }
        }
        if (system == null) {
            throw new ReleaseFileException(Problem.TRUNCATED, file, lines.size(), "the addenda end without their"
                    + " summary ('NNN codes in icd10cm_order_YYYY.txt'): the file looks truncated");
        }
        return new ParsedEditFile(system.equals("cm") ? EditFileKind.CM_ADDENDA : EditFileKind.PCS_ADDENDA, "FY" + year,
                LocalDate.of(year - 1, Month.OCTOBER, 1), LocalDate.of(year, Month.SEPTEMBER, 30), file, sha256, entries);
    }
}
