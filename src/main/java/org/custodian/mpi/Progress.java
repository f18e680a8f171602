package org.custodian.mpi;

/** Receives how far long MPI work has come: {@code done} of {@code total} units (pairs, patients). */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    void update(long done, long total);
}
