package org.custodian.disclosure;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.AccessDecision;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentRepository;
import org.springframework.stereotype.Component;

/**
 * Which of a patient's documents a release request may take: listed for the specialist's selection with the
 * specially protected categories the request does not cover yet, and refused (audited, with the reason in
 * words) when the user may not release them.
 */
@Component
class ReleasableDocuments {
    private static final String RESOURCE = "ReleaseRequest";

    private final DocumentRepository documents;
    private final SpeciallyProtected protectedRecords;
    private final Guard guard;

    ReleasableDocuments(DocumentRepository documents, SpeciallyProtected protectedRecords, Guard guard) {
        this.documents = documents;
        this.protectedRecords = protectedRecords;
        this.guard = guard;
    }

    /**
     * The patient's documents that could be released, within the request's dates. Those whose sensitivity
     * labels keep the user from releasing them even with a specific authorization or consent are not
     * listed, only counted. Specially protected records are listed with the categories the request does not
     * cover yet (42 CFR Part 2 without the patient's specific consent, HIV and the like not named by a valid
     * authorization), whether the label is on the document, its encounter or the whole patient.
     */
    ReleaseCandidates candidates(CustodianUser user, ReleaseRequest request) {
        List<ClinicalDocument> inRange = documents.forPatient(request.patientId()).stream()
                .filter(d -> !d.isEnteredInError() && d.addendumTo() == null)
                .filter(d -> within(d, request.dateFrom(), request.dateTo())).toList();
        Set<SensitivityLabel> everyLabel = EnumSet.allOf(SensitivityLabel.class);
        List<ClinicalDocument> found = inRange.stream().filter(d -> guard.release(user, request.patientId(), d.id(),
                everyLabel) instanceof AccessDecision.Permit).toList();
        int withheld = inRange.size() - found.size();
        Map<UUID, Set<SensitivityLabel>> uncovered = protectedRecords.uncovered(found.stream().map(ClinicalDocument::id)
                .collect(Collectors.toSet()), request.coveredLabels(LocalDate.now()));
        guard.done(user, AuditAction.READ, request.patientId(), "DocumentList", request.id().toString(),
                found.size() + " documents listed for release"
                        + (uncovered.isEmpty() ? "" : ", " + uncovered.size() + " needing specific authorization")
                        + (withheld == 0 ? "" : ", " + withheld + " withheld by sensitivity labels"));
        return new ReleaseCandidates(found, withheld, uncovered);
    }

    /**
     * Refuses, audited and with the reason in words, documents whose labels (their own, their encounter's or
     * the patient's, less those {@code covered}) keep the user from releasing them. Checked again at
     * release: labels may have been put on since the selection.
     */
    void refuseWithheld(CustodianUser user, ReleaseRequest request, Set<UUID> documentIds,
                        Set<SensitivityLabel> covered, AuditAction action) {
        List<AccessDecision.Deny> denials = new ArrayList<>();
        List<UUID> withheld = new ArrayList<>();
        for (UUID doc : documentIds) {
            if (guard.release(user, request.patientId(), doc, covered) instanceof AccessDecision.Deny deny) {
                denials.add(deny);
                withheld.add(doc);
            }
        }
        if (withheld.isEmpty()) {
            return;
        }
        guard.refused(user, action, request.patientId(), RESOURCE, request.id().toString(), withheld.size()
                + " selected document(s) withheld (" + withheld + "): " + denials.getFirst().reason());
        throw new IllegalArgumentException(withheld.size() + " selected document(s) may not be released by you: "
                + denials.getFirst().steps().getLast() + " Remove them from the selection");
    }

    private static boolean within(ClinicalDocument d, LocalDate from, LocalDate to) {
        LocalDate on = LocalDate.ofInstant(d.createdAt(), ZoneId.systemDefault());
        return (from == null || !on.isBefore(from)) && (to == null || !on.isAfter(to));
    }
}
