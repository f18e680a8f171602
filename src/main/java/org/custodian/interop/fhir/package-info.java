/**
 * FHIR R4 input. {@link org.custodian.interop.fhir.SyntheaBundleImporter} streams Synthea's
 * transaction bundles (one per patient, up to ~85 MB) into the record, one transaction per bundle;
 * a bad bundle is rejected with the file and the {@code Bundle.entry[i]} path, the rest still loads.
 */
@org.springframework.modulith.NamedInterface("fhir")
package org.custodian.interop.fhir;
