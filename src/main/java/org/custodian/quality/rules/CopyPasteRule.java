package org.custodian.quality.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.custodian.quality.Category;
import org.custodian.quality.Severity;

/**
 * Copy and paste across a patient's notes (an AHIMA documentation-integrity concern): a later note
 * that repeats a long passage of an earlier one word for word. Candidate pairs come from winnowed
 * fingerprints; the passage is then measured exactly. Addenda quote what they correct, so they are
 * only ever the source, never the copy.
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
            if (!d.enteredInError() && d.body() != null) {
                long[] shingles = Winnowing.shingles(d.body());
                if (shingles.length + Winnowing.K - 1 >= threshold) {
                    notes.add(new Note(d, shingles, Winnowing.fingerprints(shingles)));
                }
            }
        }
        notes.sort(Comparator.comparing((Note n) -> n.doc().createdAt()).thenComparing(n -> n.doc().id()));
        for (int later = 1; later < notes.size(); later++) {
            Note copy = notes.get(later);
            if (copy.doc().addendumTo() != null) {
                continue;
            }
            for (int earlier = 0; earlier < later; earlier++) {
                Note source = notes.get(earlier);
                if (!Winnowing.overlap(source.prints(), copy.prints())) {
                    continue;
                }
                int words = Winnowing.longestSharedRun(source.shingles(), copy.shingles());
                if (words >= threshold) {
                    PatientFacts.DocumentRow d = copy.doc();
                    var encounter = facts.encounter(d.encounterId());
                    out.add(d.id() + ":" + source.doc().id(), d.encounterId(), d.id(),
                            encounter.map(PatientFacts.EncounterRow::facilityId).orElse(null), d.authorId(),
                            "Document " + d.label() + " of " + d.createdAt().toString().substring(0, 10),
                            "A passage of " + words + " words is identical to document " + source.doc().label() + " of "
                                    + source.doc().createdAt().toString().substring(0, 10) + ": check it was not copied forward.");
                }
            }
        }
    }

    private record Note(PatientFacts.DocumentRow doc, long[] shingles, long[] prints) {
    }
}
