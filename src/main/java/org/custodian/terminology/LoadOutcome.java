package org.custodian.terminology;

import java.util.Optional;

/** What loading a release file or an edit file did. */
public sealed interface LoadOutcome {
    /** The file's name, as loaded. */
    String sourceFile();

    /** "FY2026", "v43.1", "2025-10". */
    String version();

    /** What was loaded: "ICD-10-CM FY2026 (2025-10-01 to 2026-09-30)". */
    String label();

    /** A code set release stored; {@code changes} is empty when it is the first release of its system. */
    record Loaded(Release release, Optional<ReleaseChanges> changes, long millis) implements LoadOutcome {
        @Override
        public String sourceFile() {
            return release.sourceFile();
        }

        @Override
        public String version() {
            return release.version();
        }

        @Override
        public String label() {
            return release.label();
        }
    }

    /** The same release was loaded before from identical content (same SHA-256): nothing changed. */
    record AlreadyLoaded(Release release) implements LoadOutcome {
        @Override
        public String sourceFile() {
            return release.sourceFile();
        }

        @Override
        public String version() {
            return release.version();
        }

        @Override
        public String label() {
            return release.label();
        }
    }

    /** An edit file (tabular list, addenda, POA-exempt list, MCE definitions) stored. */
    record EditsLoaded(EditFile file, long millis) implements LoadOutcome {
        @Override
        public String sourceFile() {
            return file.sourceFile();
        }

        @Override
        public String version() {
            return file.version();
        }

        @Override
        public String label() {
            return file.label();
        }
    }

    /** The same edit file was loaded before from identical content: nothing changed. */
    record EditsAlreadyLoaded(EditFile file) implements LoadOutcome {
        @Override
        public String sourceFile() {
            return file.sourceFile();
        }

        @Override
        public String version() {
            return file.version();
        }

        @Override
        public String label() {
            return file.label();
        }
    }
}
