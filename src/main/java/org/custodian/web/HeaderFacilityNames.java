package org.custodian.web;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.springframework.stereotype.Component;

/**
 * The names of a user's facilities for the page header, which every full page shows. Facility names
 * are no PHI and rarely change, so they are kept for 10 seconds per set of facilities instead of
 * being read on every page; a renamed facility shows its new name in the header at most that late.
 */
@Component
class HeaderFacilityNames {
    static final Duration FRESH = Duration.ofSeconds(10);

    private record Known(List<String> names, long until) {
    }

    private final FacilityRepository facilities;
    private final ConcurrentHashMap<Set<UUID>, Known> known = new ConcurrentHashMap<>();

    HeaderFacilityNames(FacilityRepository facilities) {
        this.facilities = facilities;
    }

    List<String> of(Set<UUID> facilityIds) {
        long now = System.nanoTime();
        Known cached = known.get(facilityIds);
        if (cached != null && now - cached.until() < 0) {
            return cached.names();
        }
        List<String> names = facilities.byIds(facilityIds).stream().map(Facility::name).toList();
        if (known.size() > 10_000) {
            known.clear(); // as many sets as users at most; never grow without bound
        }
        known.put(Set.copyOf(facilityIds), new Known(names, now + FRESH.toNanos()));
        return names;
    }
}
