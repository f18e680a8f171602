package org.custodian.transcription;

/** How a document entered the queue: typed here, arrived as an HL7 MDM draft, or an addendum to a signed one. */
public enum JobSource {
    TYPED, HL7, ADDENDUM
}
