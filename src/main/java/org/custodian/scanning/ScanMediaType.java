package org.custodian.scanning;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of file a scan may be, recognised by their first bytes (never by name or declared type). */
public enum ScanMediaType {
    PDF("application/pdf", "PDF"),
    PNG("image/png", "PNG image"),
    JPEG("image/jpeg", "JPEG image"),
    TIFF("image/tiff", "TIFF image");

    /** How many leading bytes {@link #sniff} looks at; PDF allows a little junk before its header. */
    static final int HEAD = 1024;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] TIFF_LITTLE = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BIG = {'M', 'M', 0, 42};

    private final String mimeType;
    private final String label;

    ScanMediaType(String mimeType, String label) {
        this.mimeType = mimeType;
        this.label = label;
    }

    public String mimeType() {
        return mimeType;
    }

    public String label() {
        return label;
    }

    /** What the leading bytes of a file say it is, if it is one of ours. */
    static Optional<ScanMediaType> sniff(byte[] head) {
        if (startsWith(head, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, TIFF_LITTLE) || startsWith(head, TIFF_BIG)) {
            return Optional.of(TIFF);
        }
        return indexOf(head, PDF_MAGIC) >= 0 ? Optional.of(PDF) : Optional.empty();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] data, byte[] needle) {
        for (int i = 0; i + needle.length <= Math.min(data.length, HEAD); i++) {
            if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
