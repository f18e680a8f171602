package org.custodian.interop.hl7v2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Reads MLLP frames (0x0B message 0x1C 0x0D) from a stream. Bytes outside a frame, a frame cut
 * off by the connection closing and a frame over the size limit each come back as a frame with
 * its problem set, so they are stored and answered rather than silently dropped.
 */
final class MllpFrameReader {
    static final int START = 0x0B;
    static final int END = 0x1C;
    static final int CR = 0x0D;

    private final PushbackInputStream in;
    private final int maxBytes;
    private final String remote;

    MllpFrameReader(InputStream in, int maxBytes, String remote) {
        this.in = new PushbackInputStream(in, 1);
        this.maxBytes = maxBytes;
        this.remote = remote;
    }

    /** The next frame, or null at the end of the stream with nothing pending. */
    RawMessage next() throws IOException {
        ByteArrayOutputStream outside = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != START) {
            if (b == -1) {
                return outside.size() == 0 ? null : problem(outside.toByteArray(), outside.size(), ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                        "bytes outside an MLLP frame (no 0x0B start block) before the connection closed");
            }
            if (outside.size() < maxBytes) {
                outside.write(b);
            }
            // A burst of bytes without a start block (someone sending raw text or garbage) is
            // answered once the sender pauses, so the connection does not hang.
            if (in.available() == 0 && !isWhitespace(outside)) {
                return problem(outside.toByteArray(), outside.size(), ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                        "bytes outside an MLLP frame: a message must start with 0x0B and end with 0x1C 0x0D");
            }
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream(1024);
        int size = 0;
        while (true) {
            b = in.read();
            if (b == -1) {
                return problem(frame.toByteArray(), size, ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                        "truncated MLLP frame: the connection closed after " + size + " bytes, before the 0x1C 0x0D end block");
            }
            if (b == END) {
                int next = in.read();
                if (next != CR && next != -1) {
                    in.unread(next); // tolerated: a sender that ends frames with 0x1C alone
                }
                break;
            }
            if (size < maxBytes) {
                frame.write(b);
            }
            size++;
        }
        if (size > maxBytes) {
            return problem(frame.toByteArray(), size, ErrorCode.UNSUPPORTED_MESSAGE_TYPE, "message of " + size
                    + " bytes exceeds the limit of " + maxBytes + " bytes; only its first " + maxBytes + " bytes are kept");
        }
        return RawMessage.of(frame.toByteArray(), remote);
    }

    private RawMessage problem(byte[] bytes, int size, ErrorCode code, String message) {
        return new RawMessage(bytes, size, java.time.Instant.now(), remote,
                new Hl7Outcome.Rejected(code, Location.MESSAGE, message));
    }

    private static boolean isWhitespace(ByteArrayOutputStream bytes) {
        for (byte x : bytes.toByteArray()) {
            if (x != '\r' && x != '\n' && x != ' ' && x != '\t') {
                return false;
            }
        }
        return true;
    }
}
