package org.custodian.quality.rules;

import org.custodian.quality.Category;
import org.custodian.quality.Severity;

/**
 * A document whose newest version is a draft awaits its author's signature; one marked final
 * without a signer is unauthenticated. The author must fix it, or the attending when no author is known.
 */
public final class UnsignedDocumentRule implements Rule {
    @Override
    public String id() {
        return "DOCUMENT_UNSIGNED";
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
        return "Document not signed or not authenticated";
    }

    @Override
    public void check(PatientFacts facts, RuleContext context, Findings out) {
        for (PatientFacts.DocumentRow d : facts.documents()) {
            if (d.enteredInError()) {
                continue;
            }
            String problem;
            if (d.status().equals("DRAFT")) {
                problem = "is not signed";
            } else if (d.signedBy() == null) {
                problem = "is marked " + d.status().toLowerCase() + " but names no one who signed it (unauthenticated)";
            } else {
                continue;
            }
            var encounter = facts.encounter(d.encounterId());
            var responsible = d.authorId() != null ? d.authorId() : encounter.map(PatientFacts.EncounterRow::attendingId).orElse(null);
            out.add(d.id().toString(), d.encounterId(), d.id(), encounter.map(PatientFacts.EncounterRow::facilityId).orElse(null),
                    responsible, "Document " + d.label() + encounter.map(e -> " of " + e.label()).orElse(""),
                    "The document " + problem + "; it must be authenticated by its author.");
        }
    }
}
