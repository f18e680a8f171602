package org.custodian.quality.rules;

import org.custodian.quality.Category;
import org.custodian.quality.Severity;

/**
 * A scanned document QA flagged as filed to the wrong patient, encounter or type: until a reviewer
 * moves it (or confirms it after all) the chart may hold another patient's PHI or miss its own.
 */
public final class MisindexedScanRule implements Rule {
    @Override
    public String id() {
        return "SCAN_MISINDEXED";
    }

    @Override
    public Category category() {
        return Category.ACCURACY;
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "Scanned document flagged as mis-indexed";
    }

    @Override
    public void check(PatientFacts facts, RuleContext context, Findings out) {
        for (PatientFacts.FlaggedScanRow scan : facts.flaggedScans()) {
            String where = switch (scan.reason()) {
                case "WRONG_PATIENT" -> "filed to the wrong patient";
                case "WRONG_ENCOUNTER" -> "filed to the wrong encounter";
                case "WRONG_TYPE" -> "filed as the wrong document type";
                default -> "mis-indexed (" + scan.reason() + ")";
            };
            String type = scan.documentType().toLowerCase().replace('_', ' ');
            out.add(scan.scanId() + "@" + facts.patientId(), scan.encounterId(), scan.chartDocumentId(), scan.facilityId(),
                    null, "Scanned " + type + " of " + scan.documentDate() + " (scan " + scan.scanId() + ")",
                    "QA (" + scan.flaggedBy() + ") flagged this scan as " + where + ": " + scan.comment()
                            + "; a QA reviewer moves it to the right chart or confirms it.");
        }
    }
}
