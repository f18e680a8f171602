package org.custodian.coding;

import java.util.Objects;
import java.util.UUID;
import org.custodian.record.EncounterClass;

/**
 * Which queue entries to show and in what order. Null parts do not filter; {@code payer} "none" means
 * entries with no payer recorded; ages are whole days since discharge.
 */
public record QueueFilter(UUID facilityId, EncounterClass encounterClass, String payer, CodingStatus status,
                          String assignee, Integer minAgeDays, Integer maxAgeDays, Sort sort, int limit) {
    public static final String NO_PAYER = "none";
    public static final int MAX_LIMIT = 500;

    /** Orders a coder works by: oldest discharge first is the default (DNFB pressure). */
    public enum Sort {
        OLDEST("Oldest discharge first"), NEWEST("Newest discharge first"), FACILITY("Facility"),
        CLASS("Encounter class"), PAYER("Payer");

        private final String label;

        Sort(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public QueueFilter {
        Objects.requireNonNull(sort, "sort");
        if (minAgeDays != null && minAgeDays < 0) {
            throw new IllegalArgumentException("minimum age must be 0 days or more, not " + minAgeDays);
        }
        if (maxAgeDays != null && maxAgeDays < 0) {
            throw new IllegalArgumentException("maximum age must be 0 days or more, not " + maxAgeDays);
        }
        if (minAgeDays != null && maxAgeDays != null && minAgeDays > maxAgeDays) {
            throw new IllegalArgumentException("minimum age " + minAgeDays + " days is above the maximum " + maxAgeDays);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        payer = payer == null || payer.isBlank() ? null : payer.trim();
        assignee = assignee == null || assignee.isBlank() ? null : assignee.trim();
    }

    /** Everything still to be coded (not coded or audited), oldest first. */
    public static QueueFilter open() {
        return new QueueFilter(null, null, null, null, null, null, null, Sort.OLDEST, 100);
    }
}
