package org.custodian.quality.rules;

import org.custodian.quality.Category;
import org.custodian.quality.Severity;

/** A discharged inpatient's chart is incomplete without a discharge summary. */
public final class DischargeSummaryRule implements Rule {
    @Override
    public String id() {
        return "DISCHARGE_SUMMARY_MISSING";
    }

    @Override
    public Category category() {
        return Category.COMPLETENESS;
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "Discharged inpatient without a discharge summary";
    }

    @Override
    public void check(PatientFacts facts, RuleContext context, Findings out) {
        for (PatientFacts.EncounterRow e : facts.encounters()) {
            if (!e.encounterClass().equals("INPATIENT") || e.dischargeAt() == null || context.now().isBefore(e.dischargeAt())) {
                continue;
            }
            boolean present = facts.documents().stream().anyMatch(d -> e.id().equals(d.encounterId())
                    && d.type().equals("DISCHARGE_SUMMARY") && !d.enteredInError());
            if (!present) {
                out.add(e.id().toString(), e.id(), null, e.facilityId(), e.attendingId(), e.label() + ": discharge summary",
                        "The patient was discharged " + RuleContext.day(e.dischargeAt())
                                + " and no discharge summary is on the chart.");
            }
        }
    }
}
