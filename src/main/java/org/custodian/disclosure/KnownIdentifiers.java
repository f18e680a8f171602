package org.custodian.disclosure;

import java.util.List;
import java.util.Objects;

/**
 * Values known to identify the patient a text is about (names, MRNs, SSN, phone, street), taken from
 * the record. The scrubber removes every occurrence of them, whatever the surrounding words.
 */
public record KnownIdentifiers(List<String> names, List<String> identifiers, List<String> addresses) {
    public static final KnownIdentifiers NONE = new KnownIdentifiers(List.of(), List.of(), List.of());

    public KnownIdentifiers {
        names = clean(names);
        identifiers = clean(identifiers);
        addresses = clean(addresses);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(Objects::nonNull).map(String::trim).filter(v -> v.length() > 1).distinct().toList();
    }
}
