package org.custodian.scanning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.custodian.record.DocumentType;

/**
 * One step of a scan's indexing history. A move names both charts (as labelled when it was made),
 * both encounters, types and dates; a flag names its reason; the comment says why in the actor's words.
 */
public record IndexStep(long id, Instant at, String actor, IndexAction action,
                        UUID fromPatient, String fromLabel, UUID toPatient, String toLabel,
                        UUID fromEncounter, UUID toEncounter, DocumentType fromType, DocumentType toType,
                        LocalDate fromDate, LocalDate toDate, FlagReason flagReason, String comment) {
}
