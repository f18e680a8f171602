package org.custodian.quality.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.quality.Finding;

/** Collects one rule's findings on one patient, filling in what the rule already knows about itself. */
public final class Findings {
    private final Rule rule;
    private final UUID patientId;
    private final List<Finding> found = new ArrayList<>();

    public Findings(Rule rule, UUID patientId) {
        this.rule = rule;
        this.patientId = patientId;
    }

    /** A finding about the patient as a whole. */
    public void patient(String subject, String location, String message) {
        add(subject, null, null, null, null, location, message);
    }

    public void add(String subject, UUID encounterId, UUID documentId, UUID facilityId, UUID responsibleId,
                    String location, String message) {
        found.add(new Finding(rule.id(), rule.category(), rule.severity(), patientId, encounterId, documentId,
                facilityId, responsibleId, subject, location, message));
    }

    public List<Finding> list() {
        return List.copyOf(found);
    }
}
