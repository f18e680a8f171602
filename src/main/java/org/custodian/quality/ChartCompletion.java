package org.custodian.quality;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.privacy.AccessDecision;
import org.custodian.privacy.AccessPolicy;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditEntry;
import org.custodian.privacy.AuditOutcome;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentChangeException;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Provenance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chart completion for people: the physician's deficiency queue and notices, the HIM analyst's
 * queue of discharged charts, chart review, and signing from the queue. Every list names patients,
 * so each is decided by role and facility and audited; signing is audited as an update.
 */
@Service
public class ChartCompletion {
    private static final int LIMIT = 500;

    private final DeficiencyRepository deficiencies;
    private final NotificationRepository notifications;
    private final PhysicianNotifier notifier;
    private final DocumentRepository documents;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final UserAccounts accounts;
    private final QualityProperties properties;
    private final Clock clock;

    ChartCompletion(DeficiencyRepository deficiencies, NotificationRepository notifications, PhysicianNotifier notifier,
                    DocumentRepository documents, AccessPolicy policy, AuditTrail audit, UserAccounts accounts,
                    QualityProperties properties, Optional<Clock> clock) {
        this.deficiencies = deficiencies;
        this.notifications = notifications;
        this.notifier = notifier;
        this.documents = documents;
        this.policy = policy;
        this.audit = audit;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public int delinquentAfterDays() {
        return properties.delinquentAfterDays();
    }

    /** The signed-in physician's open deficiencies and notices; empty when the account signs as no practitioner. */
    public Optional<PhysicianQueue> physicianQueue(CustodianUser user) {
        require(user, Permission.SIGN_DOCUMENTS);
        Optional<UUID> practitioner = accounts.practitionerOf(user.getUsername());
        if (practitioner.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Deficiency> open = deficiencies.open(practitioner, user.facilityIds(), now, properties.delinquentAfterDays(), LIMIT);
        List<Notification> notices = notifications.forPractitioner(practitioner.get(), 50);
        record(user, AuditAction.READ, null, "DeficiencyQueue", practitioner.get().toString(),
                "physician deficiency queue: " + open.size() + " deficiencies of " + distinctPatients(open) + " patients");
        return Optional.of(new PhysicianQueue(practitioner.get(), open, notices));
    }

    public record PhysicianQueue(UUID practitionerId, List<Deficiency> deficiencies, List<Notification> notifications) {
        public long unread() {
            return notifications.stream().filter(n -> n.readAt() == null).count();
        }
    }

    /** Discharged charts to review and every open deficiency at the analyst's facilities, oldest discharge first. */
    public AnalystQueue analystQueue(CustodianUser user, boolean includeReviewed) {
        require(user, Permission.WORK_DEFICIENCIES);
        Instant now = clock.instant();
        List<ChartToReview> charts = deficiencies.charts(user.facilityIds(), now, properties.delinquentAfterDays(),
                includeReviewed, LIMIT);
        List<Deficiency> open = deficiencies.open(Optional.empty(), user.facilityIds(), now,
                properties.delinquentAfterDays(), LIMIT * 4);
        record(user, AuditAction.READ, null, "DeficiencyQueue", "analyst",
                "HIM analyst queue: " + charts.size() + " charts, " + open.size() + " open deficiencies");
        return new AnalystQueue(charts, open);
    }

    public record AnalystQueue(List<ChartToReview> charts, List<Deficiency> deficiencies) {
        public List<Deficiency> of(ChartToReview chart) {
            return deficiencies.stream().filter(d -> chart.encounterId().equals(d.encounterId())).toList();
        }
    }

    /** The analyst has reviewed this discharged chart (record completion tracking). */
    @Transactional
    public void markReviewed(CustodianUser user, UUID encounterId, UUID patientId) {
        decide(user, Permission.WORK_DEFICIENCIES, patientId, "Encounter", encounterId.toString());
        deficiencies.markReviewed(encounterId, user.getUsername(), clock.instant());
        record(user, AuditAction.UPDATE, patientId, "Encounter", encounterId.toString(), "chart reviewed after discharge");
    }

    /**
     * The physician signs a document from their queue. Only the practitioner the account signs as
     * may sign, and only documents whose deficiency is theirs. The finding closes itself when the
     * quality rules re-check the changed record.
     */
    @Transactional
    public ClinicalDocument sign(CustodianUser user, UUID findingId) {
        UUID practitioner = accounts.practitionerOf(user.getUsername())
                .orElseThrow(() -> new QualityAccessDenied("your account is not linked to a practitioner who signs documents"));
        Deficiency deficiency = deficiencies.find(findingId, clock.instant(), properties.delinquentAfterDays())
                .filter(Deficiency::signable)
                .orElseThrow(() -> new DocumentChangeException(findingId, "no unsigned document is waiting under this deficiency"));
        decide(user, Permission.SIGN_DOCUMENTS, deficiency.patientId(), "DocumentReference", deficiency.documentId().toString());
        if (!practitioner.equals(deficiency.responsibleId())) {
            throw new QualityAccessDenied("this document waits for " + deficiency.responsibleName() + "'s signature, not yours");
        }
        ClinicalDocument doc = documents.find(deficiency.documentId())
                .orElseThrow(() -> new DocumentChangeException(deficiency.documentId(), "no such document"));
        ClinicalDocument signed = documents.sign(doc.id(), doc.current().version(), practitioner, clock.instant(),
                Provenance.now("custodian-web", "deficiency " + findingId, user.getUsername()));
        record(user, AuditAction.UPDATE, deficiency.patientId(), "DocumentReference", doc.id().toString(),
                "signed version " + doc.current().version() + " from the deficiency queue");
        return signed;
    }

    public void markNotificationsRead(CustodianUser user) {
        accounts.practitionerOf(user.getUsername()).ifPresent(p -> notifications.markRead(p, clock.instant()));
    }

    /**
     * Makes the account sign as this practitioner: its deficiency queue and notices are theirs. The
     * link is the account's one practitioner link ({@code app_user.practitioner_id}), the same the
     * access policy and transcription use; the change is audited as a privilege change.
     */
    public void linkPhysician(String username, UUID practitionerId, String actor) {
        accounts.linkPractitioner(username, practitionerId, actor);
    }

    /** Sends notices and escalations due now to physicians with open deficiencies; returns how many. */
    public int notifyPhysicians() {
        return notifier.notifyDue(clock.instant());
    }

    private void require(CustodianUser user, Permission permission) {
        if (policy.decide(user, permission) instanceof AccessDecision.Deny deny) {
            record(user, AuditAction.READ, null, "DeficiencyQueue", null, deny.reason());
            throw new QualityAccessDenied(deny.reason());
        }
    }

    private void decide(CustodianUser user, Permission permission, UUID patientId, String type, String id) {
        if (policy.decide(user, permission, patientId) instanceof AccessDecision.Deny deny) {
            audit.record(new AuditEntry(user.getUsername(), user.rolesText(), AuditAction.UPDATE, AuditOutcome.DENIED,
                    patientId, type, id, deny.reason(), ClientAddress.current()));
            throw new QualityAccessDenied(deny.reason());
        }
    }

    private void record(CustodianUser user, AuditAction action, UUID patientId, String type, String id, String detail) {
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), action, AuditOutcome.SUCCESS, patientId, type, id,
                detail, ClientAddress.current()));
    }

    private static long distinctPatients(List<Deficiency> list) {
        return list.stream().map(Deficiency::patientId).distinct().count();
    }
}
