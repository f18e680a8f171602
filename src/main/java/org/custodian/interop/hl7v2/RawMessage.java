package org.custodian.interop.hl7v2;

import java.time.Instant;
import java.util.Objects;

/**
 * One frame's bytes as they arrived. {@code problem} is set when the frame itself was bad
 * (truncated, oversized, outside MLLP framing) or its bytes cannot be read in the character set
 * MSH-18 declares; such a message is stored and rejected unread.
 */
record RawMessage(byte[] bytes, int sizeBytes, Instant receivedAt, String remoteAddress, Hl7Outcome.Rejected problem) {
    RawMessage {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(receivedAt, "receivedAt");
        remoteAddress = remoteAddress == null ? "unknown" : remoteAddress;
        problem = problem != null ? problem : MessageCharset.problem(bytes);
    }

    static RawMessage of(byte[] bytes, String remoteAddress) {
        return new RawMessage(bytes, bytes.length, Instant.now(), remoteAddress, null);
    }

    /**
     * The text in the character set MSH-18 declares (see {@link MessageCharset#decode}). Line feeds
     * some systems send as segment terminators become carriage returns.
     */
    String text() {
        return MessageCharset.decode(bytes).replace("\r\n", "\r").replace('\n', '\r');
    }
}
