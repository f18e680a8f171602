package org.custodian.interop.hl7v2;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.springframework.stereotype.Component;

/**
 * Facilities by code for a feed that names the same few facilities in every message: a known code
 * is looked up once per {@link #FRESH} rather than once per message. Unknown codes are not
 * remembered, so a facility registered after a rejection is found by the next message at once.
 */
@Component
class FacilityCodes {
    static final Duration FRESH = Duration.ofSeconds(10);

    private record Known(Facility facility, long until) {
    }

    private final FacilityRepository facilities;
    private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();

    FacilityCodes(FacilityRepository facilities) {
        this.facilities = facilities;
    }

    Optional<Facility> byCode(String code) {
        long now = System.nanoTime();
        Known cached = known.get(code);
        if (cached != null && now - cached.until() < 0) {
            return Optional.of(cached.facility());
        }
        Optional<Facility> found = facilities.byCode(code);
        if (found.isPresent()) {
            if (known.size() > 10_000) {
                known.clear(); // a feed naming ever new codes must not grow this without bound
            }
            known.put(code, new Known(found.get(), now + FRESH.toNanos()));
        } else {
            known.remove(code);
        }
        return found;
    }
}
