package org.custodian.web;

import java.time.LocalDate;
import java.util.UUID;
import org.custodian.record.DocumentType;
import org.custodian.scanning.Filing;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Where an indexer or reviewer files a scan, as posted; {@code reason} is asked only when moving it,
 * {@code signed} (the paper bears the attending's signature) only when indexing it.
 */
record ScanningFilingForm(UUID patient, UUID encounter, DocumentType type,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, String reason, Boolean signed) {
    Filing filing() {
        return new Filing(patient, encounter, type, date);
    }

    boolean signedOnPaper() {
        return Boolean.TRUE.equals(signed);
    }
}
