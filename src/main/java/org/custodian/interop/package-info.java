/**
 * Interoperability: getting clinical data in and out of the record in standard formats. It
 * depends only on {@code record} (where the data lands) and {@code privacy} (who did it, audited).
 * <p>{@code fhir} holds FHIR R4 input, so far the Synthea bundle importer used by {@code demo}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interoperability",
        allowedDependencies = {"record", "privacy"})
package org.custodian.interop;
