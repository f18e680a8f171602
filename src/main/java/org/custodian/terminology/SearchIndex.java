package org.custodian.terminology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The codes of one release in memory for search and lookup. Entries are numbered in ranking order
 * (billable first, shorter descriptions first, then code), so a word hit's key is simply (match kind,
 * number) and the best hits are the smallest keys; code-prefix hits are keyed by code order instead. Words map to term numbers in alphabetical order, so all
 * words starting with a prefix are one range of term numbers.
 */
final class SearchIndex {
    private static final Pattern CODE_LIKE = Pattern.compile("[A-Z0-9]{1,7}");
    static final Comparator<MedicalCode> RANK = Comparator.comparing((MedicalCode c) -> !c.billable())
            .thenComparingInt(c -> c.longDescription().length()).thenComparing(MedicalCode::code);

    private final Release release;
    private final MedicalCode[] entries;
    private final boolean[] searchable;
    private final Map<String, Integer> byCode;
    private final String[] sortedCodes;
    private final int[] sortedCodeIds;
    private final String[] terms;
    private final int[][] postings;
    private final long[] postingsBefore;
    private final int[][] entryTerms;
    private final TypoTerms typos;

    SearchIndex(Release release, List<MedicalCode> codes) {
        this.release = release;
        entries = codes.toArray(MedicalCode[]::new);
        Arrays.sort(entries, RANK);
        int n = entries.length;
        searchable = new boolean[n];
        byCode = HashMap.newHashMap(n);
        Map<String, Integer> firstSeen = new HashMap<>();
        List<int[]> growing = new ArrayList<>();
        List<Integer> growingSize = new ArrayList<>();
        List<String> discovered = new ArrayList<>();
        int[][] rawTerms = new int[n][];
        for (int id = 0; id < n; id++) {
            MedicalCode c = entries[id];
            // HCPCS files keep codes terminated before the release; they validate (as expired) but are not offered
            searchable[id] = c.validTo() == null || !c.validTo().isBefore(release.effectiveFrom());
            byCode.put(c.code(), id);
            List<String> words = Words.of(c.longDescription() + " " + c.shortDescription());
            int[] ids = new int[words.size()];
            int count = 0;
            for (String w : words) {
                Integer t = firstSeen.get(w);
                if (t == null) {
                    t = discovered.size();
                    firstSeen.put(w, t);
                    discovered.add(w);
                    growing.add(new int[4]);
                    growingSize.add(0);
                }
                int size = growingSize.get(t);
                int[] list = growing.get(t);
                if (size > 0 && list[size - 1] == id) {
                    continue;
                }
                if (size == list.length) {
                    list = Arrays.copyOf(list, size * 2);
                    growing.set(t, list);
                }
                list[size] = id;
                growingSize.set(t, size + 1);
                ids[count++] = t;
            }
            rawTerms[id] = Arrays.copyOf(ids, count);
        }
        sortedCodes = byCode.keySet().toArray(String[]::new);
        Arrays.sort(sortedCodes);
        sortedCodeIds = new int[n];
        for (int i = 0; i < n; i++) {
            sortedCodeIds[i] = byCode.get(sortedCodes[i]);
        }
        terms = discovered.toArray(String[]::new);
        Arrays.sort(terms);
        int[] sortedId = new int[terms.length];
        postings = new int[terms.length][];
        postingsBefore = new long[terms.length + 1];
        for (int t = 0; t < terms.length; t++) {
            int raw = firstSeen.get(terms[t]);
            sortedId[raw] = t;
            postings[t] = Arrays.copyOf(growing.get(raw), growingSize.get(raw));
            postingsBefore[t + 1] = postingsBefore[t] + postings[t].length;
        }
        entryTerms = new int[n][];
        for (int id = 0; id < n; id++) {
            int[] mapped = rawTerms[id];
            for (int k = 0; k < mapped.length; k++) {
                mapped[k] = sortedId[mapped[k]];
            }
            entryTerms[id] = mapped;
        }
        typos = new TypoTerms(terms);
    }

    Release release() {
        return release;
    }

    MedicalCode find(String normalizedCode) {
        Integer id = byCode.get(normalizedCode);
        return id == null ? null : entries[id];
    }

    /** Billable codes under a header, in code order (at most {@code max}). */
    List<MedicalCode> billableUnder(String header, int max) {
        List<MedicalCode> out = new ArrayList<>();
        for (int i = firstAtOrAfter(header); i < sortedCodes.length && sortedCodes[i].startsWith(header) && out.size() < max; i++) {
            MedicalCode c = entries[sortedCodeIds[i]];
            if (c.billable() && !c.code().equals(header)) {
                out.add(c);
            }
        }
        return out;
    }

    List<SearchHit> search(String text, LocalDate date, int limit) {
        TopKeys top = new TopKeys(limit);
        long[] seen = new long[(entries.length + 63) / 64];
        String compact = CodeSystem.normalize(text);
        // a dot is ICD-10-CM notation: other systems' codes have none
        boolean codeLike = (release.system() == CodeSystem.ICD10CM || text.indexOf('.') < 0)
                && CODE_LIKE.matcher(compact).matches()
                && (compact.chars().anyMatch(Character::isDigit) || compact.length() <= 2);
        if (codeLike) {
            // codes under a prefix come in tabular (code) order, as in the code book: the first few are the best
            int offered = 0;
            for (int i = firstAtOrAfter(compact); i < sortedCodes.length && sortedCodes[i].startsWith(compact)
                    && offered < limit; i++) {
                int id = sortedCodeIds[i];
                boolean exact = sortedCodes[i].length() == compact.length();
                if (accepts(id, date)) {
                    seen[id >>> 6] |= 1L << id;
                    top.offer(((long) (exact ? MatchKind.EXACT_CODE : MatchKind.CODE_PREFIX).ordinal() << 32) | (exact ? id : i));
                    offered++;
                }
            }
        }
        List<String> words = Words.query(text);
        if (!words.isEmpty()) {
            searchWords(words, seen, top, date);
        }
        List<SearchHit> hits = new ArrayList<>();
        for (long key : top.sorted()) {
            MatchKind kind = MatchKind.values()[(int) (key >>> 32)];
            int low = (int) key;
            hits.add(new SearchHit(entries[kind == MatchKind.CODE_PREFIX ? sortedCodeIds[low] : low], release, kind));
        }
        return hits;
    }

    private void searchWords(List<String> words, long[] seen, TopKeys top, LocalDate date) {
        int k = words.size();
        int[] from = new int[k];
        int[] to = new int[k];
        int[][] fuzzy = new int[k][];
        int seed = 0;
        long seedSize = Long.MAX_VALUE;
        for (int w = 0; w < k; w++) {
            String word = words.get(w);
            from[w] = Arrays.binarySearch(terms, word);
            from[w] = from[w] >= 0 ? from[w] : -from[w] - 1;
            to[w] = from[w];
            while (to[w] < terms.length && terms[to[w]].startsWith(word)) {
                to[w]++;
            }
            fuzzy[w] = word.length() >= 5 ? typos.near(word, from[w], to[w]) : new int[0];
            long size = postingsBefore[to[w]] - postingsBefore[from[w]];
            for (int t : fuzzy[w]) {
                size += postings[t].length;
            }
            if (size < seedSize) {
                seedSize = size;
                seed = w;
            }
        }
        if (seedSize == 0) {
            return;
        }
        // Entries are numbered best first and postings are in number order: once the top is full, a list
        // stops at the first entry that could not beat the worst hit kept even as an all-words match.
        long allWords = (long) MatchKind.ALL_WORDS.ordinal() << 32;
        for (int t = from[seed]; t < to[seed]; t++) {
            walk(postings[t], allWords, seen, from, to, fuzzy, top, date);
        }
        for (int t : fuzzy[seed]) {
            walk(postings[t], allWords, seen, from, to, fuzzy, top, date);
        }
    }

    private void walk(int[] list, long allWords, long[] seen, int[] from, int[] to, int[][] fuzzy, TopKeys top,
                      LocalDate date) {
        for (int id : list) {
            if (top.full() && (allWords | id) > top.worst()) {
                return;
            }
            consider(id, seen, from, to, fuzzy, top, date);
        }
    }

    /** Offers the entry if it matches every word. */
    private void consider(int id, long[] seen, int[] from, int[] to, int[][] fuzzy, TopKeys top, LocalDate date) {
        if ((seen[id >>> 6] & (1L << id)) != 0) {
            return;
        }
        seen[id >>> 6] |= 1L << id;
        boolean typo = false;
        for (int w = 0; w < from.length; w++) {
            int match = wordMatch(entryTerms[id], from[w], to[w], fuzzy[w]);
            if (match == 0) {
                return;
            }
            typo |= match == 2;
        }
        if (accepts(id, date)) {
            top.offer(((long) (typo ? MatchKind.FUZZY_WORDS : MatchKind.ALL_WORDS).ordinal() << 32) | id);
        }
    }

    /** 1 when the entry has a word in the prefix range, 2 when only one a typo away, 0 when none. */
    private static int wordMatch(int[] entryTermIds, int from, int to, int[] fuzzy) {
        int best = 0;
        for (int t : entryTermIds) {
            if (t >= from && t < to) {
                return 1;
            }
            for (int f : fuzzy) {
                if (f == t) {
                    best = 2;
                }
            }
        }
        return best;
    }

    private boolean accepts(int id, LocalDate date) {
        return searchable[id] && (date == null || entries[id].inEffectOn(date));
    }

    private int firstAtOrAfter(String prefix) {
        int i = Arrays.binarySearch(sortedCodes, prefix);
        return i >= 0 ? i : -i - 1;
    }

    /** Every code, in code order. */
    List<MedicalCode> codes() {
        List<MedicalCode> out = new ArrayList<>(sortedCodeIds.length);
        for (int id : sortedCodeIds) {
            out.add(entries[id]);
        }
        return out;
    }

    int size() {
        return entries.length;
    }
}
