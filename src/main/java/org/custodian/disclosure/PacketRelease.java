package org.custodian.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Patient;
import org.custodian.record.PatientRepository;
import org.springframework.stereotype.Component;

/**
 * The release of an open request: the packet is produced, kept and logged as a disclosure, the request
 * closed. Refused, with the reasons, when the authorization is not valid, nothing is selected, or specially
 * protected records are selected that the request does not cover (Part 2 without the patient's consent,
 * other categories not named by a valid authorization), the refusal audited.
 */
@Component
class PacketRelease {
    private static final String RESOURCE = "ReleaseRequest";

    private final ReleaseRequestRepository requests;
    private final DisclosureRepository disclosures;
    private final AmendmentRepository amendments;
    private final DocumentRepository documents;
    private final PatientRepository patients;
    private final SpeciallyProtected protectedRecords;
    private final ReleasableDocuments releasable;
    private final FeeSchedule fees;
    private final Guard guard;

    PacketRelease(ReleaseRequestRepository requests, DisclosureRepository disclosures, AmendmentRepository amendments,
                  DocumentRepository documents, PatientRepository patients, SpeciallyProtected protectedRecords,
                  ReleasableDocuments releasable, FeeSchedule fees, Guard guard) {
        this.requests = requests;
        this.disclosures = disclosures;
        this.amendments = amendments;
        this.documents = documents;
        this.patients = patients;
        this.protectedRecords = protectedRecords;
        this.releasable = releasable;
        this.fees = fees;
        this.guard = guard;
    }

    /** Releases an open request the user was already allowed to work on. */
    Packet release(CustodianUser user, ReleaseRequest request) {
        UUID id = request.id();
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
        releasable.refuseWithheld(user, request, request.selectedDocuments(), covered, AuditAction.PRINT);
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
                request.requesterAddress(), describe(chosen, released, basis), request.purpose().label(), basis,
                basis.accountable(), id, now, user.getUsername()));
        requests.close(id, RequestStatus.RELEASED, user.getUsername(), packet.pages() + " pages, fee $" + packet.fee());
        guard.done(user, AuditAction.PRINT, request.patientId(), "DisclosurePacket", packet.id().toString(),
                "released " + chosen.size() + " documents (" + packet.pages() + " pages) to '" + request.requesterName()
                        + "' under " + basis + (released.isEmpty() ? "" : ", specially protected " + released.stream()
                        .map(Enum::name).sorted().collect(Collectors.joining(",")) + (basis == LegalBasis.RIGHT_OF_ACCESS
                        ? " to the patient, whose own records they are" : " under the request's specific"
                        + " authorization/consent")) + ", sha256 " + packet.sha256());
        return packet;
    }

    /**
     * The accounting's description of what went out (164.528(b)(2)(iii)), naming the specially protected
     * categories released under the request's specific authorization or consent, or to the patient.
     */
    private static String describe(List<ClinicalDocument> chosen, Set<SensitivityLabel> released, LegalBasis basis) {
        String protectedNote = basis == LegalBasis.RIGHT_OF_ACCESS ? SpeciallyProtected.ownNote(released)
                : SpeciallyProtected.releasedNote(released);
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
