package org.custodian.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Why a condition of the answer key was not suggested for a note, found by asking the engine about the
 * condition's own name alone (as a one-line diagnosis) and looking at where the note names it. Used by
 * the accuracy benchmark to print its misses by kind; the engine itself never sees the key.
 */
enum MissKind {
    KEY_NOT_BILLABLE("no key code is a billable code of the release"),
    NOT_IN_NOTE("the note does not name the condition"),
    NO_MATCH("its name alone matches no code"),
    SPECIFICITY_DEFAULT("its name gives a sibling; the key is the category's unspecified code"),
    SIBLING("its name gives a sibling code of the same category"),
    OTHER_CATEGORY("its name gives a code of another category"),
    HISTORY_CONTEXT("its name alone gives the key code; the note names it after \"history of\""),
    NEGATION_CONTEXT("its name alone gives the key code; the note names it in a negated phrase"),
    OTHER_CONTEXT("its name alone gives the key code; lost to the note's sections or wording");

    private static final List<String> NEGATIONS = List.of("no ", "denies ", "without ", "negative for ", "not ");

    final String explanation;

    MissKind(String explanation) {
        this.explanation = explanation;
    }

    /**
     * @param keyCodes  the codes the key gives the condition (without dots)
     * @param name      the condition's name as Synthea wrote it
     * @param noteText  the note's text
     * @param alone     the codes the engine suggests for a text (here: the name alone)
     * @param billable  whether a code is billable in the release, and {@code unspecified} whether its title is the
     *                  category's unspecified code
     */
    static MissKind of(List<String> keyCodes, String name, String noteText, Function<String, Set<String>> alone,
                       Predicate<String> billable, Predicate<String> unspecified) {
        if (keyCodes.stream().noneMatch(billable)) {
            return KEY_NOT_BILLABLE;
        }
        String bare = name.replaceAll("\\s*\\([^)]*\\)\\s*$", "").toLowerCase(Locale.ROOT).strip();
        String text = noteText.toLowerCase(Locale.ROOT);
        int at = text.indexOf(bare);
        if (at < 0) {
            return NOT_IN_NOTE;
        }
        Set<String> codes = alone.apply(name);
        if (keyCodes.stream().anyMatch(codes::contains)) {
            String before = text.substring(Math.max(0, text.lastIndexOf('\n', at - 1) + 1), at);
            if (before.contains("history of")) {
                return HISTORY_CONTEXT;
            }
            return NEGATIONS.stream().anyMatch(before::contains) ? NEGATION_CONTEXT : OTHER_CONTEXT;
        }
        if (codes.isEmpty()) {
            return NO_MATCH;
        }
        Set<String> categories = new java.util.HashSet<>();
        codes.forEach(c -> categories.add(c.substring(0, 3)));
        boolean sibling = keyCodes.stream().anyMatch(k -> categories.contains(k.substring(0, 3)));
        if (!sibling) {
            return OTHER_CATEGORY;
        }
        return keyCodes.stream().anyMatch(unspecified) ? SPECIFICITY_DEFAULT : SIBLING;
    }
}
