package org.custodian.quality.rules;

import org.custodian.quality.Category;
import org.custodian.quality.Severity;

/** One data quality check over one patient's record. Rules hold no state between patients. */
public interface Rule {
    /** Stable id, used in findings and output files, e.g. {@code DOCUMENT_UNSIGNED}. */
    String id();

    Category category();

    Severity severity();

    /** What the rule checks, in a sentence an HIM technician would use. */
    String title();

    void check(PatientFacts facts, RuleContext context, Findings out);
}
