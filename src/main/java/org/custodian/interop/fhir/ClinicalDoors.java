package org.custodian.interop.fhir;

import org.springframework.stereotype.Component;

/** What every clinical resource provider reads, writes, deletes and lists history through. */
@Component
final class ClinicalDoors {
    final RecordReads reads;
    final ResourceCrud crud;
    final ResourceHistory history;
    final ResourceDeletes deletes;
    final TypeHistory typeHistory;

    ClinicalDoors(RecordReads reads, ResourceCrud crud, ResourceHistory history, ResourceDeletes deletes,
                  TypeHistory typeHistory) {
        this.reads = reads;
        this.crud = crud;
        this.history = history;
        this.deletes = deletes;
        this.typeHistory = typeHistory;
    }
}
