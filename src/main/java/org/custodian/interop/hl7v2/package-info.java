/**
 * HL7 v2 over MLLP. {@code MllpListener} frames bytes, {@code Hl7Inbox} stores every message as
 * received and applies it in one transaction with its audit event, then the ACK goes out: AA only
 * after commit, AE/AR with an ERR segment naming the field. Rejected messages are the dead-letter
 * list ({@link org.custodian.interop.hl7v2.DeadLetters}), replayable after a fix.
 * <p>Versions 2.2 to 2.5.1 are read into HAPI's v2.5.1 structures (canonical model).
 */
@org.springframework.modulith.NamedInterface("hl7v2")
package org.custodian.interop.hl7v2;
