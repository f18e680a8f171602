package org.custodian.privacy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The access policy's decisions on releasing a patient's information rather than reading it: the
 * release-of-information work on a patient, the release of one document under a request that may lift
 * labels (a Part 2 consent, an authorization naming a category), and the patient's own copy, which no label
 * keeps anything out of. Role, facility, restrictions and break-the-glass are decided as for any read
 * ({@link AccessPolicy}); each decision says in its steps which labels were lifted and why.
 */
@Component
public class ReleasePolicy {
    private final AccessPolicy policy;
    private final AccessFacts facts;

    ReleasePolicy(AccessPolicy policy, AccessFacts facts) {
        this.policy = policy;
        this.facts = facts;
    }

    /**
     * Whether the user may release one document of the patient (a disclosure packet, the patient's own
     * copy): decided as opening it, except that labels which the release lifts ({@code covered}: 42 CFR
     * Part 2 with the patient's specific consent, a specially protected category that a valid
     * authorization names, every label when the recipient is the patient) no longer keep it back, whether
     * they are on the document, its encounter or the whole patient.
     */
    public AccessDecision decideRelease(CustodianUser user, UUID patientId, UUID documentId,
                                        Set<SensitivityLabel> covered) {
        PatientAccessFacts patient = policy.factsAbout(user, patientId);
        Set<SensitivityLabel> labels = EnumSet.noneOf(SensitivityLabel.class);
        labels.addAll(facts.documentLabels(documentId));
        Set<SensitivityLabel> lifted = EnumSet.noneOf(SensitivityLabel.class);
        lifted.addAll(labels);
        lifted.addAll(patient.labels());
        lifted.retainAll(covered);
        labels.removeAll(covered);
        AccessDecision decision = policy.decide(user, Permission.RELEASE_INFORMATION, patientId,
                patient.without(covered), PurposeOfUse.usualFor(user.roles()), labels);
        return lifted.isEmpty() ? decision : withStep(decision, "The record's sensitivity labels are lifted for this"
                + " release: the patient's authorization or consent covers them, or the copy is for the patient.",
                "labels " + AccessPolicy.names(lifted) + " lifted for this release");
    }

    /**
     * Whether the user may work on the release of this patient's information (a request and its list of
     * documents, the accounting of disclosures, the patient's own copy): role, facility and restrictions
     * the patient asked for decide. Sensitivity labels, on the patient or on parts of the record, do not
     * keep the work back: each document's are decided when it is released ({@link #decideRelease}), where
     * an authorization naming the category (or the Part 2 consent) lifts them, and nothing else does.
     */
    public AccessDecision decideReleaseWork(CustodianUser user, UUID patientId) {
        return withLabelsLifted(user, patientId, "The record's sensitivity labels are decided for each document"
                + " released, against the request's authorization or consent.",
                "left to each document's release decision");
    }

    /**
     * Whether the user may prepare the patient's own copy of their designated record set (164.524): as
     * {@link #decideReleaseWork}, and no sensitivity label keeps any part of the record out of the copy,
     * since labels protect the patient from others, not from themselves (42 CFR 2.23 for Part 2 records).
     */
    public AccessDecision decideRightOfAccess(CustodianUser user, UUID patientId) {
        return withLabelsLifted(user, patientId, "The copy is for the patient: sensitivity labels protect the patient"
                + " from others, not from themselves, so none keeps a part of the record out of it.",
                "lifted: the copy is the patient's own (164.524, 42 CFR 2.23)");
    }

    private AccessDecision withLabelsLifted(CustodianUser user, UUID patientId, String step, String audited) {
        PatientAccessFacts patient = policy.factsAbout(user, patientId);
        AccessDecision decision = policy.decide(user, Permission.RELEASE_INFORMATION, patientId,
                patient.without(EnumSet.allOf(SensitivityLabel.class)), PurposeOfUse.usualFor(user.roles()), Set.of());
        return patient.labels().isEmpty() && patient.labelledParts().isEmpty() ? decision
                : withStep(decision, step, "labels " + AccessPolicy.names(every(patient)) + " " + audited);
    }

    private static Set<SensitivityLabel> every(PatientAccessFacts patient) {
        Set<SensitivityLabel> all = EnumSet.noneOf(SensitivityLabel.class);
        all.addAll(patient.labels());
        patient.labelledParts().values().forEach(all::addAll);
        return all;
    }

    /** A permit with one more step and audited reason; a denial as it is. */
    private static AccessDecision withStep(AccessDecision decision, String step, String audited) {
        if (!(decision instanceof AccessDecision.Permit permit)) {
            return decision;
        }
        List<String> steps = new ArrayList<>(permit.steps());
        steps.add(step);
        return new AccessDecision.Permit(permit.reason() + "; " + audited, steps);
    }
}
