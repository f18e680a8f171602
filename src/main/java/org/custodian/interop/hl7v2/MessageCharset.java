package org.custodian.interop.hl7v2;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The character set a message declares in MSH-18 (HL7 table 0211), read from its raw bytes before
 * they are decoded: the MSH segment up to MSH-18 is plain ASCII in every set accepted here. Only
 * the first repetition counts (the others name sets switched to by escape sequences).
 */
final class MessageCharset {
    /** Table 0211 names with a byte encoding whose ASCII range is ASCII, so MSH can be read before decoding. */
    private static final Map<String, String> SUPPORTED = Map.ofEntries(
            Map.entry("ASCII", "US-ASCII"), Map.entry("ISO IR6", "US-ASCII"),
            Map.entry("8859/1", "ISO-8859-1"), Map.entry("8859/2", "ISO-8859-2"), Map.entry("8859/3", "ISO-8859-3"),
            Map.entry("8859/4", "ISO-8859-4"), Map.entry("8859/5", "ISO-8859-5"), Map.entry("8859/6", "ISO-8859-6"),
            Map.entry("8859/7", "ISO-8859-7"), Map.entry("8859/8", "ISO-8859-8"), Map.entry("8859/9", "ISO-8859-9"),
            Map.entry("8859/15", "ISO-8859-15"),
            Map.entry("UNICODE UTF-8", "UTF-8"), Map.entry("UTF-8", "UTF-8"), // the second as some systems send it
            Map.entry("GB 18030-2000", "GB18030"),
            Map.entry("KS X 1001", "EUC-KR"),
            Map.entry("BIG-5", "Big5"));
    private static final int MSH_18 = 18;

    private MessageCharset() {
    }

    /** MSH-18's first repetition as sent, or null when the message declares none (or has no readable MSH). */
    static String declared(byte[] bytes) {
        int start = startsWithUtf8Bom(bytes) ? 3 : 0;
        if (bytes.length < start + 8 || bytes[start] != 'M' || bytes[start + 1] != 'S' || bytes[start + 2] != 'H') {
            return null;
        }
        byte fieldSep = bytes[start + 3];
        byte repSep = bytes[start + 5];
        int field = 1;
        int from = -1;
        for (int i = start + 3; i < bytes.length && bytes[i] != '\r' && bytes[i] != '\n'; i++) {
            if (bytes[i] == fieldSep) {
                if (field == MSH_18) {
                    return value(bytes, from, i, repSep);
                }
                field++;
                from = i + 1;
            }
        }
        return field == MSH_18 ? value(bytes, from, segmentEnd(bytes, from), repSep) : null;
    }

    /** Whether {@code name} is a table 0211 set that messages (and so their ACKs) can be written in. */
    static boolean isSupported(String name) {
        if (name == null) {
            return false;
        }
        String java = SUPPORTED.get(name.toUpperCase(Locale.ROOT));
        return java != null && Charset.isSupported(java);
    }

    /** The Java charset MSH-18 names; null when none is declared. */
    static Charset of(byte[] bytes) {
        String declared = declared(bytes);
        if (declared == null) {
            return null;
        }
        String java = SUPPORTED.get(declared.toUpperCase(Locale.ROOT));
        return java == null || !Charset.isSupported(java) ? null : Charset.forName(java);
    }

    /**
     * Why these bytes cannot be read as the set they declare: an unsupported MSH-18 (AR) or bytes not
     * valid in it (AE); null when they can, or when nothing is declared.
     */
    static Hl7Outcome.Rejected problem(byte[] bytes) {
        String declared = declared(bytes);
        if (declared == null) {
            return null;
        }
        Charset charset = of(bytes);
        if (charset == null) {
            return new Hl7Outcome.Rejected(ErrorCode.UNSUPPORTED_CHARACTER_SET, Location.of("MSH", MSH_18),
                    "character set '" + MshHeader.printable(declared) + "' is not supported; send one of "
                            + String.join(", ", SUPPORTED.keySet().stream().sorted().toList()));
        }
        try {
            strict(charset).decode(ByteBuffer.wrap(bytes));
            return null;
        } catch (CharacterCodingException e) {
            return new Hl7Outcome.Rejected(ErrorCode.DATA_TYPE, Location.of("MSH", MSH_18),
                    "the message declares " + declared + " but holds " + describe(bytes, charset) + " not valid in it");
        }
    }

    /**
     * The text: in the declared set when there is one (bytes not valid in it replaced, see
     * {@link #problem}); otherwise UTF-8 when the bytes are valid UTF-8, else ISO-8859-1 (which reads any byte).
     */
    static String decode(byte[] bytes) {
        int start = startsWithUtf8Bom(bytes) ? 3 : 0;
        ByteBuffer body = ByteBuffer.wrap(bytes, start, bytes.length - start);
        Charset charset = of(bytes);
        if (charset != null) {
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(body).toString();
            } catch (CharacterCodingException cannotHappenWhenReplacing) {
                throw new IllegalStateException(cannotHappenWhenReplacing);
            }
        }
        try {
            return strict(StandardCharsets.UTF_8).decode(body).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The first byte the charset cannot read, with its offset. */
    private static String describe(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = strict(charset);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            return String.format("byte 0x%02X at offset %d", bytes[in.position()] & 0xFF, in.position());
        }
        return "bytes";
    }

    private static String value(byte[] bytes, int from, int to, byte repSep) {
        int end = from;
        while (end < to && bytes[end] != repSep) {
            end++;
        }
        String value = new String(bytes, from, end - from, StandardCharsets.ISO_8859_1).trim();
        return value.isEmpty() ? null : value;
    }

    private static int segmentEnd(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && bytes[i] != '\r' && bytes[i] != '\n') {
            i++;
        }
        return i;
    }

    private static boolean startsWithUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }
}
