package org.custodian.coding.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.custodian.terminology.CodeSystem;
import org.custodian.terminology.CodeTerm;
import org.custodian.terminology.MedicalCode;

/**
 * The FY2026 ICD-10-CM order file from ../shared/terminology (never committed), read by its
 * published fixed-width layout so engine tests need no database. Absent: tests skip and say why.
 */
public final class OfficialCodes {
    /** ../shared beside the project, or two levels up for a git worktree under a folder of its own. */
    public static final Path FY2026 = java.util.stream.Stream.of(Path.of(".."), Path.of("..", ".."))
            .map(p -> p.resolve(Path.of("shared", "terminology", "icd10cm", "fy2026", "icd10cm_order_2026.txt")))
            .filter(Files::isRegularFile).findFirst()
            .orElse(Path.of("..", "shared", "terminology", "icd10cm", "fy2026", "icd10cm_order_2026.txt"));
    /** The only tabular list XML in ../shared/terminology (FY2021); its terms name codes besides their titles. */
    public static final Path TABULAR = FY2026.getParent().getParent().resolve(Path.of("fy2021-jan", "icd10cm_tabular_2021.xml"));
    public static final String ABSENT = FY2026.toAbsolutePath().normalize()
            + " is absent (see SOURCES.md in ../shared/terminology); skipped";
    private static List<MedicalCode> codes;

    private OfficialCodes() {
    }

    public static boolean present() {
        return Files.isRegularFile(FY2026);
    }

    public static synchronized List<MedicalCode> fy2026() {
        if (codes == null) {
            try {
                List<MedicalCode> read = new ArrayList<>();
                for (String line : Files.readAllLines(FY2026, StandardCharsets.ISO_8859_1)) {
                    if (line.length() > 77) {
                        read.add(new MedicalCode(CodeSystem.ICD10CM, line.substring(6, 13).trim(), line.charAt(14) == '1',
                                line.substring(16, 76).trim(), line.substring(77).trim(), null, null));
                    }
                }
                codes = List.copyOf(read);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return codes;
    }

    private static SuggestionEngine engine;

    /** The FY2021 tabular's terms when the file is there, else none (titles alone). */
    public static List<CodeTerm> tabularTerms() {
        if (!Files.isRegularFile(TABULAR)) {
            return List.of();
        }
        try {
            return CodeTerm.fromTabularFile(TABULAR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized SuggestionEngine engine() {
        if (engine == null) {
            engine = new SuggestionEngine(new ConceptDictionary(fy2026(), tabularTerms()));
        }
        return engine;
    }
}
