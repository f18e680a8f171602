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
 * The CMS "Definitions of Medicare Code Edits" as text: Chapter 1 numbers its edits ("4. Age conflict")
 * and lettered lists ("A. Perinatal/Newborn diagnoses"); code lines are {@code CODE<TAB>title}, an
 * asterisk marking the unacceptable principal diagnoses that are acceptable with a secondary one.
 * Lists of edits Custodian does not run are skipped; Chapter 2 (changes) ends the lists.
 */
final class MceDefinitionsParser {
    static final String TITLE = "Definitions of Medicare Code Edits";
    private static final String CHAPTER_1 = "Chapter 1: Edit code lists";
    private static final String CHAPTER_2 = "Chapter 2: Code list changes";
    private static final Pattern VERSION = Pattern.compile("v(\\d{2})(\\.\\d)?\\s+(January|April|July|October)\\s+(\\d{4})");
    private static final Pattern SECTION = Pattern.compile("(\\d{1,2})\\. .+");
    private static final Pattern SUBSECTION = Pattern.compile("([A-G])\\. .+");
    private static final Pattern CODE_LINE = Pattern.compile("(\\*?)([A-Z0-9]{3,7}) ?\\t(.*)");
    private static final Map<String, EditList> LISTS = Map.ofEntries(
            Map.entry("4A", EditList.AGE_NEWBORN), Map.entry("4B", EditList.AGE_PEDIATRIC),
            Map.entry("4C", EditList.AGE_MATERNITY), Map.entry("4D", EditList.AGE_ADULT),
            Map.entry("5A", EditList.SEX_FEMALE_DIAGNOSIS), Map.entry("5B", EditList.SEX_FEMALE_PROCEDURE),
            Map.entry("5C", EditList.SEX_MALE_DIAGNOSIS), Map.entry("5D", EditList.SEX_MALE_PROCEDURE),
            Map.entry("6", EditList.MANIFESTATION), Map.entry("8A", EditList.QUESTIONABLE_ADMISSION),
            Map.entry("9", EditList.UNACCEPTABLE_PRINCIPAL), Map.entry("11A", EditList.NONCOVERED_PROCEDURE),
            Map.entry("17A", EditList.LIMITED_COVERAGE), Map.entry("18", EditList.WRONG_PROCEDURE),
            Map.entry("20", EditList.UNSPECIFIED));

    private MceDefinitionsParser() {
    }

    /** Whether the first lines name the document. */
    static boolean recognises(List<String> firstLines) {
        return firstLines.stream().anyMatch(l -> l.strip().equals(TITLE));
    }

    static ParsedEditFile parse(String file, List<String> lines, String sha256) {
        Matcher version = null;
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            String line = lines.get(i).strip();
            Matcher v = VERSION.matcher(line);
            if (version == null && v.find()) {
                version = v;
            }
            if (line.equals(CHAPTER_1)) {
                start = i;
            }
        }
        if (version == null) {
            throw new ReleaseFileException(Problem.BAD_LINE, file, 0, "no version line such as 'v43.1 April 2026'"
                    + " before Chapter 1, so the release it belongs to is unknown");
        }
        if (start < 0) {
            throw new ReleaseFileException(Problem.TRUNCATED, file, lines.size(), "the document has no '" + CHAPTER_1
                    + "' heading: the file looks truncated");
        }
        // Chapter 1 opens with the list of edit titles ("1. Invalid diagnosis ..." to "20. ..."), ended by a blank line
        while (start + 1 < lines.size() && !lines.get(start + 1).isBlank()) {
            start++;
        }
        List<EditEntry> entries = new ArrayList<>();
        int section = 0;
        String subsection = "";
        boolean obstetric = false;
        boolean ended = false;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String text = line.strip();
            if (text.equals(CHAPTER_2)) {
                ended = true;
                break;
            }
            Matcher code = CODE_LINE.matcher(line);
            if (code.matches()) {
                EditList list = LISTS.get(section + subsection);
                if (list != null && !obstetric) {
                    entries.add(new EditEntry(list, code.group(2), code.group(1).isEmpty() ? code.group(3).strip()
                            : "*" + code.group(3).strip(), i + 1));
                }
                continue;
            }
            Matcher heading = SECTION.matcher(text);
            if (heading.matches() && Integer.parseInt(heading.group(1)) > section) {
                section = Integer.parseInt(heading.group(1));
                subsection = "";
                obstetric = false;
            } else if (SUBSECTION.matcher(text).matches()) {
                subsection = text.substring(0, 1);
            } else if (text.startsWith("Questionable obstetric admission")) {
                obstetric = true;
            }
        }
        if (!ended) {
            throw new ReleaseFileException(Problem.TRUNCATED, file, lines.size(), "the document ends in edit " + section
                    + " without '" + CHAPTER_2 + "': the file looks truncated");
        }
        if (entries.isEmpty()) {
            throw new ReleaseFileException(Problem.BAD_LINE, file, start + 1, "Chapter 1 lists no codes (CODE<TAB>title)");
        }
        return new ParsedEditFile(EditFileKind.MCE, "v" + version.group(1) + (version.group(2) == null ? "" : version.group(2)),
                effectiveFrom(version), fiscalYearEnd(version), file, sha256, entries);
    }

    private static LocalDate effectiveFrom(Matcher version) {
        return LocalDate.of(Integer.parseInt(version.group(4)), Month.valueOf(version.group(3).toUpperCase()), 1);
    }

    private static LocalDate fiscalYearEnd(Matcher version) {
        LocalDate from = effectiveFrom(version);
        return LocalDate.of(from.getMonthValue() >= 10 ? from.getYear() + 1 : from.getYear(), Month.SEPTEMBER, 30);
    }
}
