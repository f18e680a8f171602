package org.custodian.transcription;

import java.util.UUID;

/** A practitioner whose account can sign: who a transcriptionist may name as author or co-signer. */
public record Signer(UUID practitionerId, String name) {
}
