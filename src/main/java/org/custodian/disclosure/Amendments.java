package org.custodian.disclosure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Practitioner;
import org.custodian.record.PractitionerRepository;
import org.custodian.record.Provenance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's right to amend (164.526, ONC (d)(4)): the request with its 60-day deadline; on
 * acceptance the amendment is appended to the record as a signed addendum linked to the document and
 * everyone who received the document, or whom the patient names, is notified; on denial the written denial, the patient's
 * statement of disagreement and our rebuttal are linked to the document and go out with it.
 */
@Service
public class Amendments {
    private static final String RESOURCE = "Amendment";

    private final AmendmentRepository amendments;
    private final DisclosureRepository disclosures;
    private final DocumentRepository documents;
    private final Guard guard;
    private final UserAccounts accounts;
    private final PractitionerRepository practitioners;

    Amendments(AmendmentRepository amendments, DisclosureRepository disclosures, DocumentRepository documents,
               Guard guard, UserAccounts accounts, PractitionerRepository practitioners) {
        this.accounts = accounts;
        this.practitioners = practitioners;
        this.amendments = amendments;
        this.disclosures = disclosures;
        this.documents = documents;
        this.guard = guard;
    }

    @Transactional
    public UUID request(CustodianUser user, NewAmendment a) {
        ClinicalDocument doc = documents.find(a.documentId())
                .filter(d -> d.patientId().equals(a.patientId()))
                .orElseThrow(() -> new IllegalArgumentException("document " + a.documentId()
                        + " is not in this patient's record"));
        guard.require(user, Permission.MANAGE_AMENDMENTS, a.patientId(), AuditAction.CREATE, RESOURCE, null);
        if (!guard.mayOpenDocument(user, a.patientId(), a.documentId(), AuditAction.CREATE, RESOURCE, null)) {
            throw new DisclosureDenied("you may not open document " + a.documentId()
                    + "; a colleague whose work covers its sensitivity label must take this request");
        }
        UUID id = UUID.randomUUID();
        amendments.insert(id, a, a.receivedOn().plusDays(Deadline.AMENDMENT_DAYS), user.getUsername());
        guard.done(user, AuditAction.CREATE, a.patientId(), RESOURCE, id.toString(),
                "amendment requested to '" + doc.current().title() + "'");
        return id;
    }

    /**
     * The request, with nothing of its document when the user may not open that document (a
     * sensitivity label on it or its encounter); the withholding is audited.
     */
    public Amendment get(CustodianUser user, UUID id) {
        Amendment a = find(id);
        guard.require(user, Permission.MANAGE_AMENDMENTS, a.patientId(), AuditAction.READ, RESOURCE, id.toString());
        boolean documentShown = guard.mayOpenDocument(user, a.patientId(), a.documentId(), AuditAction.READ, RESOURCE,
                id.toString());
        guard.done(user, AuditAction.READ, a.patientId(), RESOURCE, id.toString(),
                documentShown ? "amendment request" : "amendment request, its document withheld");
        return documentShown ? a : a.withDocumentWithheld();
    }

    public List<Amendment> queue(CustodianUser user) {
        guard.require(user, Permission.MANAGE_AMENDMENTS, RESOURCE);
        List<Amendment> open = amendments.open().stream().filter(a -> reachable(user, a.patientId()))
                .map(a -> shownTo(user, a)).toList();
        guard.done(user, AuditAction.SEARCH, null, RESOURCE, null, "amendment queue: " + open.size() + " open");
        return open;
    }

    public List<Amendment> recentlyDecided(CustodianUser user) {
        guard.require(user, Permission.MANAGE_AMENDMENTS, RESOURCE);
        return amendments.recentlyDecided(20).stream().filter(a -> reachable(user, a.patientId()))
                .map(a -> shownTo(user, a)).toList();
    }

    private Amendment shownTo(CustodianUser user, Amendment a) {
        return guard.permitsDocument(user, a.patientId(), a.documentId()) ? a : a.withDocumentWithheld();
    }

    /** Appends the amendment to the record and notifies those who received the document. */
    @Transactional
    public Amendment accept(CustodianUser user, UUID id, String amendmentText) {
        return accept(user, id, amendmentText, List.of());
    }

    /**
     * Accepts the request (164.526(c)): the amendment becomes an addendum linked to the amended
     * document, signed by the accepting HIM professional so it is final in the record, not a draft;
     * a notice is recorded for each earlier recipient of the document and each person the patient
     * named as needing it ((c)(3)(i) and (ii)).
     */
    @Transactional
    public Amendment accept(CustodianUser user, UUID id, String amendmentText, List<String> namedByPatient) {
        Amendment a = undecided(user, id);
        String text = NewRequest.required(amendmentText, "amendment text", 8000);
        List<String> named = namedRecipients(namedByPatient);
        UUID signer = signer(user);
        Provenance prov = Provenance.now("custodian-him", "amendment " + id, user.getUsername());
        ClinicalDocument draft = documents.addAddendum(a.documentId(),
                "Amendment at the patient's request (45 CFR 164.526), accepted " + java.time.LocalDate.now()
                        + ".\n\nRequested: " + a.requestedChange() + "\n\nAmendment: " + text, signer, prov);
        ClinicalDocument addendum = documents.sign(draft.id(), draft.current().version(), signer, Instant.now(), prov);
        amendments.accept(id, addendum.id(), user.getUsername());
        List<DisclosureRepository.Recipient> recipients = disclosures.recipientsOf(a.documentId());
        for (DisclosureRepository.Recipient r : recipients) {
            amendments.notice(id, r.name(), r.disclosureId(), false);
        }
        for (String person : named) {
            amendments.notice(id, person, null, true);
        }
        guard.done(user, AuditAction.UPDATE, a.patientId(), RESOURCE, id.toString(), "accepted; addendum "
                + addendum.id() + " signed (" + addendum.current().status() + ") and linked to " + a.documentId()
                + "; notified " + recipients.size() + " prior recipient(s) and " + named.size()
                + " named by the patient");
        return find(id);
    }

    /** The accepting user's practitioner identity, created and linked the first time they sign an amendment. */
    private UUID signer(CustodianUser user) {
        return accounts.practitionerOf(user.getUsername()).orElseGet(() -> {
            String[] words = user.displayName().strip().split("\\s+", 2);
            Practitioner staff = practitioners.ensure(words.length > 1
                    ? new Practitioner(UUID.randomUUID(), null, words[0], words[1])
                    : new Practitioner(UUID.randomUUID(), null, null, user.getUsername()));
            accounts.linkPractitioner(user.getUsername(), staff.id(), user.getUsername());
            return staff.id();
        });
    }

    private static List<String> namedRecipients(List<String> given) {
        List<String> named = new ArrayList<>();
        for (String person : given == null ? List.<String>of() : given) {
            String name = person == null ? "" : person.strip();
            if (name.length() > 200) {
                throw new IllegalArgumentException("a recipient the patient named is longer than 200 characters: '"
                        + name.substring(0, 40) + "…'");
            }
            if (!name.isEmpty() && !named.contains(name)) {
                named.add(name);
            }
        }
        return named;
    }

    @Transactional
    public Amendment deny(CustodianUser user, UUID id, DenialBasis basis, String explanation) {
        Amendment a = undecided(user, id);
        if (basis == null) {
            throw new IllegalArgumentException("choose the basis for the denial");
        }
        String more = explanation == null || explanation.isBlank() ? "" : " " + explanation.trim();
        String letter = "Your request of " + a.receivedOn() + " to amend '" + a.documentTitle() + "' is denied. "
                + basis.reason() + more + " You may submit a written statement disagreeing with this denial; it will"
                + " be linked to your record and included with any future disclosure of it. If you do not, you may"
                + " ask that your request and this denial go with any future disclosure. You may complain to us or"
                + " to the Secretary of Health and Human Services.";
        amendments.deny(id, basis, letter, user.getUsername());
        guard.done(user, AuditAction.UPDATE, a.patientId(), RESOURCE, id.toString(), "denied: " + basis);
        return find(id);
    }

    @Transactional
    public Amendment disagreement(CustodianUser user, UUID id, String statement) {
        Amendment a = denied(user, id);
        amendments.disagreement(id, NewRequest.required(statement, "statement of disagreement", 8000));
        guard.done(user, AuditAction.UPDATE, a.patientId(), RESOURCE, id.toString(), "statement of disagreement linked");
        return find(id);
    }

    @Transactional
    public Amendment rebuttal(CustodianUser user, UUID id, String rebuttal) {
        Amendment a = denied(user, id);
        if (a.disagreement() == null) {
            throw new IllegalArgumentException("a rebuttal answers the patient's statement of disagreement; none is on file");
        }
        amendments.rebuttal(id, NewRequest.required(rebuttal, "rebuttal", 8000));
        guard.done(user, AuditAction.UPDATE, a.patientId(), RESOURCE, id.toString(), "rebuttal linked");
        return find(id);
    }

    private Amendment undecided(CustodianUser user, UUID id) {
        Amendment a = workable(user, id);
        if (a.status() != AmendmentStatus.REQUESTED) {
            throw new IllegalArgumentException("this amendment request is already " + a.status().name().toLowerCase());
        }
        return a;
    }

    private Amendment denied(CustodianUser user, UUID id) {
        Amendment a = workable(user, id);
        if (a.status() != AmendmentStatus.DENIED) {
            throw new IllegalArgumentException("statements of disagreement and rebuttals follow a denial");
        }
        return a;
    }

    /** The request, if the user may work it: they reach the patient and may open the document it is about. */
    private Amendment workable(CustodianUser user, UUID id) {
        Amendment a = find(id);
        guard.require(user, Permission.MANAGE_AMENDMENTS, a.patientId(), AuditAction.UPDATE, RESOURCE, id.toString());
        if (!guard.mayOpenDocument(user, a.patientId(), a.documentId(), AuditAction.UPDATE, RESOURCE, id.toString())) {
            throw new DisclosureDenied("you may not open the document this request is about; a colleague whose"
                    + " work covers its sensitivity label must decide it");
        }
        return a;
    }

    private Amendment find(UUID id) {
        return amendments.find(id).orElseThrow(() -> new NotFound("no amendment request " + id));
    }

    private boolean reachable(CustodianUser user, UUID patientId) {
        return guard.permits(user, Permission.MANAGE_AMENDMENTS, patientId);
    }
}
