package org.custodian.disclosure;

import java.util.Set;

/**
 * 164.514(b)(2)(i)(B): the first three ZIP digits may stay only where all ZIP codes sharing them
 * hold more than 20,000 people. These are the three-digit areas that do not (HHS guidance, from the
 * 2000 Census); they become 000.
 */
final class RestrictedZip3 {
    static final Set<String> PREFIXES = Set.of("036", "059", "063", "102", "203", "556", "692", "790", "821", "823",
            "830", "831", "878", "879", "884", "890", "893");

    private RestrictedZip3() {
    }

    /** "01608-1234" becomes "016"; a restricted, missing or malformed ZIP becomes "000". */
    static String of(String postalCode) {
        if (postalCode == null) {
            return "000";
        }
        String digits = postalCode.trim();
        if (!digits.matches("\\d{5}(-?\\d{4})?")) {
            return "000";
        }
        String zip3 = digits.substring(0, 3);
        return PREFIXES.contains(zip3) ? "000" : zip3;
    }
}
