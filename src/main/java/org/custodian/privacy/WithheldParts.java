package org.custodian.privacy;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The encounters and documents of a permitted record whose own labels keep the reader out, looked up
 * only when a reader asks, so the read's audit event can say what was withheld from it.
 */
final class WithheldParts {
    private final Supplier<Set<UUID>> lookup;
    private Set<UUID> ids;

    WithheldParts(Supplier<Set<UUID>> lookup) {
        this.lookup = lookup;
    }

    Set<UUID> ids() {
        if (ids == null) {
            ids = Set.copyOf(lookup.get());
        }
        return ids;
    }

    /** For the audit event: nothing when no one asked or nothing was withheld. */
    String auditNote() {
        return ids == null || ids.isEmpty() ? ""
                : "; " + ids.size() + " labelled encounter(s)/document(s) withheld";
    }
}
