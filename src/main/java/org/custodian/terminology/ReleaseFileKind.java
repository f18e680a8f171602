package org.custodian.terminology;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.terminology.ReleaseFileException.Problem;

/**
 * Which official file a file is, told from its name and confirmed by its first line, and the
 * release it makes: ICD order files name their fiscal year (FY2026 = 2025-10-01 to 2026-09-30),
 * HCPCS files their quarter (HCPC2025_OCT = 2025-10-01 to 2025-12-31).
 */
record ReleaseFileKind(CodeSystem system, String version, LocalDate effectiveFrom, LocalDate effectiveTo) {
    private static final Pattern ORDER = Pattern.compile("icd10(cm|pcs)_order_(\\d{4})\\.txt");
    private static final Pattern HCPCS = Pattern.compile("hcpc(\\d{4})_(jan|apr|jul|oct)_anweb.*\\.csv");
    private static final Pattern EDIT_FILE = Pattern.compile("icd10cm_tabular_\\d{4}\\.xml|(icd10(cm|pcs)_)?order_addenda_\\d{4}\\.txt"
            + "|poaexemptcodesfy\\d{2}\\.txt|definitions.of.medicare.code.edits.*\\.txt|mce_.*code_edits.*\\.txt");
    private static final Pattern ORDER_LINE = Pattern.compile("\\d{5} [0-9A-Z]{3,7} *[01] .*");
    private static final Pattern FISCAL_YEAR_FOLDER = Pattern.compile("fy(\\d{4}).*");
    private static final Pattern APRIL_FOLDER = Pattern.compile("fy(\\d{4})[-_ ]?apr(il)?");
    static final String HCPCS_HEADER_START = "HCPC,SEQNUM,RECID,";

    /**
     * Whether a file in a folder given to {@code load} is one to load (others are skipped quietly): order
     * and HCPCS files, and the edit files (tabular XML, order addenda, POA-exempt list, MCE definitions).
     */
    static boolean isReleaseFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return ORDER.matcher(name).matches() || HCPCS.matcher(name).matches() || EDIT_FILE.matcher(name).matches();
    }

    /** Whether a folder name marks an April update (fy2024-apr), which loads after its October release. */
    static boolean isAprilFolder(Path folder) {
        return folder != null && folder.getFileName() != null
                && APRIL_FOLDER.matcher(folder.getFileName().toString().toLowerCase(Locale.ROOT)).matches();
    }

    static ReleaseFileKind detect(String fileName, String parentName, String firstLine) {
        String name = fileName.toLowerCase(Locale.ROOT);
        CodeSystem byContent = contentSystem(firstLine);
        Matcher order = ORDER.matcher(name);
        Matcher hcpcs = HCPCS.matcher(name);
        if (order.matches() || (byContent != null && byContent != CodeSystem.HCPCS)) {
            CodeSystem named = order.matches() ? (order.group(1).equals("cm") ? CodeSystem.ICD10CM : CodeSystem.ICD10PCS) : byContent;
            if (byContent != named) {
                throw new ReleaseFileException(Problem.WRONG_KIND, fileName, 1, "named like an " + named.title()
                        + " order file, but " + describe(byContent, firstLine));
            }
            int year = order.matches() ? Integer.parseInt(order.group(2)) : folderYear(fileName, parentName);
            Matcher april = APRIL_FOLDER.matcher(parentName == null ? "" : parentName.toLowerCase(Locale.ROOT));
            // CDC names the April update's file like October's; a folder named fyYYYY-apr marks it
            return april.matches() && Integer.parseInt(april.group(1)) == year ? aprilUpdate(named, year) : fiscalYear(named, year);
        }
        if (hcpcs.matches() || byContent == CodeSystem.HCPCS) {
            if (byContent != CodeSystem.HCPCS) {
                throw new ReleaseFileException(Problem.WRONG_KIND, fileName, 1,
                        "named like a HCPCS Level II file, but " + describe(byContent, firstLine));
            }
            if (!hcpcs.matches()) {
                throw new ReleaseFileException(Problem.WRONG_KIND, fileName, 0, "a HCPCS Level II file must keep its"
                        + " official name (HCPCYYYY_MMM_ANWEB....csv) so its quarter is known");
            }
            return quarter(Integer.parseInt(hcpcs.group(1)), hcpcs.group(2));
        }
        throw new ReleaseFileException(Problem.WRONG_KIND, fileName, 1, "not a release file Custodian loads ("
                + hint(name) + "); expected an ICD-10-CM or ICD-10-PCS order file (icd10cm_order_YYYY.txt,"
                + " icd10pcs_order_YYYY.txt) or a HCPCS Level II file (HCPCYYYY_MMM_ANWEB.csv)");
    }

    private static CodeSystem contentSystem(String firstLine) {
        if (firstLine.startsWith(HCPCS_HEADER_START)) {
            return CodeSystem.HCPCS;
        }
        if (!ORDER_LINE.matcher(firstLine).matches() || firstLine.length() < 78) {
            return null;
        }
        // ICD-10-CM codes start with a letter and a digit; ICD-10-PCS codes start with a section digit or letter
        String code = firstLine.substring(6, 13).trim();
        boolean cm = Character.isLetter(code.charAt(0)) && Character.isDigit(code.charAt(1));
        return cm ? CodeSystem.ICD10CM : CodeSystem.ICD10PCS;
    }

    private static String describe(CodeSystem system, String firstLine) {
        String start = firstLine.length() > 40 ? firstLine.substring(0, 40) + "..." : firstLine;
        return system == null ? "its first line is not in that layout: '" + printable(start) + "'"
                : "its first line is " + system.title() + " content: '" + printable(start) + "'";
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c >= 32 && c < 127 ? Character.toString(c) : String.format("\\u%04X", c)));
        return out.toString();
    }

    private static String hint(String name) {
        if (name.contains("addenda")) {
            return "named like addenda, but the first line is not an 'Add:', 'Delete:' or 'Revise from:' line";
        }
        if (name.startsWith("icd10cm_codes")) {
            return "the codes file has no header codes; load icd10cm_order_YYYY.txt instead";
        }
        return "unknown name and layout";
    }

    private static int folderYear(String fileName, String parentName) {
        Matcher folder = FISCAL_YEAR_FOLDER.matcher(parentName == null ? "" : parentName.toLowerCase(Locale.ROOT));
        if (!folder.matches()) {
            throw new ReleaseFileException(Problem.WRONG_KIND, fileName, 0, "cannot tell the fiscal year: keep the"
                    + " official name (icd10cm_order_YYYY.txt) or put the file in a folder named fyYYYY");
        }
        return Integer.parseInt(folder.group(1));
    }

    static ReleaseFileKind fiscalYear(CodeSystem system, int year) {
        return new ReleaseFileKind(system, "FY" + year, LocalDate.of(year - 1, Month.OCTOBER, 1),
                LocalDate.of(year, Month.SEPTEMBER, 30));
    }

    static ReleaseFileKind aprilUpdate(CodeSystem system, int year) {
        return new ReleaseFileKind(system, "FY" + year + "-APR", LocalDate.of(year, Month.APRIL, 1),
                LocalDate.of(year, Month.SEPTEMBER, 30));
    }

    private static ReleaseFileKind quarter(int year, String month) {
        int startMonth = switch (month) {
            case "jan" -> 1;
            case "apr" -> 4;
            case "jul" -> 7;
            default -> 10;
        };
        LocalDate from = LocalDate.of(year, startMonth, 1);
        return new ReleaseFileKind(CodeSystem.HCPCS, String.format("%d-%02d", year, startMonth), from,
                from.plusMonths(3).minusDays(1));
    }
}
