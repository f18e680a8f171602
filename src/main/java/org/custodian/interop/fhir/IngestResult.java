package org.custodian.interop.fhir;

/** What became of one bundle sent for loading: accepted (loaded or already there), or refused with where and why. */
public sealed interface IngestResult {
    /** {@code kind} is what the bundle held, told by its first entry: organizations, practitioners or a patient. */
    record Accepted(BundleOutcome outcome, BundleIngest.Kind kind) implements IngestResult {
    }

    /** {@code where} is the element at fault, e.g. {@code Bundle.entry[3].resource.birthDate}, or null. */
    record Refused(String where, String reason) implements IngestResult {
    }
}
