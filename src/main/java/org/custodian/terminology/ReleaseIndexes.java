package org.custodian.terminology;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The loaded releases and, built on first use, the codes of each (for validation) and the search index
 * of each (for searching, built from the same codes); all are dropped when a release is loaded so the
 * next call sees it. A search arriving while its index is built waits for it.
 */
@Component
class ReleaseIndexes {
    private final ReleaseRepository repository;
    private final Map<Long, ReleaseCodes> codes = new ConcurrentHashMap<>();
    private final Map<Long, SearchIndex> indexes = new ConcurrentHashMap<>();
    private volatile List<Release> releases;

    ReleaseIndexes(ReleaseRepository repository) {
        this.repository = repository;
    }

    List<Release> releases() {
        List<Release> known = releases;
        if (known == null) {
            known = repository.releases();
            releases = known;
        }
        return known;
    }

    void invalidate() {
        releases = null;
        codes.clear();
        indexes.clear();
    }

    ReleaseCodes codes(Release release) {
        return codes.computeIfAbsent(release.id(), id -> new ReleaseCodes(repository.codes(release)));
    }

    SearchIndex index(Release release) {
        return indexes.computeIfAbsent(release.id(), id -> new SearchIndex(release, codes(release).all()));
    }

    /** Whether the search index of the release has been built (validation alone never builds it). */
    boolean indexed(Release release) {
        return indexes.containsKey(release.id());
    }

    /** The release in force on a date: of those covering it, the one that started last (an April update wins). */
    Optional<Release> inForce(CodeSystem system, LocalDate date) {
        return releases().stream().filter(r -> r.system() == system && r.covers(date))
                .max(Comparator.comparing(Release::effectiveFrom));
    }

    Optional<Release> latest(CodeSystem system) {
        return releases().stream().filter(r -> r.system() == system).max(Comparator.comparing(Release::effectiveFrom));
    }

    /** The release to use for a date, or the latest when there is no date. */
    Optional<Release> release(CodeSystem system, Optional<LocalDate> date) {
        return date.isPresent() ? inForce(system, date.get()) : latest(system);
    }
}
