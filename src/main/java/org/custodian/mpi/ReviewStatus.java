package org.custodian.mpi;

/** Where a proposed duplicate pair stands. NOT_DUPLICATE is remembered: the pair is never proposed again. */
public enum ReviewStatus {
    OPEN, DEFERRED, MERGED, NOT_DUPLICATE
}
