/**
 * Interoperability: getting clinical data in and out of the record in standard formats. It
 * depends on {@code record} (where the data lands), {@code privacy} (who did it, audited) and
 * {@code mpi} (a new patient is checked for duplicates; A40 merges go through the MPI).
 * <p>{@code fhir} holds FHIR R4 input, so far the Synthea bundle importer used by {@code demo}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interoperability",
        allowedDependencies = {"record", "privacy", "mpi"})
package org.custodian.interop;
