package org.custodian.record;

import java.util.UUID;

/**
 * A rule another module adds to signing, e.g. that a resident's transcribed document becomes final
 * only by the attending's co-signature. {@link DocumentRepository} asks every rule before it
 * authenticates a version; a rule refuses by throwing {@link DocumentChangeException}.
 */
public interface SigningRule {
    void check(ClinicalDocument document, UUID signer);
}
