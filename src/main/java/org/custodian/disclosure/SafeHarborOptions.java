package org.custodian.disclosure;

import java.util.Objects;

/**
 * How a Safe Harbor export is made: dates to the year or shifted per patient (with the secret
 * shift key), and whether scrubbed clinical notes go with it.
 */
public record SafeHarborOptions(DateMode dateMode, String shiftKey, boolean withNotes) {
    public SafeHarborOptions {
        Objects.requireNonNull(dateMode, "dateMode");
        if (dateMode == DateMode.SHIFT && (shiftKey == null || shiftKey.length() < 8)) {
            throw new IllegalArgumentException("shifted dates need a secret shift key of at least 8 characters");
        }
    }

    public static SafeHarborOptions yearsOnly() {
        return new SafeHarborOptions(DateMode.YEAR, null, false);
    }
}
