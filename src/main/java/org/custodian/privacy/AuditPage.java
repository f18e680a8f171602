package org.custodian.privacy;

import java.util.List;

public record AuditPage(List<AuditEvent> events, int page, int size, long total) {
    public AuditPage {
        events = List.copyOf(events);
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
