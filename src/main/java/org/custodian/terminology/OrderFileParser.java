package org.custodian.terminology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.custodian.terminology.ReleaseFileException.Problem;

/**
 * The CMS/CDC order-file layout shared by ICD-10-CM and ICD-10-PCS: cols 1-5 order number, 7-13 code,
 * 15 billable flag (1) or header (0), 17-76 short description, 78 on long description; blanks between.
 */
final class OrderFileParser {
    private static final Pattern CM_CODE = Pattern.compile("[A-Z][0-9A-Z][0-9A-Z]{1,5}");
    private static final Pattern PCS_CODE = Pattern.compile("[0-9A-HJ-NP-Z]{3}|[0-9A-HJ-NP-Z]{7}");

    private OrderFileParser() {
    }

    static List<MedicalCode> parse(CodeSystem system, String file, List<String> lines) {
        Pattern codePattern = system == CodeSystem.ICD10CM ? CM_CODE : PCS_CODE;
        List<MedicalCode> codes = new ArrayList<>(lines.size());
        Map<String, Integer> seen = new HashMap<>(lines.size() * 2);
        int previousOrder = 0;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (line.length() < 78) {
                throw bad(file, lineNo, "is " + line.length() + " characters long; the order-file layout needs at"
                        + " least 78 (long description from column 78)");
            }
            for (int col : new int[] {6, 14, 16, 77}) {
                if (line.charAt(col - 1) != ' ') {
                    throw bad(file, lineNo, "column " + col + " must be blank but holds '" + line.charAt(col - 1)
                            + "': not the order-file layout");
                }
            }
            String orderText = line.substring(0, 5);
            if (!orderText.chars().allMatch(Character::isDigit)) {
                throw bad(file, lineNo, "order number '" + orderText + "' is not five digits");
            }
            int order = Integer.parseInt(orderText);
            if (order != previousOrder + 1) {
                throw bad(file, lineNo, "order number " + orderText + " follows " + previousOrder
                        + ": lines are missing or out of order");
            }
            previousOrder = order;
            String code = line.substring(6, 13).trim();
            if (!codePattern.matcher(code).matches()) {
                throw bad(file, lineNo, "code '" + code + "' is not a valid " + system.title() + " code");
            }
            char flag = line.charAt(14);
            if (flag != '0' && flag != '1') {
                throw bad(file, lineNo, "billable flag '" + flag + "' for code '" + code + "' must be 0 (header) or 1");
            }
            String shortDescription = line.substring(16, 76).trim();
            String longDescription = line.substring(77).trim();
            if (shortDescription.isEmpty() || longDescription.isEmpty()) {
                throw bad(file, lineNo, "code '" + code + "' has no description");
            }
            Integer earlier = seen.putIfAbsent(code, lineNo);
            if (earlier != null) {
                throw new ReleaseFileException(Problem.DUPLICATE_CODE, file, lineNo,
                        "code '" + code + "' is listed twice (first on line " + earlier + ")");
            }
            codes.add(new MedicalCode(system, code, flag == '1', shortDescription, longDescription, null, null));
        }
        return codes;
    }

    private static ReleaseFileException bad(String file, int line, String detail) {
        return new ReleaseFileException(Problem.BAD_LINE, file, line, detail.startsWith("code") || detail.startsWith("order")
                || detail.startsWith("billable") || detail.startsWith("column") ? detail : "the line " + detail);
    }
}
