package org.custodian.coding;

import java.util.List;

/** Entries of the queue that match a filter (up to its limit) and how many match in all. */
public record QueuePage(List<QueueEntry> entries, int total, List<String> payers) {
    public QueuePage {
        entries = List.copyOf(entries);
        payers = List.copyOf(payers);
    }
}
