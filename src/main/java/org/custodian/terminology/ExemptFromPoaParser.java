package org.custodian.terminology;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.terminology.ReleaseFileException.Problem;

/**
 * The CDC/CMS POA-exempt list ({@code POAexemptCodesFYyy.txt}): tab-delimited Order, POAexemptCode,
 * Description after a header naming the fiscal year ({@code Order26}). A listed category exempts every
 * code under it. The Add/Delete/Revise files beside it only list changes and are refused.
 */
final class ExemptFromPoaParser {
    static final Pattern HEADER = Pattern.compile("Order(\\d{2})\\tPOAexemptCode\\tDescription");
    static final Pattern CHANGES_HEADER = Pattern.compile("(Order\\d{2}\\tAction\\t)?POAexemptCode\\tDescription|"
            + "Order\\d{2}\\tAction\\tPOAexemptCode\\tDescription");
    private static final Pattern CHANGE_LIST_NAME = Pattern.compile("(?i)poaexempt(add|delete|revise).*");
    private static final Pattern CODE = Pattern.compile("[A-Z][0-9A-Z][0-9A-Z](\\.[0-9A-Z]{1,4})?");

    private ExemptFromPoaParser() {
    }

    static ParsedEditFile parse(String file, List<String> lines, String sha256) {
        Matcher header = HEADER.matcher(lines.getFirst());
        if (!header.matches() || CHANGE_LIST_NAME.matcher(file).matches()) {
            throw new ReleaseFileException(Problem.WRONG_KIND, file, 1, "lists only changes to the POA-exempt list;"
                    + " load the full list, POAexemptCodesFYyy.txt");
        }
        List<EditEntry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            String[] cells = lines.get(i).split("\t", -1);
            if (cells.length != 3 || !cells[0].matches("\\d{5}")) {
                throw new ReleaseFileException(Problem.BAD_LINE, file, lineNo, "expected order number, code and"
                        + " description separated by tabs, found '" + abbreviate(lines.get(i)) + "'");
            }
            String shown = cells[1].strip();
            if (!CODE.matcher(shown).matches()) {
                throw new ReleaseFileException(Problem.BAD_LINE, file, lineNo, "code '" + shown + "' is not an ICD-10-CM code");
            }
            String code = CodeSystem.normalize(shown);
            Integer earlier = seen.putIfAbsent(code, lineNo);
            if (earlier != null) {
                throw new ReleaseFileException(Problem.DUPLICATE_CODE, file, lineNo, "code '" + shown
                        + "' is listed twice (first on line " + earlier + ")");
            }
            entries.add(new EditEntry(EditList.POA_EXEMPT, code, cells[2].strip(), lineNo));
        }
        if (entries.isEmpty()) {
            throw new ReleaseFileException(Problem.TRUNCATED, file, lines.size(), "the list has a header but no codes");
        }
        int year = 2000 + Integer.parseInt(header.group(1));
        return new ParsedEditFile(EditFileKind.POA_EXEMPT, "FY" + year, LocalDate.of(year - 1, Month.OCTOBER, 1),
                LocalDate.of(year, Month.SEPTEMBER, 30), file, sha256, entries);
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }
}
