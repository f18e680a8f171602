package org.custodian.disclosure;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.SensitivityLabel;
import org.springframework.stereotype.Component;

/**
 * The specially protected categories of documents up for release, as every {@link DocumentSensitivity}
 * marks them, and which of them a request does not cover: 42 CFR Part 2 records without the patient's
 * specific consent, HIV, behavioural-health, VIP and other labelled records without a valid authorization
 * that names the category.
 */
@Component
class SpeciallyProtected {
    private final List<DocumentSensitivity> sensitivity;

    SpeciallyProtected(List<DocumentSensitivity> sensitivity) {
        this.sensitivity = sensitivity;
    }

    /** The documents any source marks as Part 2. */
    Set<UUID> part2Documents(Set<UUID> documentIds) {
        Set<UUID> part2 = new HashSet<>();
        sensitivity.forEach(labels -> part2.addAll(labels.part2Documents(documentIds)));
        return part2;
    }

    /** The protected categories of each document that falls in any (labels on it, its encounter or the patient). */
    Map<UUID, Set<SensitivityLabel>> categories(Set<UUID> documentIds) {
        Map<UUID, Set<SensitivityLabel>> all = new HashMap<>();
        sensitivity.forEach(labels -> labels.categories(documentIds).forEach((doc, categories) -> all
                .computeIfAbsent(doc, k -> EnumSet.noneOf(SensitivityLabel.class)).addAll(categories)));
        part2Documents(documentIds).forEach(doc -> all.computeIfAbsent(doc, k -> EnumSet.noneOf(SensitivityLabel.class))
                .add(SensitivityLabel.SUBSTANCE_USE_PART2));
        return all;
    }

    /** Of these documents, the protected categories each falls in that {@code covered} leaves uncovered. */
    Map<UUID, Set<SensitivityLabel>> uncovered(Set<UUID> documentIds, Set<SensitivityLabel> covered) {
        Map<UUID, Set<SensitivityLabel>> uncovered = new HashMap<>();
        categories(documentIds).forEach((doc, categories) -> {
            Set<SensitivityLabel> left = EnumSet.copyOf(categories);
            left.removeAll(covered);
            if (!left.isEmpty()) {
                uncovered.put(doc, left);
            }
        });
        return uncovered;
    }

    /** The categories of these documents together, in one set. */
    Set<SensitivityLabel> together(Map<UUID, Set<SensitivityLabel>> byDocument) {
        Set<SensitivityLabel> all = EnumSet.noneOf(SensitivityLabel.class);
        byDocument.values().forEach(all::addAll);
        return all;
    }

    /** For the audit trail: the uncovered documents and the label names. */
    String audited(Map<UUID, Set<SensitivityLabel>> uncovered) {
        return uncovered.size() + " selected document(s) need specific authorization (" + uncovered.keySet() + "): "
                + together(uncovered).stream().map(Enum::name).collect(Collectors.joining(","))
                + " not covered by the request";
    }

    /** For the specialist: what the uncovered documents are and what would let them go. */
    String refusal(Map<UUID, Set<SensitivityLabel>> uncovered) {
        Set<SensitivityLabel> categories = together(uncovered);
        boolean part2 = categories.contains(SensitivityLabel.SUBSTANCE_USE_PART2);
        boolean other = categories.stream().anyMatch(l -> l != SensitivityLabel.SUBSTANCE_USE_PART2);
        return uncovered.size() + " selected document(s) are specially protected ("
                + categories.stream().map(SensitivityLabel::label).collect(Collectors.joining(", ")) + ") and need "
                + (part2 ? "the patient's specific 42 CFR Part 2 consent" : "") + (part2 && other ? " and " : "")
                + (other ? "a valid authorization that names the category specifically" : "")
                + "; remove them or record " + (part2 && !other ? "the consent" : "the authorization");
    }

    /** For the description of a copy for the patient: the specially protected categories of their own it held. */
    static String ownNote(Set<SensitivityLabel> included) {
        return included.isEmpty() ? "" : " [includes the patient's own specially protected records: "
                + included.stream().sorted().map(SensitivityLabel::label).collect(Collectors.joining(", ")) + "]";
    }

    /** For the accounting's description: the categories that went out under the request's specific terms. */
    static String releasedNote(Set<SensitivityLabel> released) {
        return released.isEmpty() ? "" : " [specially protected, released under specific authorization or consent: "
                + released.stream().map(SensitivityLabel::label).collect(Collectors.joining(", ")) + "]";
    }
}
