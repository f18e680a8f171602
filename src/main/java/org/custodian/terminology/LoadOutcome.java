package org.custodian.terminology;

import java.util.Optional;

/** What loading a release file did. */
public sealed interface LoadOutcome {
    Release release();

    /** Stored; {@code changes} is empty when it is the first release of its system. */
    record Loaded(Release release, Optional<ReleaseChanges> changes, long millis) implements LoadOutcome {
    }

    /** The same release was loaded before from identical content (same SHA-256): nothing changed. */
    record AlreadyLoaded(Release release) implements LoadOutcome {
    }
}
