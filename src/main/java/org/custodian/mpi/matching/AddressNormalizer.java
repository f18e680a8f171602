package org.custodian.mpi.matching;

import java.util.Map;
import org.custodian.record.NameFolding;

/**
 * Brings street addresses to one spelling (USPS suffix and direction abbreviations, no unit
 * designators' punctuation), so "12 North Main Street, Apt. 4" and "12 N Main St Apt 4" agree.
 */
public final class AddressNormalizer {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("street", "st"), Map.entry("str", "st"), Map.entry("avenue", "ave"), Map.entry("av", "ave"),
            Map.entry("road", "rd"), Map.entry("drive", "dr"), Map.entry("lane", "ln"), Map.entry("boulevard", "blvd"),
            Map.entry("court", "ct"), Map.entry("place", "pl"), Map.entry("terrace", "ter"), Map.entry("circle", "cir"),
            Map.entry("parkway", "pkwy"), Map.entry("highway", "hwy"), Map.entry("square", "sq"),
            Map.entry("trail", "trl"), Map.entry("way", "way"), Map.entry("north", "n"), Map.entry("south", "s"),
            Map.entry("east", "e"), Map.entry("west", "w"), Map.entry("northeast", "ne"), Map.entry("northwest", "nw"),
            Map.entry("southeast", "se"), Map.entry("southwest", "sw"), Map.entry("apartment", "apt"),
            Map.entry("suite", "ste"), Map.entry("unit", "apt"), Map.entry("number", "apt"),
            Map.entry("first", "1st"), Map.entry("second", "2nd"), Map.entry("third", "3rd"), Map.entry("fourth", "4th"),
            Map.entry("fifth", "5th"), Map.entry("mount", "mt"), Map.entry("saint", "st"), Map.entry("fort", "ft"));

    private AddressNormalizer() {
    }

    public static String normalize(String address) {
        String folded = NameFolding.fold(address);
        if (folded.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(folded.length());
        for (String word : folded.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(WORDS.getOrDefault(word, word));
        }
        return out.toString();
    }

    /** The leading house number, or null: two addresses with different numbers are different homes. */
    public static String houseNumber(String normalized) {
        if (normalized == null) {
            return null;
        }
        int end = 0;
        while (end < normalized.length() && Character.isDigit(normalized.charAt(end))) {
            end++;
        }
        return end == 0 ? null : normalized.substring(0, end);
    }
}
