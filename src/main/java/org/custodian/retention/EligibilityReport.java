package org.custodian.retention;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Records of one type at one facility past retention on {@code asOf}: the destroyable ones and
 * those a legal hold keeps, with counts; {@code schedule} is null when no schedule applies (then
 * nothing is ever past retention).
 */
public record EligibilityReport(RecordType type, UUID facilityId, LocalDate asOf, RetentionSchedule schedule,
                                List<Assessment> eligible, List<Assessment> held, int minorsAmongEligible) {
    public EligibilityReport {
        eligible = List.copyOf(eligible);
        held = List.copyOf(held);
    }

    public int eligibleCount() {
        return eligible.size();
    }

    public int heldCount() {
        return held.size();
    }

    /** Eligible records not yet in a proposed destruction batch. */
    public List<Assessment> proposable() {
        return eligible.stream().filter(a -> a.proposedIn().isEmpty()).toList();
    }
}
