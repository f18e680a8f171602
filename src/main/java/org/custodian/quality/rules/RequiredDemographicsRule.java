package org.custodian.quality.rules;

import java.util.ArrayList;
import java.util.List;
import org.custodian.quality.Category;
import org.custodian.quality.Severity;

/** Name, birth date and sex are required by the schema; this checks the rest registration must capture. */
public final class RequiredDemographicsRule implements Rule {
    @Override
    public String id() {
        return "DEMOGRAPHICS_MISSING";
    }

    @Override
    public Category category() {
        return Category.COMPLETENESS;
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "Required demographics are missing";
    }

    @Override
    public void check(PatientFacts facts, RuleContext context, Findings out) {
        PatientFacts.PatientRow p = facts.patient();
        List<String> missing = new ArrayList<>();
        if (p.sex() == null || p.sex().equals("UNKNOWN")) {
            missing.add("sex");
        }
        if (blank(p.addressLine())) {
            missing.add("street address");
        }
        if (blank(p.city())) {
            missing.add("city");
        }
        if (blank(p.state())) {
            missing.add("state");
        }
        if (blank(p.postalCode())) {
            missing.add("postal code");
        }
        if (!missing.isEmpty()) {
            out.patient(p.id().toString(), "Patient " + p.given() + " " + p.family() + ": demographics",
                    "Registration is missing " + String.join(", ", missing) + ".");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
