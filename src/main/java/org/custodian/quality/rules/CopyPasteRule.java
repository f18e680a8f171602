package org.custodian.quality.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.custodian.quality.Category;
import org.custodian.quality.Severity;

/**
 * Copy and paste across a patient's notes (an AHIMA documentation-integrity concern): a later note
 * that repeats a long passage of an earlier one word for word. Candidate pairs come from winnowed
 * fingerprints; the passage is then measured exactly on the word-shingle hashes ({@link NotePrints},
 * computed once per document version; a note's shingles are read only when it shares a fingerprint). A copying note is one finding, however many
 * earlier notes it repeats (templated notes copied forward day after day would otherwise give a finding
 * per pair). Addenda quote what they correct, so they are only ever the source, never the copy.
 */
public final class CopyPasteRule implements Rule {
    @Override
    public String id() {
        return "COPY_PASTE";
    }

    @Override
    public Category category() {
        return Category.ACCURACY;
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "Large identical passage copied from another note";
    }

    @Override
    public void check(PatientFacts facts, RuleContext context, Findings out) {
        int threshold = context.properties().copyPasteWords();
        List<Note> notes = new ArrayList<>();
        for (PatientFacts.DocumentRow d : facts.documents()) {
            if (!d.enteredInError() && d.prints() != null && d.prints().words() >= threshold) {
                notes.add(new Note(d, d.prints()));
            }
        }
        notes.sort(Comparator.comparing((Note n) -> n.doc().createdAt()).thenComparing(n -> n.doc().id()));
        for (int later = 1; later < notes.size(); later++) {
            Note copy = notes.get(later);
            if (copy.doc().addendumTo() != null) {
                continue;
            }
            Note longestSource = null;
            int longest = 0;
            int sources = 0;
            for (int earlier = 0; earlier < later; earlier++) {
                Note source = notes.get(earlier);
                if (!source.prints().sharesPrintWith(copy.prints())) {
                    continue;
                }
                int words = Winnowing.longestSharedRun(source.prints().shingles(), copy.prints().shingles());
                if (words >= threshold) {
                    sources++;
                    if (words > longest) {
                        longest = words;
                        longestSource = source;
                    }
                }
            }
            if (longestSource != null) {
                report(facts, copy.doc(), longestSource.doc(), longest, sources - 1, out);
            }
        }
    }

    /** One finding per copying note, naming the note it shares the longest passage with. */
    private static void report(PatientFacts facts, PatientFacts.DocumentRow copy, PatientFacts.DocumentRow source,
                               int words, int otherSources, Findings out) {
        var encounter = facts.encounter(copy.encounterId());
        String others = switch (otherSources) {
            case 0 -> "";
            case 1 -> " (and 1 other earlier note)";
            default -> " (and " + otherSources + " other earlier notes)";
        };
        out.add(copy.id().toString(), copy.encounterId(), copy.id(),
                encounter.map(PatientFacts.EncounterRow::facilityId).orElse(null), copy.authorId(),
                "Document " + copy.label() + " of " + day(copy),
                "A passage of " + words + " words is identical to document " + source.label() + " of " + day(source)
                        + others + ": check it was not copied forward.");
    }

    private static String day(PatientFacts.DocumentRow document) {
        return document.createdAt().toString().substring(0, 10);
    }

    private record Note(PatientFacts.DocumentRow doc, NotePrints prints) {
    }
}
