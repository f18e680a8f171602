package org.custodian.disclosure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A disclosure packet as produced: the PDF, its page count, the fee and a digest to prove what was sent. */
public record Packet(UUID id, byte[] pdf, int pages, BigDecimal fee, String sha256, Instant producedAt) {
}
