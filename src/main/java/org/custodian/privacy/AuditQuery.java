package org.custodian.privacy;

import java.time.Instant;
import java.util.UUID;

/** A filtered, sorted page of the audit trail. Every filter is optional. */
public record AuditQuery(String username, UUID patientId, AuditAction action, Instant from, Instant to,
                         SortColumn sort, boolean ascending, int page, int size) {
    public static final int MAX_PAGE_SIZE = 500;

    public AuditQuery {
        username = username == null || username.isBlank() ? null : username.strip();
        if (username != null && username.length() > 200) {
            throw new IllegalArgumentException("user filter is longer than 200 characters");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the 'to' time is before the 'from' time");
        }
        sort = sort == null ? SortColumn.TIME : sort;
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, MAX_PAGE_SIZE);
    }

    /** The columns a report can be sorted by; each names its own SQL, so no user text reaches ORDER BY. */
    public enum SortColumn {
        SEQ("seq"), TIME("occurred_at"), USER("username"), ACTION("action"), OUTCOME("outcome"),
        PATIENT("patient_id"), RESOURCE("resource_type");

        final String column;

        SortColumn(String column) {
            this.column = column;
        }
    }
}
