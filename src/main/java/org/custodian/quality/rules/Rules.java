package org.custodian.quality.rules;

import java.util.List;

/** Every rule the scans run, in the order their findings are listed. */
public final class Rules {
    private Rules() {
    }

    public static List<Rule> all() {
        return List.of(new RequiredDemographicsRule(), new MissingAttendingRule(), new HistoryAndPhysicalRule(),
                new DischargeSummaryRule(), new UnsignedDocumentRule(), new NotCodedRule(), new InvalidCodeRule(),
                new DateConsistencyRule(), new SexAgeConflictRule(), new ImplausibleLabRule(), new DuplicateMrnRule(),
                new OrphanRecordRule(), new CopyPasteRule(), new MisindexedScanRule());
    }
}
