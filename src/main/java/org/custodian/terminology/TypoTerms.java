package org.custodian.terminology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the terms one typo away from a word (symmetric deletion: two words are one edit apart only if
 * deleting at most one character from each makes them equal). The deletion table is built on first need.
 */
final class TypoTerms {
    private final String[] terms;
    private volatile Map<String, int[]> byDeletion;

    TypoTerms(String[] sortedTerms) {
        this.terms = sortedTerms;
    }

    /** Numbers of the terms one edit from {@code word}, leaving out those in [from, to) (its prefix matches). */
    int[] near(String word, int from, int to) {
        Map<String, int[]> table = table();
        List<Integer> found = new ArrayList<>();
        add(table.get(word), word, from, to, found);
        for (String d : Words.deletions(word)) {
            int t = Arrays.binarySearch(terms, d);
            if (t >= 0 && (t < from || t >= to) && !found.contains(t)) {
                found.add(t);
            }
            add(table.get(d), word, from, to, found);
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private void add(int[] candidates, String word, int from, int to, List<Integer> found) {
        if (candidates == null) {
            return;
        }
        for (int t : candidates) {
            if ((t < from || t >= to) && !found.contains(t) && Words.oneEditApart(word, terms[t])) {
                found.add(t);
            }
        }
    }

    private Map<String, int[]> table() {
        Map<String, int[]> built = byDeletion;
        if (built == null) {
            synchronized (this) {
                if (byDeletion == null) {
                    Map<String, List<Integer>> deletions = new HashMap<>();
                    for (int t = 0; t < terms.length; t++) {
                        if (terms[t].length() >= 4) {
                            for (String d : Words.deletions(terms[t])) {
                                deletions.computeIfAbsent(d, k -> new ArrayList<>(2)).add(t);
                            }
                        }
                    }
                    Map<String, int[]> map = HashMap.newHashMap(deletions.size());
                    deletions.forEach((d, ts) -> map.put(d, ts.stream().mapToInt(Integer::intValue).toArray()));
                    byDeletion = map;
                }
                built = byDeletion;
            }
        }
        return built;
    }
}
