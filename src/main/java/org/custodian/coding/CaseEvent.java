package org.custodian.coding;

import java.time.Instant;

/** One change in a case's history: status moved (or stayed) and what changed with it. */
public record CaseEvent(Instant occurredAt, String actor, CodingStatus from, CodingStatus to, String detail) {
}
