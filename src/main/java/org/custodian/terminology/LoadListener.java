package org.custodian.terminology;

/** Hears how far a load has come: {@code done} of {@code total} codes of {@code file}. */
@FunctionalInterface
public interface LoadListener {
    LoadListener NONE = (file, done, total) -> { };

    void progress(String file, long done, long total);
}
