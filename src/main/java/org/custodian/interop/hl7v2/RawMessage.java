package org.custodian.interop.hl7v2;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One frame's bytes as they arrived. {@code problem} is set when the frame itself was bad
 * (truncated, oversized, outside MLLP framing); such a message is stored and rejected unread.
 */
record RawMessage(byte[] bytes, int sizeBytes, Instant receivedAt, String remoteAddress, Hl7Outcome.Rejected problem) {
    RawMessage {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(receivedAt, "receivedAt");
        remoteAddress = remoteAddress == null ? "unknown" : remoteAddress;
    }

    static RawMessage of(byte[] bytes, String remoteAddress) {
        return new RawMessage(bytes, bytes.length, Instant.now(), remoteAddress, null);
    }

    /**
     * The text: UTF-8 when the bytes are valid UTF-8, else ISO-8859-1 (which reads any byte). Line
     * feeds some systems send as segment terminators become carriage returns.
     */
    String text() {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return text.replace("\r\n", "\r").replace('\n', '\r');
    }
}
