package org.custodian.mpi;

/** A merge or unmerge that cannot be done as asked; the message says why, for the user. */
public final class MergeRefused extends RuntimeException {
    public MergeRefused(String message) {
        super(message);
    }
}
