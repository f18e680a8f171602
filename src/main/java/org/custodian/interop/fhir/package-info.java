/**
 * FHIR R4. Input: {@link org.custodian.interop.fhir.SyntheaBundleImporter} streams Synthea's
 * transaction bundles (one per patient, up to ~85 MB) into the record, one transaction per bundle;
 * a bad bundle is rejected with the file and the {@code Bundle.entry[i]} path, the rest still loads.
 * <p>The REST API at {@code /fhir} (HAPI plain server, {@code CustodianFhirServer}) reads and searches
 * the record through {@code privacy.PhiAccess} (same decisions and audit as the UI; HTTP Basic, see
 * {@code FhirSecurityConfig}); {@code POST /fhir} with a transaction bundle goes through
 * {@link org.custodian.interop.fhir.BundleIngest} to the same importer ({@code TransactionDoor}).
 * <p>Nothing leaves the legal health record: {@code DELETE} marks a clinical resource entered in error
 * ({@code ResourceDeletes}); type and system {@code _history} list versions ({@code TypeHistory}); a new
 * Patient is first matched by the MPI ({@code PatientIdentity}); accounts with two-step sign-in send
 * their authenticator code with HTTP Basic ({@code BasicSecondStep}).
 */
@org.springframework.modulith.NamedInterface("fhir")
package org.custodian.interop.fhir;
