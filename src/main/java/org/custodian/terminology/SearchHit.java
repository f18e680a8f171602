package org.custodian.terminology;

import java.util.Comparator;
import java.util.Objects;

/** One search result: the code, the release it comes from and how it matched. */
public record SearchHit(MedicalCode code, Release release, MatchKind match) {
    private static final Comparator<SearchHit> BY_WORDS = Comparator.comparing((SearchHit h) -> !h.code().billable())
            .thenComparingInt(h -> h.code().longDescription().length())
            .thenComparing(h -> h.code().code());

    /**
     * Best first: match kind; codes under a typed prefix in code (tabular) order; word matches billable
     * before headers, then shorter descriptions, then code.
     */
    static final Comparator<SearchHit> RANKING = Comparator.comparing(SearchHit::match)
            .thenComparing((a, b) -> a.match() == MatchKind.CODE_PREFIX ? a.code().code().compareTo(b.code().code())
                    : BY_WORDS.compare(a, b));

    public SearchHit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(match, "match");
    }

    public double score() {
        return match.score();
    }
}
