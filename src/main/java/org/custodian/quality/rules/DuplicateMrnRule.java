package org.custodian.quality.rules;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custodian.quality.Category;
import org.custodian.quality.Severity;

/**
 * A medical record number must name one patient at its facility, and a patient should hold one
 * number per facility: either kind of duplicate splits or mixes up a chart.
 */
public final class DuplicateMrnRule implements Rule {
    @Override
    public String id() {
        return "MRN_DUPLICATE";
    }

    @Override
    public Category category() {
        return Category.CONSISTENCY;
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "Duplicate medical record number";
    }

    @Override
    public void check(PatientFacts facts, RuleContext context, Findings out) {
        for (PatientFacts.MrnRow mrn : facts.mrns()) {
            if (!mrn.sharedWith().isEmpty()) {
                out.add(mrn.facilityCode() + ":" + mrn.value().trim().toUpperCase() + ":" + facts.patientId(), null, null,
                        mrn.facilityId(), null, "MRN " + mrn.value() + " at " + mrn.facilityCode(),
                        "The same medical record number is held by " + mrn.sharedWith().size() + " other patient"
                                + (mrn.sharedWith().size() == 1 ? "" : "s") + " at " + mrn.facilityCode()
                                + " (" + mrn.sharedWith().stream().map(Object::toString).collect(Collectors.joining(", ")) + ").");
            }
        }
        Map<String, List<PatientFacts.MrnRow>> byFacility = facts.mrns().stream()
                .collect(Collectors.groupingBy(PatientFacts.MrnRow::facilityCode));
        byFacility.forEach((facility, numbers) -> {
            if (numbers.size() > 1) {
                out.add(facility + ":patient:" + facts.patientId(), null, null, numbers.getFirst().facilityId(), null,
                        "MRNs at " + facility, "The patient holds " + numbers.size() + " medical record numbers at " + facility
                                + " (" + numbers.stream().map(PatientFacts.MrnRow::value).sorted()
                                .collect(Collectors.joining(", ")) + "): a possible duplicate chart to merge.");
            }
        });
    }
}
