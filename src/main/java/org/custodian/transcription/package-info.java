/**
 * Transcription: the queue that carries a clinical document from typing (from a template per
 * document type) or from an HL7 MDM draft, through QA review, to its author's signature and, for a
 * resident's document, the attending's co-signature; then addenda. The text lives in the record's
 * document versions ({@code record.DocumentRepository}); this module tracks where each document is
 * in the workflow. Every read goes through {@code privacy.PhiAccess} or the access policy and every
 * step is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Transcription",
        allowedDependencies = {"record", "privacy"})
package org.custodian.transcription;
