package org.custodian.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.AccessDecision;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Patient;
import org.custodian.record.PatientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The release-of-information workflow: intake, the authorization check, minimum-necessary
 * selection, the deadline and its one extension, and release as a packet that is logged as a
 * disclosure. Each step is decided by the access policy for the patient and audited.
 */
@Service
public class ReleaseRequests {
    private static final String RESOURCE = "ReleaseRequest";

    private final ReleaseRequestRepository requests;
    private final DisclosureRepository disclosures;
    private final AmendmentRepository amendments;
    private final DocumentRepository documents;
    private final PatientRepository patients;
    private final SpeciallyProtected protectedRecords;
    private final FeeSchedule fees;
    private final Guard guard;

    ReleaseRequests(ReleaseRequestRepository requests, DisclosureRepository disclosures, AmendmentRepository amendments,
                    DocumentRepository documents, PatientRepository patients, SpeciallyProtected protectedRecords,
                    FeeSchedule fees, Guard guard) {
        this.requests = requests;
        this.disclosures = disclosures;
        this.amendments = amendments;
        this.documents = documents;
        this.patients = patients;
        this.protectedRecords = protectedRecords;
        this.fees = fees;
        this.guard = guard;
    }

    @Transactional
    public UUID open(CustodianUser user, NewRequest request) {
        if (patients.find(request.patientId()).isEmpty()) {
            throw new IllegalArgumentException("no patient with id " + request.patientId());
        }
        guard.require(user, Permission.RELEASE_INFORMATION, request.patientId(), AuditAction.CREATE, RESOURCE, null);
        UUID id = UUID.randomUUID();
        requests.insert(id, request, request.receivedOn().plusDays(Deadline.ACCESS_DAYS), user.getUsername());
        guard.done(user, AuditAction.CREATE, request.patientId(), RESOURCE, id.toString(),
                "request from " + request.requesterType() + " '" + request.requesterName() + "' for "
                        + request.purpose());
        return id;
    }

    public ReleaseRequest get(CustodianUser user, UUID id) {
        ReleaseRequest request = requests.find(id).orElseThrow(() -> new NotFound("no release request " + id));
        guard.require(user, Permission.RELEASE_INFORMATION, request.patientId(), AuditAction.READ, RESOURCE,
                id.toString());
        guard.done(user, AuditAction.READ, request.patientId(), RESOURCE, id.toString(), "release request");
        return request;
    }

    /** Open requests of patients the user may reach, the most urgent first. */
    public List<ReleaseRequest> queue(CustodianUser user) {
        guard.require(user, Permission.RELEASE_INFORMATION, RESOURCE);
        List<ReleaseRequest> open = requests.open().stream().filter(r -> reachable(user, r.patientId()))
                .sorted(Comparator.comparing(ReleaseRequest::dueOn)).toList();
        guard.done(user, AuditAction.SEARCH, null, RESOURCE, null, "release-of-information queue: " + open.size()
                + " open requests");
        return open;
    }

    public List<ReleaseRequest> recentlyClosed(CustodianUser user) {
        guard.require(user, Permission.RELEASE_INFORMATION, RESOURCE);
        return requests.recentlyClosed(20).stream().filter(r -> reachable(user, r.patientId())).toList();
    }

    /**
     * The patient's documents that could be released, within the request's dates, newest first. Those
     * whose sensitivity labels (their own or their encounter's) keep the user from releasing them even
     * with a specific authorization or consent are not listed, only counted. Specially protected records
     * are listed with the categories the request does not cover yet (42 CFR Part 2 without the patient's
     * specific consent, HIV and the like not named by a valid authorization): they need that before release.
     */
    public Candidates candidates(CustodianUser user, ReleaseRequest request) {
        guard.require(user, Permission.RELEASE_INFORMATION, request.patientId(), AuditAction.READ, "DocumentList",
                request.id().toString());
        List<ClinicalDocument> inRange = documents.forPatient(request.patientId()).stream()
                .filter(d -> !d.isEnteredInError() && d.addendumTo() == null)
                .filter(d -> within(d, request.dateFrom(), request.dateTo())).toList();
        Set<SensitivityLabel> everyLabel = EnumSet.allOf(SensitivityLabel.class);
        List<ClinicalDocument> found = inRange.stream().filter(d -> guard.release(user, request.patientId(), d.id(),
                everyLabel) instanceof AccessDecision.Permit).toList();
        int withheld = inRange.size() - found.size();
        Map<UUID, Set<SensitivityLabel>> uncovered = protectedRecords.uncovered(found.stream().map(ClinicalDocument::id)
                        .collect(Collectors.toSet()),
                request.coveredLabels(LocalDate.now()));
        guard.done(user, AuditAction.READ, request.patientId(), "DocumentList", request.id().toString(),
                found.size() + " documents listed for release"
                        + (uncovered.isEmpty() ? "" : ", " + uncovered.size() + " needing specific authorization")
                        + (withheld == 0 ? "" : ", " + withheld + " withheld by sensitivity labels"));
        return new Candidates(found, withheld, uncovered);
    }

    /**
     * Documents the user may select for release; how many more the sensitivity labels keep back; and, of
     * those listed, the specially protected categories each falls in that the request does not cover yet.
     */
    public record Candidates(List<ClinicalDocument> documents, int withheld,
                             Map<UUID, Set<SensitivityLabel>> needsSpecificAuthorization) {
        public Candidates {
            documents = List.copyOf(documents);
            needsSpecificAuthorization = Map.copyOf(needsSpecificAuthorization);
        }

        /**
         * The categories beyond 42 CFR Part 2 (which has its own consent) that a listed document needs a
         * valid authorization to name, in words, or null when it needs none.
         */
        public String needsAuthorizationFor(UUID documentId) {
            String needs = needsSpecificAuthorization.getOrDefault(documentId, Set.of()).stream()
                    .filter(l -> l != SensitivityLabel.SUBSTANCE_USE_PART2).sorted().map(SensitivityLabel::label)
                    .collect(Collectors.joining(", "));
            return needs.isEmpty() ? null : needs;
        }
    }

    /** The documents any sensitivity labeller marks as Part 2. */
    public Set<UUID> part2Documents(Set<UUID> documentIds) {
        return protectedRecords.part2Documents(documentIds);
    }

    @Transactional
    public void select(CustodianUser user, UUID id, Set<UUID> documentIds, LocalDate from, LocalDate to) {
        ReleaseRequest request = openRequest(user, id, AuditAction.UPDATE);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the date range ends (" + to + ") before it starts (" + from + ")");
        }
        Set<UUID> own = new HashSet<>();
        documents.forPatient(request.patientId()).forEach(d -> own.add(d.id()));
        for (UUID doc : documentIds) {
            if (!own.contains(doc)) {
                throw new IllegalArgumentException("document " + doc + " is not in this patient's record");
            }
        }
        refuseWithheld(user, request, documentIds, EnumSet.allOf(SensitivityLabel.class), AuditAction.UPDATE);
        requests.select(id, documentIds, from, to);
        guard.done(user, AuditAction.UPDATE, request.patientId(), RESOURCE, id.toString(),
                "selected " + documentIds.size() + " documents, dates " + from + " to " + to);
    }

    @Transactional
    public void extend(CustodianUser user, UUID id, String reason) {
        ReleaseRequest request = openRequest(user, id, AuditAction.UPDATE);
        if (!request.canExtend()) {
            throw new IllegalArgumentException(request.extendedOn() != null ? "this request was already extended once"
                    : "only access requests by the patient may be extended (164.524(b)(2))");
        }
        String why = NewRequest.required(reason, "reason for the extension", 1000);
        requests.extend(id, request.dueOn().plusDays(Deadline.EXTENSION_DAYS), why);
        guard.done(user, AuditAction.UPDATE, request.patientId(), RESOURCE, id.toString(),
                "deadline extended 30 days: " + why);
    }

    /**
     * Produces the packet and logs the disclosure. Refused, with the reasons, when the authorization
     * is not valid, nothing is selected, or Part 2 records are selected without the patient's consent.
     */
    @Transactional
    public Packet release(CustodianUser user, UUID id) {
        ReleaseRequest request = openRequest(user, id, AuditAction.PRINT);
        LocalDate today = LocalDate.now();
        List<String> findings = request.authorizationFindings(today);
        if (!findings.isEmpty()) {
            throw new IllegalArgumentException("the authorization is not valid: " + String.join("; ", findings));
        }
        if (request.selectedDocuments().isEmpty()) {
            throw new IllegalArgumentException("select the documents to release first");
        }
        Set<SensitivityLabel> covered = request.coveredLabels(today);
        Map<UUID, Set<SensitivityLabel>> uncovered = protectedRecords.uncovered(request.selectedDocuments(), covered);
        if (!uncovered.isEmpty()) {
            guard.refused(user, AuditAction.PRINT, request.patientId(), RESOURCE, id.toString(),
                    protectedRecords.audited(uncovered));
            throw new IllegalArgumentException(protectedRecords.refusal(uncovered));
        }
        refuseWithheld(user, request, request.selectedDocuments(), covered, AuditAction.PRINT);
        Set<SensitivityLabel> released = protectedRecords.together(
                protectedRecords.categories(request.selectedDocuments()));
        Patient patient = patients.find(request.patientId()).orElseThrow();
        List<ClinicalDocument> all = documents.forPatient(request.patientId());
        List<ClinicalDocument> chosen = all.stream().filter(d -> request.selectedDocuments().contains(d.id()))
                .sorted(Comparator.comparing(ClinicalDocument::createdAt)).toList();
        List<ClinicalDocument> addenda = all.stream()
                .filter(d -> d.addendumTo() != null && request.selectedDocuments().contains(d.addendumTo())
                        && !d.isEnteredInError()).toList();
        Instant now = Instant.now();
        Packet packet = PacketBuilder.build(new PacketBuilder.Contents(request, patient, chosen, addenda,
                amendments.forDocuments(request.selectedDocuments()), released), fees, now);
        requests.insertPacket(packet.id(), id, packet, user.getUsername());
        LegalBasis basis = request.basis();
        disclosures.insert(new Disclosure(UUID.randomUUID(), request.patientId(), today, request.requesterName(),
                request.requesterAddress(), describe(chosen, released), request.purpose().label(), basis,
                basis.accountable(),
                id, now, user.getUsername()));
        requests.close(id, RequestStatus.RELEASED, user.getUsername(), packet.pages() + " pages, fee $" + packet.fee());
        guard.done(user, AuditAction.PRINT, request.patientId(), "DisclosurePacket", packet.id().toString(),
                "released " + chosen.size() + " documents (" + packet.pages() + " pages) to '" + request.requesterName()
                        + "' under " + basis + (released.isEmpty() ? "" : ", specially protected " + released.stream()
                        .map(Enum::name).sorted().collect(Collectors.joining(",")) + " under the request's specific"
                        + " authorization/consent") + ", sha256 " + packet.sha256());
        return packet;
    }

    @Transactional
    public void deny(CustodianUser user, UUID id, String reason) {
        ReleaseRequest request = openRequest(user, id, AuditAction.UPDATE);
        String why = NewRequest.required(reason, "reason for the denial", 2000);
        requests.close(id, RequestStatus.DENIED, user.getUsername(), why);
        guard.done(user, AuditAction.UPDATE, request.patientId(), RESOURCE, id.toString(), "request denied: " + why);
    }

    public List<PacketInfo> packets(CustodianUser user, UUID id) {
        ReleaseRequest request = requests.find(id).orElseThrow(() -> new NotFound("no release request " + id));
        guard.require(user, Permission.RELEASE_INFORMATION, request.patientId(), AuditAction.READ, RESOURCE,
                id.toString());
        return requests.packets(id);
    }

    public byte[] packetPdf(CustodianUser user, UUID requestId, UUID packetId) {
        ReleaseRequest request = requests.find(requestId).orElseThrow(() -> new NotFound("no release request " + requestId));
        guard.require(user, Permission.RELEASE_INFORMATION, request.patientId(), AuditAction.READ, "DisclosurePacket",
                packetId.toString());
        byte[] pdf = requests.packetPdf(requestId, packetId)
                .orElseThrow(() -> new NotFound("request " + requestId + " has no packet " + packetId));
        guard.done(user, AuditAction.READ, request.patientId(), "DisclosurePacket", packetId.toString(),
                "packet PDF opened");
        return pdf;
    }

    public FeeSchedule fees() {
        return fees;
    }

    private ReleaseRequest openRequest(CustodianUser user, UUID id, AuditAction action) {
        ReleaseRequest request = requests.find(id).orElseThrow(() -> new NotFound("no release request " + id));
        guard.require(user, Permission.RELEASE_INFORMATION, request.patientId(), action, RESOURCE, id.toString());
        if (request.status() != RequestStatus.OPEN) {
            throw new IllegalArgumentException("this request is already " + request.status().name().toLowerCase());
        }
        return request;
    }

    /**
     * Refuses, audited and with the reason in words, documents whose labels (their own or their
     * encounter's) keep the user from releasing them. Checked again at release: labels may have been
     * put on since the selection.
     */
    private void refuseWithheld(CustodianUser user, ReleaseRequest request, Set<UUID> documentIds,
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

    private boolean reachable(CustodianUser user, UUID patientId) {
        return guard.permits(user, Permission.RELEASE_INFORMATION, patientId);
    }

    private static boolean within(ClinicalDocument d, LocalDate from, LocalDate to) {
        LocalDate on = LocalDate.ofInstant(d.createdAt(), java.time.ZoneId.systemDefault());
        return (from == null || !on.isBefore(from)) && (to == null || !on.isAfter(to));
    }

    /**
     * The accounting's description of what went out (164.528(b)(2)(iii)), naming the specially protected
     * categories released under the request's specific authorization or consent.
     */
    private static String describe(List<ClinicalDocument> chosen, Set<SensitivityLabel> released) {
        String protectedNote = SpeciallyProtected.releasedNote(released);
        StringBuilder text = new StringBuilder();
        for (ClinicalDocument d : chosen) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(d.current().title()).append(" (").append(PacketBuilder.date(d.createdAt())).append(')');
        }
        String titles = text.length() > 1900 - protectedNote.length()
                ? text.substring(0, 1900 - protectedNote.length()) + "…" : text.toString();
        return titles + protectedNote;
    }
}
