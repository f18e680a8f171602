package org.custodian.training;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.coding.CodedLine;
import org.custodian.record.Diagnosis.PresentOnAdmission;

/**
 * Grades a trainee's codes against an answer key. Each key code is worth {@value #EXACT_POINTS}
 * points when coded exactly and {@value #CATEGORY_POINTS} when only its category (first three
 * characters) matches; each key diagnosis with a POA indicator is worth one more when the trainee's
 * matching code carries the same indicator; sequencing the key's principal diagnosis as principal is
 * worth one; each extra code costs one (the score never goes below zero). Every difference gets a
 * plain-language explanation a trainee can learn from.
 */
public final class Grader {
    static final int EXACT_POINTS = 2;
    static final int CATEGORY_POINTS = 1;

    private Grader() {
    }

    public static Grade grade(List<AnswerLine> key, List<AnswerLine> given) {
        Map<AnswerLine, AnswerLine> partner = new IdentityHashMap<>();
        List<AnswerLine> unused = new ArrayList<>(given);
        for (AnswerLine expected : key) {
            take(unused, l -> l.kind() == expected.kind() && l.code().equals(expected.code()))
                    .ifPresent(l -> partner.put(expected, l));
        }
        for (AnswerLine expected : key) {
            if (!partner.containsKey(expected)) {
                take(unused, l -> l.kind() == expected.kind() && l.category().equals(expected.category()))
                        .ifPresent(l -> partner.put(expected, l));
            }
        }

        List<Finding> findings = new ArrayList<>();
        int score = 0;
        int max = 0;
        for (AnswerLine expected : key) {
            AnswerLine match = partner.get(expected);
            max += EXACT_POINTS;
            boolean poaScored = expected.kind() == CodedLine.Kind.DIAGNOSIS && expected.poa() != null;
            max += poaScored ? 1 : 0;
            if (match == null) {
                findings.add(missing(expected));
                continue;
            }
            boolean poaRight = poaScored && expected.poa() == match.poa();
            int points = (match.code().equals(expected.code()) ? EXACT_POINTS : CATEGORY_POINTS) + (poaRight ? 1 : 0);
            findings.add(matched(expected, match, poaRight));
            score += points;
            if (poaScored && !poaRight) {
                findings.add(poa(expected, match));
            }
        }
        Optional<AnswerLine> principal = key.stream().filter(AnswerLine::principal).findFirst();
        if (principal.isPresent()) {
            max += 1;
            AnswerLine match = partner.get(principal.get());
            if (match != null && match.principal()) {
                score += 1;
            } else {
                findings.add(sequencing(principal.get(), match,
                        given.stream().filter(AnswerLine::principal).findFirst().orElse(null)));
            }
        }
        for (AnswerLine extra : unused) {
            findings.add(extra(extra));
            score -= 1;
        }
        return new Grade(findings, Math.max(0, score), max);
    }

    private static Optional<AnswerLine> take(List<AnswerLine> from, java.util.function.Predicate<AnswerLine> test) {
        for (int i = 0; i < from.size(); i++) {
            if (test.test(from.get(i))) {
                return Optional.of(from.remove(i));
            }
        }
        return Optional.empty();
    }

    private static Finding matched(AnswerLine expected, AnswerLine given, boolean poaRight) {
        String poaText = poaRight ? " Its POA indicator " + expected.poa().name() + " is right too." : "";
        if (given.code().equals(expected.code())) {
            return new Finding(Finding.Kind.EXACT, expected.kind(), expected.display(), given.display(),
                    EXACT_POINTS + (poaRight ? 1 : 0), "You coded " + expected.named() + " exactly as the key does."
                    + poaText);
        }
        String detail = expected.kind() == CodedLine.Kind.DIAGNOSIS
                ? "the same category " + expected.category() + ", but the characters after it differ. Read the"
                + " documentation again for the detail they carry (type, site, laterality, complication, encounter)."
                : "the same section, body system and root operation (" + expected.category() + "), but a different"
                + " body part, approach, device or qualifier. Check the operative note for what exactly was done.";
        return new Finding(Finding.Kind.CATEGORY, expected.kind(), expected.display(), given.display(),
                CATEGORY_POINTS + (poaRight ? 1 : 0), "You coded " + given.display() + " where the key has "
                + expected.named() + ": " + detail + poaText);
    }

    private static Finding missing(AnswerLine expected) {
        String what = expected.kind() == CodedLine.Kind.DIAGNOSIS
                ? (expected.principal() ? "the principal diagnosis " : "the diagnosis ")
                : "the procedure ";
        return new Finding(Finding.Kind.MISSING, expected.kind(), expected.display(), null, 0,
                "You did not code " + what + expected.named() + ", which the documentation supports;"
                        + " nothing you coded is in the same category.");
    }

    private static Finding extra(AnswerLine given) {
        String why = given.kind() == CodedLine.Kind.DIAGNOSIS
                ? "Code only conditions documented as present and affecting this encounter; symptoms that are"
                + " part of a confirmed diagnosis are not coded separately."
                : "Code only procedures the documentation shows were performed during this encounter.";
        return new Finding(Finding.Kind.EXTRA, given.kind(), null, given.display(), -1,
                "You coded " + given.display() + ", which the key does not have. " + why);
    }

    private static Finding poa(AnswerLine expected, AnswerLine given) {
        return new Finding(Finding.Kind.POA, expected.kind(), expected.display() + " POA " + expected.poa().name(),
                given.display() + " POA " + (given.poa() == null ? "none" : given.poa().name()), 0,
                "The POA indicator of " + expected.display() + " should be " + expected.poa().name() + " ("
                        + meaning(expected.poa()) + "); you gave " + (given.poa() == null ? "none"
                        : given.poa().name() + " (" + meaning(given.poa()) + ")") + ".");
    }

    private static Finding sequencing(AnswerLine principal, AnswerLine match, AnswerLine givenPrincipal) {
        String rule = " The principal diagnosis is the condition established after study to be chiefly responsible"
                + " for the admission, and it is sequenced first.";
        String text;
        if (givenPrincipal == null) {
            text = "You marked no principal diagnosis; the key's principal diagnosis is " + principal.named() + ".";
        } else if (match == null) {
            text = "You sequenced " + givenPrincipal.display() + " as the principal diagnosis; the key's principal"
                    + " diagnosis is " + principal.named() + ", which you did not code.";
        } else {
            text = "You sequenced " + givenPrincipal.display() + " as the principal diagnosis instead of "
                    + match.display() + "; the key's principal diagnosis is " + principal.named() + ".";
        }
        return new Finding(Finding.Kind.SEQUENCING, CodedLine.Kind.DIAGNOSIS, principal.display(),
                givenPrincipal == null ? null : givenPrincipal.display(), 0, text + rule);
    }

    static String meaning(PresentOnAdmission poa) {
        return switch (poa) {
            case Y -> "present at the time of inpatient admission";
            case N -> "not present at the time of inpatient admission";
            case U -> "documentation insufficient to tell";
            case W -> "clinically undetermined";
            case EXEMPT -> "exempt from POA reporting";
        };
    }
}
