package org.custodian.terminology;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.custodian.terminology.ReleaseFileException.Problem;

/**
 * MCE edit lists as a tab-delimited table (MCE_Version, ICD_Version, MCE_Section, MCE_Subsection,
 * MCE_Edit_Type, ICD_Code_Type, ICD_Code, ICD_Desc), a reformat of the CMS document used for the
 * sex-conflict lists CMS has since retired. MCE version N belongs to fiscal year 1983 + N (v43 = FY2026).
 */
final class MceTableParser {
    static final String HEADER = "MCE_Version\tICD_Version\tMCE_Section\tMCE_Subsection\tMCE_Edit_Type\tICD_Code_Type"
            + "\tICD_Code\tICD_Desc";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{3,7}");
    private static final Map<String, EditList> LISTS = Map.ofEntries(
            Map.entry("Newborn_Only", EditList.AGE_NEWBORN), Map.entry("Pediatric_Only", EditList.AGE_PEDIATRIC),
            Map.entry("Maternity_Only", EditList.AGE_MATERNITY), Map.entry("Adult_Only", EditList.AGE_ADULT),
            Map.entry("Female_OnlyD", EditList.SEX_FEMALE_DIAGNOSIS), Map.entry("Female_OnlyP", EditList.SEX_FEMALE_PROCEDURE),
            Map.entry("Male_OnlyD", EditList.SEX_MALE_DIAGNOSIS), Map.entry("Male_OnlyP", EditList.SEX_MALE_PROCEDURE),
            Map.entry("Principal_Manifestation", EditList.MANIFESTATION),
            Map.entry("Principal_Questionable_Admit", EditList.QUESTIONABLE_ADMISSION),
            Map.entry("Principal_Unacceptable", EditList.UNACCEPTABLE_PRINCIPAL),
            Map.entry("Noncovered_Always", EditList.NONCOVERED_PROCEDURE),
            Map.entry("Limited_Coverage", EditList.LIMITED_COVERAGE), Map.entry("Wrong_Performed", EditList.WRONG_PROCEDURE));

    private MceTableParser() {
    }

    static ParsedEditFile parse(String file, List<String> lines, String sha256) {
        List<EditEntry> entries = new ArrayList<>();
        String version = null;
        for (int i = 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            String[] cells = lines.get(i).split("\t", -1);
            if (lines.get(i).isBlank()) {
                continue;
            }
            if (cells.length != 8) {
                throw new ReleaseFileException(Problem.BAD_LINE, file, lineNo, "has " + cells.length
                        + " tab-separated fields; the MCE table has 8");
            }
            if (!cells[0].matches("\\d{2}")) {
                throw new ReleaseFileException(Problem.BAD_LINE, file, lineNo, "MCE version '" + cells[0] + "' is not a number");
            }
            if (version != null && !version.equals(cells[0])) {
                throw new ReleaseFileException(Problem.BAD_LINE, file, lineNo, "MCE version " + cells[0]
                        + " differs from version " + version + " on the lines above");
            }
            version = cells[0];
            String code = cells[6].strip();
            if (!CODE.matcher(code).matches()) {
                throw new ReleaseFileException(Problem.BAD_LINE, file, lineNo, "code '" + code + "' is not an ICD-10 code");
            }
            String type = cells[4].startsWith("Female") || cells[4].startsWith("Male") ? cells[4] + cells[5] : cells[4];
            EditList list = LISTS.get(type);
            if (list != null) {
                entries.add(new EditEntry(list, code, cells[7].strip(), lineNo));
            }
        }
        if (version == null) {
            throw new ReleaseFileException(Problem.TRUNCATED, file, lines.size(), "the MCE table has a header but no rows");
        }
        int year = 1983 + Integer.parseInt(version);
        return new ParsedEditFile(EditFileKind.MCE, "v" + version, LocalDate.of(year - 1, Month.OCTOBER, 1),
                LocalDate.of(year, Month.SEPTEMBER, 30), file, sha256, entries);
    }
}
