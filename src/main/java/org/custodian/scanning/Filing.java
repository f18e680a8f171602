package org.custodian.scanning;

import java.time.LocalDate;
import java.util.UUID;
import org.custodian.record.DocumentType;

/** Where a scan belongs: a patient, optionally one of their encounters, a document type and the date on the paper. */
public record Filing(UUID patientId, UUID encounterId, DocumentType documentType, LocalDate documentDate) {
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    public Filing {
        if (patientId == null) {
            throw new ScanRefused("choose the patient the scan belongs to");
        }
        if (documentType == null) {
            throw new ScanRefused("choose the document type");
        }
        if (documentDate == null) {
            throw new ScanRefused("enter the date on the document");
        }
        if (documentDate.isBefore(EARLIEST) || documentDate.isAfter(LocalDate.now().plusDays(1))) {
            throw new ScanRefused("document date " + documentDate + " is not between " + EARLIEST + " and today");
        }
    }
}
