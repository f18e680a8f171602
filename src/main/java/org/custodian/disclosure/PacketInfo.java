package org.custodian.disclosure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A packet in a request's history, without its bytes. */
public record PacketInfo(UUID id, int pages, BigDecimal fee, String sha256, Instant producedAt, String producedBy) {
}
