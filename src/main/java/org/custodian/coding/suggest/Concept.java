package org.custodian.coding.suggest;

import java.util.Set;
import org.custodian.terminology.MedicalCode;

/**
 * A billable code as the matcher sees its description: the tokens a note must have ({@code required}),
 * default qualifiers a note need not say ({@code defaults}: "essential", "unilateral", "initial
 * encounter"), and words that only add support when present ({@code optional}: nonessential modifiers in
 * parentheses or brackets, "unspecified ..." parts and what follows "without"). {@code heading} marks a
 * concept named by a category's heading and standing for the category's unspecified code ("Disorders of
 * gingiva" for K06.9), the index default; of concepts a clause names equally, a code's own title wins.
 */
record Concept(MedicalCode code, Set<String> required, Set<String> defaults, Set<String> optional, boolean heading) {

    boolean mentions(String token) {
        return required.contains(token) || defaults.contains(token) || optional.contains(token);
    }

    String display() {
        return code.display();
    }

    String category() {
        return code.code().substring(0, 3);
    }
}
