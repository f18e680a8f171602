package org.custodian.terminology;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.custodian.terminology.ReleaseFileException.Problem;

/**
 * Reads one release or edit file whole (the largest is about 20 MB), checks that it is text as CMS/CDC
 * publish it (ASCII order files, UTF-8 HCPCS, Windows-1252 MCE; not UTF-16, not cut off) and hands it to
 * the parser its content calls for.
 */
final class ReleaseFileReader {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private ReleaseFileReader() {
    }

    /**
     * Reads a release or edit file, telling its kind from its content: XML is the tabular list, the
     * MCE document names itself, addenda start with "Add:"-style lines, the POA-exempt list and the MCE
     * table have their own headers; anything else must be an order file or a HCPCS file.
     */
    static ParsedFile read(Path file) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReleaseFileException(Problem.UNREADABLE, name, 0, "cannot read: " + e);
        }
        if (bytes.length == 0) {
            throw new ReleaseFileException(Problem.TRUNCATED, name, 0, "the file is empty");
        }
        checkNotUtf16(name, bytes);
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        if (head.startsWith("\u00EF\u00BB\u00BF")) {
            head = head.substring(3);
        }
        if (head.stripLeading().startsWith("<")) {
            decodeUtf8(name, bytes); // CDC publishes UTF-8; this names the line of a re-encoded byte, the XML parser would not
            return TabularXmlParser.parse(name, bytes, sha256(bytes));
        }
        if (MceDefinitionsParser.recognises(head.lines().limit(12).toList())) {
            // CMS publishes the MCE text as Windows-1252; a UTF-8 copy reads the same
            String text = isUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, WINDOWS_1252);
            return MceDefinitionsParser.parse(name, text.lines().toList(), sha256(bytes));
        }
        String text = decodeUtf8(name, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        String first = lines.getFirst();
        boolean poa = ExemptFromPoaParser.HEADER.matcher(first).matches() || ExemptFromPoaParser.CHANGES_HEADER.matcher(first).matches();
        // the MCE table is a third-party reformat that ends without a line break; the CMS/CDC files all have one
        if ((poa || AddendaParser.recognises(first)) && !text.endsWith("\n")) {
            throw new ReleaseFileException(Problem.TRUNCATED, name, lines.size(),
                    "the last line ends without a line break: the file looks truncated");
        }
        if (poa) {
            return ExemptFromPoaParser.parse(name, lines, sha256(bytes));
        }
        if (AddendaParser.recognises(first)) {
            return AddendaParser.parse(name, lines, sha256(bytes));
        }
        if (first.equals(MceTableParser.HEADER)) {
            return MceTableParser.parse(name, lines, sha256(bytes));
        }
        return release(file, name, bytes, text, lines);
    }

    private static ParsedRelease release(Path file, String name, byte[] bytes, String text, List<String> lines) {
        Path parent = file.toAbsolutePath().getParent();
        ReleaseFileKind kind = ReleaseFileKind.detect(name, parent == null ? null : parent.getFileName().toString(),
                lines.getFirst());
        if (!text.endsWith("\n")) {
            throw new ReleaseFileException(Problem.TRUNCATED, name, lines.size(),
                    "the last line ends without a line break: the file looks truncated");
        }
        List<MedicalCode> codes = switch (kind.system()) {
            case ICD10CM, ICD10PCS -> {
                checkAscii(name, bytes);
                yield OrderFileParser.parse(kind.system(), name, lines);
            }
            case HCPCS -> HcpcsFileParser.parse(name, text);
        };
        return new ParsedRelease(kind.system(), kind.version(), kind.effectiveFrom(), kind.effectiveTo(), name,
                sha256(bytes), codes);
    }

    private static void checkNotUtf16(String name, byte[] bytes) {
        boolean bom = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
        if (bom) {
            throw new ReleaseFileException(Problem.ENCODING, name, 1, "the file is UTF-16 (byte order mark "
                    + String.format("%02X %02X", bytes[0], bytes[1]) + "); official release files are ASCII or UTF-8,"
                    + " use the file as published");
        }
        for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
            if (bytes[i] == 0) {
                throw new ReleaseFileException(Problem.ENCODING, name, lineOf(bytes, i), "NUL byte at offset " + i
                        + ": the file is UTF-16 or binary, not a text release file");
            }
        }
    }

    private static String decodeUtf8(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new ReleaseFileException(Problem.ENCODING, name, lineOf(bytes, at), String.format(
                    "byte 0x%02X at offset %d is not UTF-8: the file was re-encoded (e.g. to Windows-1252)",
                    bytes[at], at));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static void checkAscii(String name, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                throw new ReleaseFileException(Problem.ENCODING, name, lineOf(bytes, i), String.format(
                        "byte 0x%02X at offset %d is not ASCII: official order files are plain ASCII, was it re-encoded?",
                        bytes[i], i));
            }
        }
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
