package org.custodian.terminology;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.custodian.terminology.ReleaseFileException.Problem;

/**
 * The CDC ICD-10-CM Tabular List XML ({@code icd10cm_tabular_YYYY.xml}), read with StAX: for each
 * chapter (keyed by its range, e.g. {@code A00-B99}), section ({@code A00-A09}) and code, its
 * Excludes1, Excludes2, code first, use additional code, code also notes, inclusion terms and
 * 7th-character definitions. Notes apply to everything below where they stand; lookups inherit them.
 */
final class TabularXmlParser {
    private static final String ROOT = "ICD10CM.tabular";
    private static final Map<String, EditList> NOTE_LISTS = Map.of(
            "excludes1", EditList.EXCLUDES1, "excludes2", EditList.EXCLUDES2, "codeFirst", EditList.CODE_FIRST,
            "useAdditionalCode", EditList.USE_ADDITIONAL_CODE, "codeAlso", EditList.CODE_ALSO,
            "inclusionTerm", EditList.INCLUSION_TERM, "includes", EditList.INCLUSION_TERM);
    private static final Pattern CHAPTER_RANGE = Pattern.compile("\\(([A-Z][0-9][0-9A-Z])-([A-Z][0-9][0-9A-Z])\\)\\s*$");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern DIAG = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?");

    private TabularXmlParser() {
    }

    static ParsedEditFile parse(String file, byte[] bytes, String sha256) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            return new Walk(file, xml).run(sha256);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            String detail = e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "")
                    .replaceFirst("(?s)\\s+at \\[row,col.*$", "");
            boolean end = detail.contains("end of file") || detail.contains("Unexpected EOF")
                    || detail.contains("Unexpected end of input") || detail.contains("XML document structures must start and end");
            throw new ReleaseFileException(end ? Problem.TRUNCATED : Problem.BAD_LINE, file, line,
                    (end ? "the XML ends before its elements are closed: the file looks truncated (" : "not well-formed XML (")
                            + detail.strip() + ")");
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a byte array cannot lose data
                }
            }
        }
    }

    /** One pass over the document, keeping the chain of chapters, sections and codes above the cursor. */
    private static final class Walk {
        private final String file;
        private final XMLStreamReader xml;
        private final List<EditEntry> entries = new ArrayList<>();
        private final Deque<String> keys = new ArrayDeque<>();
        private String version;
        private int diagnoses;

        Walk(String file, XMLStreamReader xml) {
            this.file = file;
            this.xml = xml;
        }

        ParsedEditFile run(String sha256) throws XMLStreamException {
            xml.nextTag();
            if (!xml.getLocalName().equals(ROOT)) {
                throw new ReleaseFileException(Problem.WRONG_KIND, file, line(), "the XML root is <" + xml.getLocalName()
                        + ">, not <" + ROOT + ">: not an ICD-10-CM tabular list");
            }
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    start(xml.getLocalName());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("chapter") || name.equals("section") || name.equals("diag")) {
                        keys.pop();
                    }
                }
            }
            if (version == null) {
                throw new ReleaseFileException(Problem.BAD_LINE, file, 0, "the tabular list has no <version> element");
            }
            if (diagnoses == 0) {
                throw new ReleaseFileException(Problem.TRUNCATED, file, 0, "the tabular list holds no <diag> element");
            }
            int year = Integer.parseInt(version);
            return new ParsedEditFile(EditFileKind.TABULAR, "FY" + year, LocalDate.of(year - 1, Month.OCTOBER, 1),
                    LocalDate.of(year, Month.SEPTEMBER, 30), file, sha256, entries);
        }

        private void start(String name) throws XMLStreamException {
            switch (name) {
                case "version" -> {
                    int at = line();
                    String text = xml.getElementText().strip();
                    if (!YEAR.matcher(text).matches()) {
                        throw new ReleaseFileException(Problem.BAD_LINE, file, at, "<version> '" + text + "' is not a year");
                    }
                    version = text;
                }
                case "chapter" -> keys.push("");
                case "section" -> keys.push(attribute("id"));
                case "diag" -> {
                    keys.push("");
                    diagnoses++;
                }
                case "name" -> named();
                case "desc" -> described();
                case "sevenChrDef" -> seventhCharacters();
                default -> {
                    EditList list = NOTE_LISTS.get(name);
                    if (list != null && !keys.isEmpty()) {
                        notes(name, list);
                    }
                }
            }
        }

        /** A code's {@code <name>} gives the key of the innermost diag. */
        private void named() throws XMLStreamException {
            int at = line();
            String text = xml.getElementText().strip();
            if (keys.isEmpty() || !keys.peek().isEmpty()) {
                return;
            }
            if (DIAG.matcher(text).matches()) {
                keys.pop();
                keys.push(CodeSystem.normalize(text));
            } else if (!text.chars().allMatch(Character::isDigit)) {
                throw new ReleaseFileException(Problem.BAD_LINE, file, at, "<name> '" + text + "' is not an ICD-10-CM code");
            }
        }

        /** A chapter is keyed by the range its description ends with: "... (A00-B99)". */
        private void described() throws XMLStreamException {
            String text = xml.getElementText().strip();
            if (!keys.isEmpty() && keys.peek().isEmpty()) {
                Matcher range = CHAPTER_RANGE.matcher(text);
                if (range.find()) {
                    keys.pop();
                    keys.push(range.group(1) + "-" + range.group(2));
                }
            }
        }

        private void notes(String element, EditList list) throws XMLStreamException {
            String key = keys.peek();
            if (key.isEmpty()) {
                throw new ReleaseFileException(Problem.BAD_LINE, file, line(), "<" + element + "> comes before the"
                        + " <name> of its code, so it cannot be placed");
            }
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                int at = line();
                String text = xml.getElementText().strip();
                if (!text.isEmpty()) {
                    entries.add(new EditEntry(list, key, text, at));
                }
            }
        }

        /** {@code <extension char="A">initial encounter</extension>}: stored as "A" tab meaning. */
        private void seventhCharacters() throws XMLStreamException {
            String key = keys.isEmpty() ? "" : keys.peek();
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                int at = line();
                if (!xml.getLocalName().equals("extension")) {
                    xml.getElementText();
                    continue;
                }
                String character = xml.getAttributeValue(null, "char");
                String meaning = xml.getElementText().strip();
                if (key.isEmpty() || character == null || character.length() != 1) {
                    throw new ReleaseFileException(Problem.BAD_LINE, file, at, "7th-character extension without a code"
                            + " above it or without a one-character char attribute");
                }
                entries.add(new EditEntry(EditList.SEVENTH_CHARACTER, key, character + "\t" + meaning, at));
            }
        }

        private String attribute(String attribute) {
            String value = xml.getAttributeValue(null, attribute);
            if (value == null || value.isBlank()) {
                throw new ReleaseFileException(Problem.BAD_LINE, file, line(), "<" + xml.getLocalName() + "> has no "
                        + attribute + " attribute");
            }
            return value.strip();
        }

        private int line() {
            return xml.getLocation().getLineNumber();
        }
    }
}
