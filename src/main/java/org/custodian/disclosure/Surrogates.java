package org.custodian.disclosure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Made-up stand-ins for PHI. The same original gets the same stand-in (within one key), so a
 * scrubbed note still reads consistently; the values are chosen to be obviously not real where a
 * reserved range exists (555-01xx phones, 900-series SSNs, example.org, TEST-NET addresses).
 */
final class Surrogates {
    private static final List<String> GIVEN = List.of("Alex", "Jordan", "Morgan", "Casey", "Riley", "Taylor", "Avery",
            "Quinn", "Rowan", "Emerson", "Harper", "Sawyer", "Reese", "Hayden", "Parker", "Dakota");
    private static final List<String> FAMILY = List.of("Ashford", "Brightwater", "Calloway", "Dunmore", "Ellsworth",
            "Fairbanks", "Greenleaf", "Hollister", "Ivesdale", "Kingsley", "Larkspur", "Merriweather", "Northcott",
            "Oakhurst", "Pemberton", "Quillfeather");
    private static final List<String> STREETS = List.of("Maple Court", "Cedar Lane", "Birch Road", "Willow Way",
            "Juniper Drive", "Aspen Place");

    private final String key;

    Surrogates(String key) {
        this.key = key;
    }

    String replace(PhiType type, String original) {
        long h = hash(original.toLowerCase(Locale.ROOT));
        int n = (int) (h % 10_000);
        return switch (type) {
            case NAME -> original.trim().contains(" ")
                    ? pick(GIVEN, h) + " " + pick(FAMILY, h >>> 8)
                    : pick(FAMILY, h);
            case DATE -> String.format(Locale.ROOT, "%02d/%02d/%d", 1 + n % 12, 1 + n % 28, 1950 + n % 70);
            case ADDRESS -> (10 + n % 900) + " " + pick(STREETS, h >>> 4);
            case PHONE, FAX -> String.format(Locale.ROOT, "555-01%02d", n % 100);
            case EMAIL -> "person" + n + "@example.org";
            case SSN -> String.format(Locale.ROOT, "9%02d-%02d-%04d", n % 100, 10 + n % 90, n);
            case URL -> "https://example.org/" + n;
            case IP -> "192.0.2." + (n % 255);
            case AGE -> "90+";
            case MRN, ACCOUNT, LICENSE, ID -> digitsLike(original, h);
        };
    }

    /** Same length and layout, new characters: "AB-12345" becomes e.g. "QX-80417". */
    private static String digitsLike(String original, long h) {
        StringBuilder out = new StringBuilder(original.length());
        long state = h;
        for (char c : original.toCharArray()) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            int r = (int) ((state >>> 33) & 0x7fffffff);
            if (Character.isDigit(c)) {
                out.append((char) ('0' + r % 10));
            } else if (Character.isLetter(c)) {
                out.append((char) ('A' + r % 26));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String pick(List<String> values, long h) {
        return values.get((int) (h % values.size()));
    }

    private long hash(String value) {
        CRC32 crc = new CRC32();
        crc.update((key + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
