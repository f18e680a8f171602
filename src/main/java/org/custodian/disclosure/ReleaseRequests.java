package org.custodian.disclosure;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Patient;
import org.custodian.record.PatientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The release-of-information workflow: intake, the authorization check, minimum-necessary
 * selection ({@link ReleasableDocuments}), the deadline and its one extension, and release as a packet
 * that is logged as a disclosure ({@link PacketRelease}). Each step is decided by the access policy for
 * the work on the patient's record and audited; sensitivity labels are decided document by document.
 */
@Service
public class ReleaseRequests {
    private static final String RESOURCE = "ReleaseRequest";

    private final ReleaseRequestRepository requests;
    private final DocumentRepository documents;
    private final PatientRepository patients;
    private final ReleasableDocuments releasable;
    private final PacketRelease packetRelease;
    private final FeeSchedule fees;
    private final Guard guard;

    ReleaseRequests(ReleaseRequestRepository requests, DocumentRepository documents, PatientRepository patients,
                    ReleasableDocuments releasable, PacketRelease packetRelease,
                    FeeSchedule fees, Guard guard) {
        this.requests = requests;
        this.documents = documents;
        this.patients = patients;
        this.releasable = releasable;
        this.packetRelease = packetRelease;
        this.fees = fees;
        this.guard = guard;
    }

    /** The patient a new request is for, as the intake form shows them; decided as release work, audited. */
    public Patient patient(CustodianUser user, UUID patientId) {
        Patient patient = patients.find(patientId).orElseThrow(() -> new NotFound("no patient " + patientId));
        guard.requireReleaseWork(user, patientId, AuditAction.READ, "Patient", patientId.toString());
        guard.done(user, AuditAction.READ, patientId, "Patient", patientId.toString(),
                "demographics for a release-of-information request");
        return patient;
    }

    @Transactional
    public UUID open(CustodianUser user, NewRequest request) {
        if (patients.find(request.patientId()).isEmpty()) {
            throw new IllegalArgumentException("no patient with id " + request.patientId());
        }
        guard.requireReleaseWork(user, request.patientId(), AuditAction.CREATE, RESOURCE, null);
        UUID id = UUID.randomUUID();
        requests.insert(id, request, request.receivedOn().plusDays(Deadline.ACCESS_DAYS), user.getUsername());
        guard.done(user, AuditAction.CREATE, request.patientId(), RESOURCE, id.toString(),
                "request from " + request.requesterType() + " '" + request.requesterName() + "' for "
                        + request.purpose());
        return id;
    }

    public ReleaseRequest get(CustodianUser user, UUID id) {
        ReleaseRequest request = requests.find(id).orElseThrow(() -> new NotFound("no release request " + id));
        guard.requireReleaseWork(user, request.patientId(), AuditAction.READ, RESOURCE, id.toString());
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

    /** The documents the request may take, as {@link ReleasableDocuments#candidates} lists them. */
    public ReleaseCandidates candidates(CustodianUser user, ReleaseRequest request) {
        guard.requireReleaseWork(user, request.patientId(), AuditAction.READ, "DocumentList", request.id().toString());
        return releasable.candidates(user, request);
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
        releasable.refuseWithheld(user, request, documentIds, EnumSet.allOf(SensitivityLabel.class),
                AuditAction.UPDATE);
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
     * is not valid, nothing is selected, or specially protected records are selected that the request
     * does not cover (see {@link PacketRelease}).
     */
    @Transactional
    public Packet release(CustodianUser user, UUID id) {
        return packetRelease.release(user, openRequest(user, id, AuditAction.PRINT));
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
        guard.requireReleaseWork(user, request.patientId(), AuditAction.READ, RESOURCE, id.toString());
        return requests.packets(id);
    }

    public byte[] packetPdf(CustodianUser user, UUID requestId, UUID packetId) {
        ReleaseRequest request = requests.find(requestId).orElseThrow(() -> new NotFound("no release request " + requestId));
        guard.requireReleaseWork(user, request.patientId(), AuditAction.READ, "DisclosurePacket",
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
        guard.requireReleaseWork(user, request.patientId(), action, RESOURCE, id.toString());
        if (request.status() != RequestStatus.OPEN) {
            throw new IllegalArgumentException("this request is already " + request.status().name().toLowerCase());
        }
        return request;
    }

    private boolean reachable(CustodianUser user, UUID patientId) {
        return guard.permitsReleaseWork(user, patientId);
    }
}
