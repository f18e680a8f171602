package org.custodian.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.record.ClinicalQueries;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a user may do something, and to which patient. The decision
 * combines the user's role, their facilities (a facility holding the patient's record), restrictions
 * the patient asked for, the sensitivity labels on what is read against the purpose of use and a
 * treating relationship (attending on an open encounter), and any emergency access the user declared.
 * Every check made becomes a step of the decision, so it explains itself.
 */
@Component
public class AccessPolicy {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final AccessFacts facts;
    private final Clock clock = Clock.systemUTC();

    AccessPolicy(AccessFacts facts) {
        this.facts = facts;
    }

    public AccessDecision decide(CustodianUser user, Permission permission) {
        if (!user.can(permission)) {
            return new AccessDecision.Deny("role " + user.rolesText() + " does not allow " + permission);
        }
        return new AccessDecision.Permit("role allows " + permission);
    }

    /** The whole patient record, for the purpose the user's role implies. */
    public AccessDecision decide(CustodianUser user, Permission permission, UUID patientId) {
        return decide(user, permission, patientId, PurposeOfUse.usualFor(user.roles()));
    }

    public AccessDecision decide(CustodianUser user, Permission permission, UUID patientId, PurposeOfUse purpose) {
        return decide(user, permission, patientId, purpose, Set.of());
    }

    /**
     * Whether the user may open one document of the patient, for the purpose their role implies: the
     * document's own labels and its encounter's count beyond the patient's, as when it is opened.
     */
    public AccessDecision decideDocument(CustodianUser user, UUID patientId, UUID documentId) {
        return decide(user, Permission.READ_CHART, patientId, PurposeOfUse.usualFor(user.roles()),
                facts.documentLabels(documentId));
    }

    /**
     * Whether the user may act on one part of the patient's record (an encounter, or a diagnosis,
     * procedure, result or document), for the purpose their role implies: the labels on the part and on
     * its encounter count beyond the patient's, as when it is read. Writes through an API (an update, a
     * DELETE) are decided with this, so a label that keeps a user from reading a part also keeps them from
     * changing or retracting it.
     */
    public AccessDecision decidePart(CustodianUser user, Permission permission, UUID patientId,
                                     ClinicalQueries.Kind kind, UUID partId) {
        return decide(user, permission, patientId, PurposeOfUse.usualFor(user.roles()), facts.partLabels(kind, partId));
    }

    /**
     * Whether the user may work on one document in transcription or signing (open, edit, review, sign,
     * co-sign, add an addendum). Facility, restrictions and the patient's, encounter's and document's
     * labels all count; but labels are weighed by the user's duties on the document, not by the purpose
     * of use: a labelled document is open only to its author, its co-signer and the transcriptionist and
     * reviewer it is assigned to (or a clinician treating the patient on an open encounter), so the
     * author may sign a labelled note after discharge while other transcriptionists and clinicians may
     * not read it. {@code duties}: the user's duties on this document, empty for none.
     */
    public AccessDecision decideDocumentWork(CustodianUser user, Permission permission, UUID patientId, UUID documentId,
                                             Set<DocumentDuty> duties) {
        return decide(user, permission, patientId, factsAbout(user, patientId), PurposeOfUse.usualFor(user.roles()),
                documentId == null ? Set.of() : facts.documentLabels(documentId), duties);
    }

    /** {@code partLabels}: labels of the part read (a document and its encounter) beyond the patient's own. */
    AccessDecision decide(CustodianUser user, Permission permission, UUID patientId, PurposeOfUse purpose,
                          Set<SensitivityLabel> partLabels) {
        return decide(user, permission, patientId, factsAbout(user, patientId), purpose, partLabels);
    }

    /** What the decision on this patient for this user needs to know, in one query. */
    PatientAccessFacts factsAbout(CustodianUser user, UUID patientId) {
        return facts.patient(patientId, user.getUsername(), user.roles());
    }

    /** A decision on facts already looked up with {@link #factsAbout}, so a read asks the database once. */
    AccessDecision decide(CustodianUser user, Permission permission, UUID patientId, PatientAccessFacts patient,
                          PurposeOfUse purpose, Set<SensitivityLabel> partLabels) {
        return decide(user, permission, patientId, patient, purpose, partLabels, null);
    }

    /**
     * {@code documentDuties}: null for a read of the record, where labels are weighed by the purpose of
     * use; for work on one document, the user's duties on it, which alone (or treating the patient on an
     * open encounter) open a labelled document.
     */
    AccessDecision decide(CustodianUser user, Permission permission, UUID patientId, PatientAccessFacts patient,
                          PurposeOfUse purpose, Set<SensitivityLabel> partLabels, Set<DocumentDuty> documentDuties) {
        AccessDecision byRole = decide(user, permission);
        if (byRole instanceof AccessDecision.Deny deny) {
            return new AccessDecision.Deny(deny.reason(), List.of("Your role (" + roleLabels(user)
                    + ") does not include this kind of access."), false);
        }
        Map<UUID, String> holding = patient.facilities();
        if (holding.isEmpty()) {
            return new AccessDecision.Deny("no facility holds a record for this patient");
        }
        List<String> steps = new ArrayList<>();
        List<String> audited = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> auditedProblems = new ArrayList<>();
        steps.add("Your role (" + roleLabels(user) + ") allows this kind of access.");
        audited.add("role allows " + permission);

        Optional<String> member = holding.entrySet().stream().filter(f -> user.facilityIds().contains(f.getKey()))
                .map(Map.Entry::getValue).findFirst();
        if (member.isPresent()) {
            steps.add("You are a member of " + member.get() + ", which holds this record.");
            audited.add("member of " + member.get() + ", which holds the record");
        } else {
            String codes = String.join(", ", holding.values());
            problems.add("You are not a member of any facility holding this record (" + codes + ").");
            auditedProblems.add("not a member of any facility holding this patient's record (" + codes + ")");
        }

        patient.restrictedSince().ifPresent(since -> {
            problems.add("The patient asked on " + WHEN.format(since) + " that this record be kept from you.");
            auditedProblems.add("patient-requested restriction of " + WHEN.format(since) + " applies");
        });

        Set<SensitivityLabel> labels = EnumSet.noneOf(SensitivityLabel.class);
        labels.addAll(patient.labels());
        labels.addAll(partLabels);
        if (!labels.isEmpty()) {
            Steps out = new Steps(steps, audited, problems, auditedProblems);
            if (documentDuties == null) {
                labelSteps(user, patientId, purpose, labels, out);
            } else {
                dutySteps(user, patientId, documentDuties, labels, out);
            }
        }

        if (problems.isEmpty()) {
            return new AccessDecision.Permit(String.join("; ", audited), steps);
        }
        // trainees never break the glass: the sandbox is all they may see
        Optional<Instant> emergency = user.sandboxOnly() ? Optional.empty()
                : facts.emergencyAccessUntil(user.getUsername(), patientId, clock.instant());
        if (emergency.isPresent()) {
            steps.addAll(problems);
            steps.add("You declared an emergency (break-the-glass); your access lasts until "
                    + WHEN.format(emergency.get()) + " and is reviewed by the privacy officer.");
            return new AccessDecision.Permit("break-the-glass until " + WHEN.format(emergency.get())
                    + " overriding: " + String.join("; ", auditedProblems), steps);
        }
        steps.addAll(problems);
        return new AccessDecision.Deny(String.join("; ", auditedProblems), steps, !user.sandboxOnly());
    }

    /** Whether labels on part of a record (an encounter, a document) let this user see that part. */
    boolean labelsAllow(CustodianUser user, UUID patientId, PurposeOfUse purpose, Set<SensitivityLabel> labels) {
        if (labels.stream().allMatch(l -> l.allowsWithoutRelationship(purpose))) {
            return true;
        }
        return purpose == PurposeOfUse.TREATMENT && facts.treatingEncounter(patientId, user.id()).isPresent();
    }

    private void labelSteps(CustodianUser user, UUID patientId, PurposeOfUse purpose, Set<SensitivityLabel> labels,
                            Steps out) {
        String names = names(labels);
        String purposeText = purpose.name().toLowerCase(Locale.ROOT);
        Optional<String> treating = purpose == PurposeOfUse.TREATMENT
                ? facts.treatingEncounter(patientId, user.id()) : Optional.empty();
        if (treating.isPresent()) {
            treatingStep(treating.get(), names, out);
            return;
        }
        Set<SensitivityLabel> blocking = labels.stream().filter(l -> !l.allowsWithoutRelationship(purpose))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SensitivityLabel.class)));
        if (blocking.isEmpty()) {
            out.steps().add("The record's sensitivity labels allow your purpose of use (" + purposeText + ").");
            out.audited().add("labels " + names + " allow " + purpose);
        } else {
            out.problems().add("This record carries a sensitivity label that your purpose of use (" + purposeText
                    + ") does not cover, and you are not treating the patient on an open encounter.");
            out.auditedProblems().add("labels " + names(blocking) + " do not allow " + purpose
                    + " without a treating relationship");
        }
    }

    /** Labels on work on one document: a duty on the document, or treating the patient, opens it; no purpose does. */
    private void dutySteps(CustodianUser user, UUID patientId, Set<DocumentDuty> duties, Set<SensitivityLabel> labels,
                           Steps out) {
        String names = names(labels);
        if (!duties.isEmpty()) {
            out.steps().add("You are " + duties.stream().map(DocumentDuty::description).collect(Collectors.joining(
                    " and ")) + ": this relationship to the document lets you work on it although it carries a"
                    + " sensitivity label, also after the patient's discharge.");
            out.audited().add("labels " + names + " allowed: " + duties.stream().map(Enum::name).sorted()
                    .collect(Collectors.joining("+")) + " of this document");
            return;
        }
        Optional<String> treating = facts.treatingEncounter(patientId, user.id());
        if (treating.isPresent()) {
            treatingStep(treating.get(), names, out);
            return;
        }
        out.problems().add("This document carries a sensitivity label: in transcription and signing it is open only"
                + " to its author, its co-signer and the transcriptionist and QA reviewer it is assigned to, and you"
                + " are none of them.");
        out.auditedProblems().add("labels " + names + ": document work open only to its author, co-signer,"
                + " assigned transcriptionist and reviewer");
    }

    private static void treatingStep(String visit, String names, Steps out) {
        out.steps().add("You are the attending clinician on an open encounter (" + visit
                + "), so sensitive information is open to you for treatment.");
        out.audited().add("labels " + names + " allowed: attending on open encounter " + visit);
    }

    static String names(Set<SensitivityLabel> labels) {
        return labels.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /** The decision's explanation as it is built: steps shown, audited reasons, and the problems found. */
    private record Steps(List<String> steps, List<String> audited, List<String> problems,
                         List<String> auditedProblems) {
    }

    private static String roleLabels(CustodianUser user) {
        return user.roles().stream().sorted().map(Role::label).collect(Collectors.joining(", "));
    }
}
