package org.custodian.training;

/**
 * Generates synthetic patients and loads them into the sandbox facility, telling its progress. The
 * application provides it (Synthea run as the command line runs it), so training never touches the
 * generator or the importer itself.
 */
public interface SandboxFiller {
    /** Told as the work moves: what it does now and how far it is ({@code done} of {@code total}). */
    @FunctionalInterface
    interface Progress {
        void update(String phase, long done, long total);
    }

    /** What a fill added: new patients, patients already there, bundles rejected. */
    record Filled(int loaded, int alreadyLoaded, int rejected) {
    }

    /** Fills the sandbox with {@code patients} living synthetic patients from {@code seed}, recorded as {@code actor}. */
    Filled fill(int patients, long seed, String actor, Progress progress) throws Exception;
}
