package org.custodian.interop.fhir;

import java.util.UUID;

/** What became of one bundle file. */
public sealed interface BundleOutcome {
    /** The file's name (not its path), as it appears in provenance and messages. */
    String file();

    /**
     * Written in one transaction. {@code patientId} is the patient a patient bundle created; it is
     * null for Synthea's organization and practitioner bundles, which hold no patient.
     */
    record Loaded(String file, UUID patientId, int resources) implements BundleOutcome {
    }

    /** The bundle's patient is already in the record (from an earlier run); nothing was written. */
    record AlreadyLoaded(String file, UUID patientId) implements BundleOutcome {
    }

    /** Nothing of the bundle was written; {@code reason} names the place in the file, e.g. {@code Bundle.entry[3]}. */
    record Rejected(String file, String reason) implements BundleOutcome {
    }
}
