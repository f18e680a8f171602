package org.custodian.terminology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name the tabular list gives a code besides its title: an inclusion term ("Gingivitis NOS" under
 * K05.10) or the term an Excludes note points to a single code ("diarrhea NOS (R19.7)"). {@code code}
 * is without dot; {@code term} keeps the tabular's words, "NOS" (not otherwise specified) removed.
 */
public record CodeTerm(String code, String term) {
    private static final Pattern POINTER = Pattern.compile("^(.+?)\\s*\\(([A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4})?)\\)$");
    private static final Pattern NOS = Pattern.compile(",?\\s+NOS\\b");

    public CodeTerm {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(term, "term");
    }

    /** The terms of a tabular list XML file read directly (for work without a database, such as engine tests). */
    public static List<CodeTerm> fromTabularFile(Path xml) throws IOException {
        return of(TabularXmlParser.parse(xml.getFileName().toString(), Files.readAllBytes(xml), "").entries());
    }

    /** The terms of a tabular list's inclusion terms and single-code Excludes pointers. */
    static List<CodeTerm> of(List<EditEntry> tabular) {
        List<CodeTerm> terms = new ArrayList<>();
        for (EditEntry e : tabular) {
            switch (e.list()) {
                case INCLUSION_TERM -> {
                    if (!e.code().contains("-")) {
                        terms.add(new CodeTerm(e.code(), withoutNos(e.detail())));
                    }
                }
                case EXCLUDES1, EXCLUDES2 -> {
                    Matcher m = POINTER.matcher(e.detail().strip());
                    if (m.matches()) {
                        terms.add(new CodeTerm(CodeSystem.normalize(m.group(2)), withoutNos(m.group(1))));
                    }
                }
                default -> {
                }
            }
        }
        return terms;
    }

    private static String withoutNos(String text) {
        return NOS.matcher(text).replaceAll("").strip();
    }
}
