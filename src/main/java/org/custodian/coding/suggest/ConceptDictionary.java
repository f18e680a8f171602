package org.custodian.coding.suggest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.terminology.CodeSystem;
import org.custodian.terminology.CodeTerm;
import org.custodian.terminology.MedicalCode;

/**
 * The billable ICD-10-CM codes of one release as {@link Concept}s, indexed by token: under its
 * rarest required token (to find every concept a clause fully names) and under every required token
 * (to find the nearest concept when a clause names one only in part).
 */
public final class ConceptDictionary {
    /** Qualifiers ICD-10-CM spells out for the default case, which notes usually leave unsaid. */
    static final Set<String> DEFAULT_QUALIFIERS = Set.of("essential", "primary", "unilateral", "initial", "encounter",
            "closed", "mellitus", "organism", "site", "uncomplicated", "episode", "care", "routine", "supervision",
            // unknown or unstated intent of a poisoning or injury is coded as accidental (I.C.19.e.5.b, I.C.20.g)
            "accidental", "unintentional");

    private final Map<String, MedicalCode> byCode = new HashMap<>();
    private final Map<String, List<Concept>> byRarestToken = new HashMap<>();
    private final Map<String, List<Concept>> byToken = new HashMap<>();

    public ConceptDictionary(Collection<MedicalCode> codes) {
        this(codes, List.of());
    }

    /**
     * The codes under their titles and, for billable codes of this release, under the tabular's other
     * names for them ({@code terms}: "Gingivitis NOS" is K05.10, the code a coder assigns for plain
     * "gingivitis"), which carry the tabular's defaults the titles alone cannot.
     */
    public ConceptDictionary(Collection<MedicalCode> codes, Collection<CodeTerm> terms) {
        Set<Concept> concepts = new LinkedHashSet<>();
        for (MedicalCode code : codes) {
            if (code.system() != CodeSystem.ICD10CM) {
                continue;
            }
            byCode.put(code.code(), code);
            if (code.billable()) {
                Concept concept = concept(code);
                if (!concept.required().isEmpty()) {
                    concepts.add(concept);
                }
            }
        }
        for (MedicalCode heading : byCode.values()) {
            if (!heading.billable()) {
                MedicalCode unspecified = unspecifiedCodeOf(heading.code());
                if (unspecified != null) {
                    Concept concept = concept(unspecified, heading.longDescription(), true);
                    if (concept.required().stream().anyMatch(t -> !ConceptSpotter.QUALIFIERS.contains(t))) {
                        concepts.add(concept);
                    }
                }
            }
        }
        for (CodeTerm term : terms) {
            MedicalCode code = byCode.get(term.code());
            if (code != null && code.billable()) {
                Concept concept = concept(code, term.term());
                // a term must name something beyond qualifiers ("disease (...)" alone names nothing)
                if (concept.required().stream().anyMatch(t -> !ConceptSpotter.QUALIFIERS.contains(t))) {
                    concepts.add(concept);
                }
            }
        }
        for (Concept c : concepts) {
            for (String t : c.required()) {
                byToken.computeIfAbsent(t, k -> new ArrayList<>()).add(c);
            }
        }
        for (Concept c : concepts) {
            String rarest = null;
            for (String t : c.required()) {
                if (rarest == null || byToken.get(t).size() < byToken.get(rarest).size()) {
                    rarest = t;
                }
            }
            byRarestToken.computeIfAbsent(rarest, k -> new ArrayList<>()).add(c);
        }
    }

    /**
     * The code a category or subcategory defaults to when a note names only the category (the index's
     * default, ICD-10-CM convention I.A.9): the billable code under it that extends it with nothing but
     * 9s and 0s (K06 → K06.9, Z59.0 → Z59.00, K08.1 → K08.109) and whose title says "unspecified". None
     * when the category has no such code (E11's default, E11.9, is named by its own title).
     */
    private MedicalCode unspecifiedCodeOf(String heading) {
        for (int length = 1; length <= 3 && heading.length() + length <= 7; length++) {
            for (int bits = 0; bits < 1 << length; bits++) {
                StringBuilder suffix = new StringBuilder();
                for (int k = length - 1; k >= 0; k--) {
                    // 9 before 0 at each place: "unspecified" is mostly 9, sometimes 0 (Z59.00)
                    suffix.append((bits >> k & 1) == 0 ? '9' : '0');
                }
                MedicalCode code = byCode.get(heading + suffix);
                if (code != null && code.billable() && code.longDescription().toLowerCase().contains("unspecified")) {
                    return code;
                }
            }
        }
        return null;
    }

    public int size() {
        return byCode.size();
    }

    MedicalCode code(String normalizedCode) {
        return byCode.get(normalizedCode);
    }

    List<Concept> keyedBy(String token) {
        return byRarestToken.getOrDefault(token, List.of());
    }

    List<Concept> containing(String token) {
        return byToken.getOrDefault(token, List.of());
    }

    static Concept concept(MedicalCode code) {
        return concept(code, code.longDescription());
    }

    /** A code as named by {@code d}, its title or one of the tabular's terms for it. */
    static Concept concept(MedicalCode code, String d) {
        return concept(code, d, false);
    }

    /**
     * {@code heading}: {@code d} is the title of the category {@code code} defaults to. A heading "X of A and
     * B" ("Disorders of gingiva and edentulous alveolar ridge") groups alternatives: naming A is enough.
     */
    static Concept concept(MedicalCode code, String d, boolean heading) {
        Set<String> main = new LinkedHashSet<>();
        Set<String> optional = new LinkedHashSet<>();
        StringBuilder outside = new StringBuilder();
        int depth = 0;
        StringBuilder inside = new StringBuilder();
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
                inside.append(' ');
            } else if (depth > 0) {
                inside.append(c);
            } else {
                outside.append(c);
            }
        }
        optional.addAll(tokens(wordsOf(inside.toString())));
        String[] segments = outside.toString().split(",");
        for (int s = 0; s < segments.length; s++) {
            List<String> words = wordsOf(segments[s]);
            List<String> kept = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            List<String> denied = new ArrayList<>();
            boolean denying = false;
            // ", unspecified organism", ", unspecified site": a trailing qualifier saying nothing was specified
            boolean rest = s > 0 && !words.isEmpty() && words.getFirst().equals("unspecified");
            boolean of = false;
            for (String w : words) {
                denying |= w.equals("without") || w.equals("not");
                rest |= heading && of && w.equals("and");
                of |= w.equals("of");
                // "Other disorders of gingiva": the category is the rest of its block, its default still the default
                if (denying) {
                    denied.add(w);
                    // "Laceration without foreign body of lip": the open-wound qualifier is a fixed pair; the site
                    // after it belongs to the wound and is required, not denied
                    denying = !endsWithForeignBody(denied);
                } else if (rest || w.equals("unspecified") || heading && w.equals("other")) {
                    dropped.add(w);
                } else {
                    kept.add(w);
                }
            }
            main.addAll(tokens(kept));
            optional.addAll(tokens(dropped));
            // "without aura", "not intractable": met only by what a note denies in a phrase it affirms
            for (String t : tokens(denied)) {
                if (!t.equals("without") && !t.equals("not") && !t.equals("unspecified")) {
                    optional.add(Normalizer.DENIED + t);
                }
            }
        }
        Set<String> required = new LinkedHashSet<>();
        Set<String> defaults = new LinkedHashSet<>();
        for (String t : main) {
            (DEFAULT_QUALIFIERS.contains(t) ? defaults : required).add(t);
        }
        optional.removeAll(main);
        optional.remove("without");
        optional.remove("not");
        optional.remove("unspecified");
        optional.remove("and");
        return new Concept(code, Set.copyOf(required), Set.copyOf(defaults), Set.copyOf(optional), heading);
    }

    private static boolean endsWithForeignBody(List<String> denied) {
        int n = denied.size();
        return n >= 3 && denied.get(n - 1).equals("body") && denied.get(n - 2).equals("foreign");
    }

    private static List<String> wordsOf(String text) {
        return Words.of(text).stream().map(Word::text).toList();
    }

    private static List<String> tokens(List<String> words) {
        return Normalizer.tokens(words).stream().map(Normalizer.Normalized::token).toList();
    }
}
