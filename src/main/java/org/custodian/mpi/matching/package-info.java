/**
 * The record-linkage engine, free of any database: normalisation, comparison levels, blocking,
 * Fellegi–Sunter weights with m/u estimated by expectation–maximisation, and term-frequency
 * adjustment. The module's top-level types ({@code PatientMatcher}, {@code FileLinkage},
 * {@code MpiScan}) drive it over the patient index or a file.
 */
package org.custodian.mpi.matching;
