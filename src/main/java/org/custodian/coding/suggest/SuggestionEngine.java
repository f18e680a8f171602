package org.custodian.coding.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.coding.CareSetting;
import org.custodian.coding.CodeSuggestion;
import org.custodian.coding.SourceNote;

/**
 * Reads notes clause by clause: finds the concepts each clause names, decides what the note asserts
 * about them (negated, uncertain, personal or family history) and turns that into codes by the
 * ICD-10-CM guidelines: negated conditions are not coded; uncertain ones are coded as established
 * for inpatients (Section II.H) and not at all for outpatients, whose symptoms are coded instead
 * (Section IV.H); history becomes the personal or family history code. Of codes a note supports,
 * one that another code's evidence fully contains is dropped for the more specific one.
 */
public final class SuggestionEngine {
    /** Suggestions below this confidence are not made: a coder's list holds what the notes support. */
    public static final double MIN_CONFIDENCE = 0.5;
    /**
     * Where a note has a diagnostic statement (assessment, impression, diagnoses) that names a
     * condition, that statement is what is coded: mentions elsewhere (complaints, history, review of
     * systems) are supporting evidence and weigh this much; where its diagnostic statement names
     * nothing, the note documents no diagnosis to code and every mention weighs this much.
     */
    static final double OUTSIDE_DIAGNOSTIC_STATEMENT = 0.5;
    private final ConceptDictionary dictionary;
    private final ConceptSpotter spotter;
    private final HistoryCodes history;

    public SuggestionEngine(ConceptDictionary dictionary) {
        this.dictionary = dictionary;
        this.spotter = new ConceptSpotter(dictionary);
        this.history = new HistoryCodes(dictionary, spotter);
    }

    public List<CodeSuggestion> suggest(List<SourceNote> notes, CareSetting setting) {
        Map<String, Found> best = new LinkedHashMap<>();
        for (SourceNote note : notes) {
            for (Found f : read(note, setting)) {
                best.merge(f.concept().code().code(), f, (a, b) -> b.confidence() > a.confidence() ? b : a);
            }
        }
        List<Found> kept = mostSpecific(new ArrayList<>(best.values()));
        kept.removeIf(f -> f.confidence() < MIN_CONFIDENCE);
        // diabetes "without complications" is not coded beside a complication code of the same diabetes
        kept.removeIf(f -> DiabeticComplications.isWithoutComplications(f.concept()) && kept.stream()
                .anyMatch(o -> o != f && o.concept().category().equals(f.concept().category())));
        // external causes (V00-Y99) say how an injury or poisoning came about; never coded alone (Section I.C.20)
        if (kept.stream().noneMatch(f -> isInjury(f.concept()))) {
            kept.removeIf(f -> isExternalCause(f.concept()));
        }
        kept.sort(Comparator.comparing((Found f) -> f.note().source()).thenComparingInt(Found::start));
        List<CodeSuggestion> out = new ArrayList<>(kept.size());
        for (Found f : kept) {
            out.add(new CodeSuggestion(f.concept().display(), f.concept().code().longDescription(),
                    Math.round(f.confidence() * 100) / 100.0, f.note().source(), f.start(), f.end(),
                    f.note().text().substring(f.start(), f.end())));
        }
        return out;
    }

    private List<Found> read(SourceNote note, CareSetting setting) {
        List<Word> words = Words.of(note.text());
        ContextScanner.Context context = ContextScanner.scan(words);
        List<Section.Start> sections = Section.of(note.text());
        List<Found> found = new ArrayList<>();
        Set<Found> exposures = new HashSet<>();
        List<int[]> clauses = new ArrayList<>();
        int clauseStart = 0;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).clauseEndsAfter() || i == words.size() - 1) {
                clauses.add(new int[] {clauseStart, i + 1});
                clauseStart = i + 1;
            }
        }
        for (int c = 0; c < clauses.size(); c++) {
            List<Normalizer.Normalized> tokens = tokens(words, clauses.get(c), context, sections);
            List<Spot> spots = spotter.spot(tokens, any -> true);
            boolean sameSentence = c + 1 < clauses.size() && !words.get(clauses.get(c)[1] - 1).sentenceEndsAfter();
            if (sameSentence && !tokens.isEmpty() && spots.stream().noneMatch(Spot::complete)) {
                // "major depressive disorder, single episode": a short qualifying clause completes the one before
                List<Normalizer.Normalized> next = tokens(words, clauses.get(c + 1), context, sections);
                if (!next.isEmpty() && next.size() <= 3) {
                    List<Normalizer.Normalized> first = tokens;
                    List<Normalizer.Normalized> merged = new ArrayList<>(first);
                    merged.addAll(next);
                    List<Spot> mergedSpots = spotter.spot(merged, any -> true);
                    if (mergedSpots.stream().anyMatch(s -> s.complete() && spans(s, first, next))) {
                        tokens = merged;
                        spots = mergedSpots;
                        c++;
                    }
                }
            }
            int before = found.size();
            readSpots(note, words, tokens, spots, context, sections, setting, found, exposures);
            DiabeticComplications.link(words, found.subList(before, found.size()), dictionary);
        }
        // an unconfirmed diagnosis is coded as exposure only when the note names none of its signs or symptoms
        if (found.stream().anyMatch(f -> f.concept().code().code().startsWith("R"))) {
            found.removeIf(exposures::contains);
        }
        if (sections.stream().anyMatch(s -> s.section() == Section.DIAGNOSTIC)) {
            found.replaceAll(f -> Section.at(sections, f.start()) == Section.DIAGNOSTIC ? f
                    : new Found(f.concept(), f.note(), f.start(), f.end(), f.confidence() * OUTSIDE_DIAGNOSTIC_STATEMENT,
                    f.tokens(), f.definitive()));
        }
        boolean definitive = found.stream().anyMatch(Found::definitive);
        if (definitive) {
            // signs and symptoms routinely part of an established diagnosis are not coded separately
            found.replaceAll(f -> f.concept().code().code().startsWith("R")
                    ? new Found(f.concept(), f.note(), f.start(), f.end(), f.confidence() * 0.8, f.tokens(), false) : f);
        }
        return found;
    }

    private static boolean spans(Spot spot, List<Normalizer.Normalized> first, List<Normalizer.Normalized> second) {
        return spot.support().stream().anyMatch(first::contains) && spot.support().stream().anyMatch(second::contains);
    }

    private static List<Normalizer.Normalized> tokens(List<Word> words, int[] span, ContextScanner.Context context,
                                                      List<Section.Start> sections) {
        int from = span[0];
        int to = span[1];
        List<String> texts = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            // "rule out", "history of": the words that set the context name no condition themselves
            boolean quiet = context.trigger()[k] || Section.inHeading(sections, words.get(k).start());
            texts.add(quiet ? "" : words.get(k).text());
        }
        List<Normalizer.Normalized> clause = new ArrayList<>();
        for (Normalizer.Normalized n : Normalizer.tokens(texts)) {
            if (!n.token().isEmpty()) {
                clause.add(new Normalizer.Normalized(n.token(), n.word() + from, n.lastWord() + from));
            }
        }
        boolean affirms = clause.stream().anyMatch(n -> context.assertions()[n.word()] != Assertion.NEGATED);
        if (affirms) {
            clause.replaceAll(n -> context.assertions()[n.word()] == Assertion.NEGATED
                    ? new Normalizer.Normalized(Normalizer.DENIED + n.token(), n.word(), n.lastWord()) : n);
        }
        // the history of a procedure or device is its status: "history of renal transplant" is "kidney transplant status"
        clause.stream().filter(n -> context.assertions()[n.word()] == Assertion.HISTORY).findFirst()
                .ifPresent(n -> clause.add(new Normalizer.Normalized("status", n.word(), n.word())));
        GuidelineDefaults.apply(clause);
        return clause;
    }

    private void readSpots(SourceNote note, List<Word> words, List<Normalizer.Normalized> clause, List<Spot> spots,
                           ContextScanner.Context context, List<Section.Start> sections, CareSetting setting,
                           List<Found> found, Set<Found> exposures) {
        for (Spot spot : spots) {
            int firstWord = spot.first().word();
            Section section = Section.at(sections, words.get(firstWord).start());
            if (section == Section.ORDERS) {
                continue;
            }
            // what the note asserts of the phrase's head, its last word ("acute bronchitis" after a clause that
            // negated "acute distress"), which is where a merged clause's condition stands; of the words the code
            // needs, not of its optional ones: "migraine without aura" is a migraine, its "aura" rightly
            // negated, which is what a code's "without ..." words are
            int headWord = spot.support().stream().filter(n -> !spot.concept().optional().contains(n.token()))
                    .mapToInt(Normalizer.Normalized::lastWord).max().orElse(firstWord);
            Assertion assertion = inSection(context.assertions()[headWord], section);
            Concept concept = spot.concept();
            boolean historyCode = HistoryCodes.isPersonalHistory(concept) || HistoryCodes.isFamilyHistory(concept);
            double confidence = (spot.complete() || historyCode ? 0.95 : spot.safe() ? 0.8 : 0.65) - 0.02 * spot.defaultsMissing();
            Optional<Concept> coded = Optional.of(concept);
            boolean unconfirmed = false;
            if (!historyCode) {
                switch (assertion) {
                    case NEGATED -> coded = Optional.empty();
                    case UNCERTAIN -> {
                        // signs and symptoms are observed, not uncertain: they are what an outpatient is coded for
                        if (!concept.code().code().startsWith("R")) {
                            coded = setting == CareSetting.INPATIENT
                                    && !GuidelineDefaults.onlyWhenConfirmed(concept.code().code()) ? coded : Optional.empty();
                            confidence *= 0.8;
                            Optional<Concept> exposure = GuidelineDefaults.exposureWhenUnconfirmed(concept.code().code())
                                    .map(dictionary::code).map(ConceptDictionary::concept);
                            if (exposure.isPresent()) {
                                coded = exposure;
                                unconfirmed = true;
                            }
                        }
                    }
                    case HISTORY -> {
                        // a status code (Z89-Z99: "tubal ligation status", "kidney transplant status") is itself
                        // the code for the history of a procedure or device
                        coded = isStatus(concept) ? coded
                                : concept.code().code().startsWith("R") || concept.code().code().startsWith("Z")
                                ? Optional.empty() : history.personal(spot, clause);
                        confidence *= 0.9;
                    }
                    case FAMILY -> {
                        coded = concept.code().code().startsWith("R") || concept.code().code().startsWith("Z")
                                ? Optional.empty() : history.family(spot, clause);
                        confidence *= 0.9;
                    }
                    case AFFIRMED -> {
                    }
                }
            } else if (assertion == Assertion.NEGATED) {
                coded = Optional.empty();
            }
            if (coded.isEmpty()) {
                continue;
            }
            int start = Integer.MAX_VALUE;
            int end = 0;
            Set<String> tokens = new HashSet<>();
            for (Normalizer.Normalized n : spot.support()) {
                start = Math.min(start, words.get(n.word()).start());
                end = Math.max(end, words.get(n.lastWord()).end());
                tokens.add(n.token());
            }
            boolean definitive = assertion == Assertion.AFFIRMED && !concept.code().code().startsWith("R")
                    && !concept.code().code().startsWith("Z");
            Found f = new Found(coded.get(), note, start, end, Math.min(1.0, confidence * section.weight()), tokens,
                    definitive);
            found.add(f);
            if (unconfirmed) {
                exposures.add(f);
            }
        }
    }

    /** A family or past history section puts what it lists in that context, unless a note negates it. */
    private static Assertion inSection(Assertion assertion, Section section) {
        if (section == Section.FAMILY_HISTORY && assertion != Assertion.NEGATED) {
            return Assertion.FAMILY;
        }
        if (section == Section.PAST_HISTORY && (assertion == Assertion.AFFIRMED || assertion == Assertion.UNCERTAIN)) {
            return Assertion.HISTORY;
        }
        return assertion;
    }

    /**
     * Whether two codes stand on the same words of the same note: "chronic pain, chronic low back pain" names
     * two conditions, "chronic low back pain" one.
     */
    private static boolean overlap(Found a, Found b) {
        return a.note() == b.note() && a.start() < b.end() && b.start() < a.end();
    }

    /** Drops a code whose supporting words another code found on the same words also has, and more. */
    private static List<Found> mostSpecific(List<Found> found) {
        List<Found> kept = new ArrayList<>();
        for (Found f : found) {
            boolean subsumed = false;
            for (Found other : found) {
                if (other != f && other.tokens().size() > f.tokens().size() && other.tokens().containsAll(f.tokens())
                        && sameKind(f, other) && overlap(f, other)) {
                    subsumed = true;
                    break;
                }
            }
            if (!subsumed) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static boolean isStatus(Concept c) {
        String code = c.code().code();
        return code.compareTo("Z89") >= 0 && code.compareTo("Z99~") <= 0;
    }

    private static boolean isInjury(Concept c) {
        char chapter = c.code().code().charAt(0);
        return chapter == 'S' || chapter == 'T';
    }

    private static boolean isExternalCause(Concept c) {
        char chapter = c.code().code().charAt(0);
        return chapter >= 'V' && chapter <= 'Y';
    }

    private static boolean sameKind(Found a, Found b) {
        boolean aHistory = a.concept().code().code().startsWith("Z8");
        boolean bHistory = b.concept().code().code().startsWith("Z8");
        return aHistory == bHistory;
    }
}
