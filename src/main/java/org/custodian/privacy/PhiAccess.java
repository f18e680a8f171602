package org.custodian.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.custodian.record.ChartRepository;
import org.custodian.record.ChartScope;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.DocumentRepository;
import org.custodian.record.PatientChart;
import org.custodian.record.PatientDocument;
import org.custodian.record.PatientQuery;
import org.custodian.record.PatientRepository;
import org.custodian.record.PatientSummary;
import org.springframework.stereotype.Service;

/**
 * The door to PHI for people: each call asks the access policy, leaves an audit event whatever the
 * outcome, and only then reads. Denials throw {@link PhiAccessDenied}.
 */
@Service
public class PhiAccess {
    private final AccessPolicy policy;
    private final ReleasePolicy releases;
    private final AuditTrail audit;
    private final PatientRepository patients;
    private final ChartRepository charts;
    private final DocumentRepository documents;
    private final AccessFacts facts;
    private final LabelledChart labelled;

    PhiAccess(AccessPolicy policy, ReleasePolicy releases, AuditTrail audit, PatientRepository patients, ChartRepository charts,
              DocumentRepository documents, AccessFacts facts, LabelledChart labelled) {
        this.policy = policy;
        this.releases = releases;
        this.facts = facts;
        this.labelled = labelled;
        this.audit = audit;
        this.patients = patients;
        this.charts = charts;
        this.documents = documents;
    }

    /**
     * Patients matching the query that the user may open: patients in their facilities whose labels
     * or restrictions keep the user out are left out (see {@link #findPatients} for masked rows).
     */
    public List<PatientSummary> searchPatients(CustodianUser user, PatientQuery query) {
        return findPatients(user, query).stream().filter(hit -> !hit.restricted()).map(PatientSearchHit::patient)
                .toList();
    }

    /**
     * Patients matching the query whose release of information the user may work on (the intake of a
     * release request): each is decided by {@link ReleasePolicy#decideReleaseWork}, so a label on the
     * whole record does not hide the patient (each document's labels are decided when it is released),
     * while facility and the patient's restrictions still do. One audit event says how many were found.
     */
    public List<PatientSummary> searchPatientsForRelease(CustodianUser user, PatientQuery query) {
        String detail = describe(query) + " for release of information";
        if (policy.decide(user, Permission.RELEASE_INFORMATION) instanceof AccessDecision.Deny deny) {
            record(user, AuditAction.SEARCH, AuditOutcome.DENIED, null, "Patient", null, detail + "; " + deny.reason());
            throw new PhiAccessDenied(deny.reason());
        }
        List<PatientSummary> inScope = patients.search(query, user.facilityIds());
        List<PatientSummary> shown = inScope.stream()
                .filter(p -> releases.decideReleaseWork(user, p.id()) instanceof AccessDecision.Permit).toList();
        int withheld = inScope.size() - shown.size();
        record(user, AuditAction.SEARCH, AuditOutcome.SUCCESS, null, "Patient", null, detail + "; " + shown.size()
                + " results" + (withheld > 0 ? ", " + withheld + " withheld" : ""));
        return shown;
    }

    /**
     * A patient search as the user may see it: each patient in the user's facilities is decided as a
     * chart read would be. Permitted patients are shown; those the user could open only by breaking
     * the glass come back masked (no name, birth date or MRN); the rest are left out. One audit event
     * says how many of each.
     */
    public List<PatientSearchHit> findPatients(CustodianUser user, PatientQuery query) {
        AccessDecision decision = policy.decide(user, Permission.SEARCH_PATIENTS);
        String detail = describe(query);
        if (decision instanceof AccessDecision.Deny deny) {
            record(user, AuditAction.SEARCH, AuditOutcome.DENIED, null, "Patient", null, detail + "; " + deny.reason());
            throw new PhiAccessDenied(deny.reason());
        }
        List<PatientSearchHit> hits = new ArrayList<>();
        int withheld = 0;
        List<PatientSummary> inScope = patients.search(query, user.facilityIds());
        Function<UUID, AccessDecision> decide = searchDecisions(user, inScope.stream().map(PatientSummary::id).toList());
        for (PatientSummary found : inScope) {
            AccessDecision read = decide.apply(found.id());
            if (read instanceof AccessDecision.Permit) {
                hits.add(PatientSearchHit.shown(found));
            } else if (read instanceof AccessDecision.Deny deny && deny.emergencyAccess()) {
                hits.add(PatientSearchHit.masked(found.id()));
            } else {
                withheld++;
            }
        }
        long masked = hits.stream().filter(PatientSearchHit::restricted).count();
        record(user, AuditAction.SEARCH, AuditOutcome.SUCCESS, null, "Patient", null, detail + "; "
                + (hits.size() - masked) + " results" + (masked > 0 ? ", " + masked + " masked (break-the-glass only)" : "")
                + (withheld > 0 ? ", " + withheld + " withheld" : ""));
        return hits;
    }

    public Optional<PatientChart> chart(CustodianUser user, UUID patientId) {
        return chart(user, patientId, ChartScope.RECENT);
    }

    public Optional<PatientChart> chart(CustodianUser user, UUID patientId, ChartScope scope) {
        return chart(user, patientId, scope, PurposeOfUse.usualFor(user.roles()));
    }

    /**
     * The chart for a declared purpose of use. Encounters and documents whose own sensitivity labels
     * the user may not see are left out (with their diagnoses, procedures and results).
     */
    public Optional<PatientChart> chart(CustodianUser user, UUID patientId, ChartScope scope, PurposeOfUse purpose) {
        return read(user, patientId, purpose, Set.of(), "PatientChart", patientId.toString(), true,
                withheld -> charts.chart(patientId, scope).map(chart -> LabelledChart.without(withheld, chart)));
    }

    /**
     * The whole chart, for the patient's own copy of their designated record set (164.524) prepared by
     * the HIM staff: decided by {@link ReleasePolicy#decideRightOfAccess}, so no labelled encounter or
     * document is left out; audited as a read.
     */
    public Optional<PatientChart> chartForThePatient(CustodianUser user, UUID patientId) {
        if (!policy.factsAbout(user, patientId).exists()) {
            return Optional.empty();
        }
        return readDecided(user, patientId, PurposeOfUse.usualFor(user.roles()),
                releases.decideRightOfAccess(user, patientId), "PatientChart", patientId.toString(), Set.of(),
                () -> charts.chart(patientId, ChartScope.FULL));
    }

    /** A document with its patient's demographics, so the screen can say whose note it is. */
    public Optional<PatientDocument> document(CustodianUser user, UUID documentId) {
        return document(user, documentId, PurposeOfUse.usualFor(user.roles()));
    }

    /** A document read for a declared purpose; its own and its encounter's labels count too. */
    public Optional<PatientDocument> document(CustodianUser user, UUID documentId, PurposeOfUse purpose) {
        Optional<ClinicalDocument> doc = documents.find(documentId);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        UUID patientId = doc.get().patientId();
        return read(user, patientId, purpose, facts.documentLabels(documentId), "DocumentReference",
                documentId.toString(), false,
                withheld -> patients.find(patientId).map(patient -> new PatientDocument(patient, doc.get())));
    }

    /**
     * A document opened for work in transcription or signing: decided by {@link AccessPolicy#decideDocumentWork},
     * so a labelled document is open to those with a duty on it (its author, co-signer, assigned
     * transcriptionist and reviewer) and to no one else; audited like any read.
     */
    public Optional<PatientDocument> documentForWork(CustodianUser user, UUID documentId, Set<DocumentDuty> duties) {
        Optional<ClinicalDocument> doc = documents.find(documentId);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        UUID patientId = doc.get().patientId();
        PatientAccessFacts patient = policy.factsAbout(user, patientId);
        PurposeOfUse purpose = PurposeOfUse.usualFor(user.roles());
        AccessDecision decision = policy.decide(user, Permission.READ_CHART, patientId, patient, purpose,
                facts.documentLabels(documentId), Set.copyOf(duties));
        return readDecided(user, patientId, purpose, decision, "DocumentReference", documentId.toString(), Set.of(),
                () -> patients.find(patientId).map(p -> new PatientDocument(p, doc.get())));
    }

    public Optional<String> maskedSsn(CustodianUser user, UUID patientId) {
        return read(user, patientId, "Patient.ssn", patientId.toString(), () -> patients.socialSecurityNumber(patientId))
                .map(ssn -> "***-**-" + (ssn.length() >= 4 ? ssn.substring(ssn.length() - 4) : ssn));
    }

    /**
     * For API facades (FHIR): reads another view of one patient's record behind the same access
     * decision and audit event as the chart. {@code reader} runs only after a permit.
     */
    public <T> Optional<T> readRecord(CustodianUser user, UUID patientId, String resourceType, String resourceId,
                                      Supplier<Optional<T>> reader) {
        return read(user, patientId, PurposeOfUse.usualFor(user.roles()), partLabels(resourceType, resourceId),
                resourceType, resourceId, false, withheld -> reader.get());
    }

    /**
     * For API facades (FHIR): a read of one part of a patient's record (an encounter, or a diagnosis,
     * procedure, result or note) that counts the labels on the part and on its encounter beyond the
     * patient's own: a labelled encounter, and everything recorded in it, is refused (and the denial
     * audited) to a user whose purpose of use the label does not cover.
     */
    public <T> Optional<T> readPart(CustodianUser user, UUID patientId, ClinicalQueries.Kind part, UUID partId,
                                    String resourceType, String resourceId, Supplier<Optional<T>> reader) {
        return read(user, patientId, PurposeOfUse.usualFor(user.roles()), facts.partLabels(part, partId), resourceType,
                resourceId, false, withheld -> reader.get());
    }

    /**
     * For API facades (FHIR): many parts of one patient's record (a search, {@code $everything}, an
     * export) behind one decision on the patient. {@code reader} gets the encounters and documents
     * whose own labels keep the user out, to leave out them and what was recorded in them, as the web
     * chart does; the audit event says how many were withheld.
     */
    public <T> Optional<T> readRecordWithout(CustodianUser user, UUID patientId, String resourceType, String resourceId,
                                             Function<Set<UUID>, Optional<T>> reader) {
        return read(user, patientId, PurposeOfUse.usualFor(user.roles()), Set.of(), resourceType, resourceId, true,
                reader);
    }

    /**
     * A document (a DocumentReference, or a version of one) counts its own and its encounter's labels,
     * as the web's document page does; other resources are decided on the patient's labels.
     */
    private Set<SensitivityLabel> partLabels(String resourceType, String resourceId) {
        if (resourceType == null || !resourceType.startsWith("DocumentReference") || resourceId == null) {
            return Set.of();
        }
        try {
            return facts.documentLabels(UUID.fromString(resourceId));
        } catch (IllegalArgumentException notADocumentId) {
            return Set.of();
        }
    }

    /**
     * For API facades (FHIR): a patient search by the API's own criteria, decided and audited like
     * {@link #searchPatients}. {@code searchInScope} gets the facilities whose patients the user may see.
     * Aggregates that show no one patient may use this; anything listing patients uses the overload
     * that also decides each patient.
     */
    public <T> List<T> searchPatients(CustodianUser user, String detail,
                                      Function<Set<UUID>, List<T>> searchInScope) {
        return searchPatients(user, detail, searchInScope, null);
    }

    /**
     * For API facades (FHIR): a patient search that lists patients. Each found patient ({@code idOf}
     * names them) is decided as a chart read would be; patients whose labels or restrictions keep
     * the user out are left out (an API has no masked row; break-the-glass happens in the web).
     */
    public <T> List<T> searchPatients(CustodianUser user, String detail, Function<Set<UUID>, List<T>> searchInScope,
                                      Function<T, UUID> idOf) {
        return searchPatients(user, detail, searchInScope, idOf, id -> true);
    }

    /**
     * For lists that show clinical facts of each patient found (an outcome measure's patients with their
     * last result): as {@link #searchPatients(CustodianUser, String, Function, Function)}, and a patient
     * is also left out when any of their encounters or documents carries a label that keeps the user
     * out, since a listed fact may come from it (the list cannot say which).
     */
    public <T> List<T> searchPatientsShowingFacts(CustodianUser user, String detail,
                                                  Function<Set<UUID>, List<T>> searchInScope, Function<T, UUID> idOf) {
        PurposeOfUse purpose = PurposeOfUse.usualFor(user.roles());
        return searchPatients(user, detail, searchInScope, idOf,
                id -> labelled.hiddenParts(user, purpose, id).isEmpty());
    }

    private <T> List<T> searchPatients(CustodianUser user, String detail, Function<Set<UUID>, List<T>> searchInScope,
                                       Function<T, UUID> idOf, Predicate<UUID> partsShown) {
        AccessDecision decision = policy.decide(user, Permission.SEARCH_PATIENTS);
        if (decision instanceof AccessDecision.Deny deny) {
            record(user, AuditAction.SEARCH, AuditOutcome.DENIED, null, "Patient", null, detail + "; " + deny.reason());
            throw new PhiAccessDenied(deny.reason());
        }
        List<T> found = searchInScope.apply(user.facilityIds());
        Function<UUID, AccessDecision> decide = idOf == null ? null
                : searchDecisions(user, found.stream().map(idOf).toList());
        List<T> shown = idOf == null ? found : found.stream()
                .filter(p -> decide.apply(idOf.apply(p)) instanceof AccessDecision.Permit
                        && partsShown.test(idOf.apply(p))).toList();
        int withheld = found.size() - shown.size();
        record(user, AuditAction.SEARCH, AuditOutcome.SUCCESS, null, "Patient", null,
                detail + "; " + shown.size() + " results" + (withheld > 0 ? ", " + withheld + " withheld" : ""));
        return shown;
    }

    /**
     * Chart-read decisions for patients found by a search in the user's facilities. Patients without
     * a label on the whole record or a restriction (one query finds those) are decided by the role
     * alone, since the search kept to the user's facilities; the others are decided one by one.
     */
    private Function<UUID, AccessDecision> searchDecisions(CustodianUser user, List<UUID> found) {
        Set<UUID> flagged = facts.labelledOrRestricted(found);
        AccessDecision byRole = policy.decide(user, Permission.READ_CHART);
        return id -> flagged.contains(id) ? policy.decide(user, Permission.READ_CHART, id) : byRole;
    }

    private <T> Optional<T> read(CustodianUser user, UUID patientId, String resourceType, String resourceId,
                                 Supplier<Optional<T>> reader) {
        return read(user, patientId, PurposeOfUse.usualFor(user.roles()), Set.of(), resourceType, resourceId, false,
                withheld -> reader.get());
    }

    /**
     * The one read path: the patient's facts are looked up once, the policy decides on them, and a
     * permitted read's audit event is started before the record is read, so the event's disk flush
     * overlaps the read; the result is handed out only once the event is durable. A denial is audited
     * (durably) before it is thrown. {@code withholdLabelledParts}: look up the encounters and documents
     * whose own labels keep the user out, hand them to the reader to leave out, and say in the event
     * how many were withheld.
     */
    private <T> Optional<T> read(CustodianUser user, UUID patientId, PurposeOfUse purpose,
                                 Set<SensitivityLabel> partLabels, String resourceType, String resourceId,
                                 boolean withholdLabelledParts, Function<Set<UUID>, Optional<T>> reader) {
        PatientAccessFacts patient = policy.factsAbout(user, patientId);
        if (!patient.exists()) {
            return Optional.empty();
        }
        AccessDecision decision = policy.decide(user, Permission.READ_CHART, patientId, patient, purpose, partLabels);
        if (decision instanceof AccessDecision.Deny) {
            return readDecided(user, patientId, purpose, decision, resourceType, resourceId, Set.of(), Optional::empty);
        }
        Set<UUID> withheld = withholdLabelledParts
                ? Set.copyOf(labelled.hiddenParts(user, purpose, patientId, patient.labelledParts())) : Set.of();
        return readDecided(user, patientId, purpose, decision, resourceType, resourceId, withheld,
                () -> reader.apply(withheld));
    }

    /** A read already decided: a denial audited and thrown; a permit audited while the record is read. */
    private <T> Optional<T> readDecided(CustodianUser user, UUID patientId, PurposeOfUse purpose,
                                        AccessDecision decision, String resourceType, String resourceId,
                                        Set<UUID> withheld, Supplier<Optional<T>> reader) {
        if (decision instanceof AccessDecision.Deny deny) {
            record(user, AuditAction.READ, AuditOutcome.DENIED, patientId, resourceType, resourceId,
                    "purpose " + purpose + "; " + deny.reason());
            throw new PhiAccessDenied(deny, patientId);
        }
        PendingAuditEvent event = audit.begin(entry(user, AuditAction.READ, AuditOutcome.SUCCESS, patientId,
                resourceType, resourceId, "purpose " + purpose + "; " + decision.reason() + withheldNote(withheld)));
        Optional<T> result = reader.get();
        event.durable();
        return result;
    }

    /** For the audit event: nothing when nothing was withheld. */
    private static String withheldNote(Set<UUID> withheld) {
        return withheld.isEmpty() ? "" : "; " + withheld.size() + " labelled encounter(s)/document(s) withheld";
    }

    private void record(CustodianUser user, AuditAction action, AuditOutcome outcome, UUID patientId,
                        String resourceType, String resourceId, String detail) {
        audit.record(entry(user, action, outcome, patientId, resourceType, resourceId, detail));
    }

    private static AuditEntry entry(CustodianUser user, AuditAction action, AuditOutcome outcome, UUID patientId,
                                    String resourceType, String resourceId, String detail) {
        return new AuditEntry(user.getUsername(), user.rolesText(), action, outcome, patientId, resourceType,
                resourceId, detail, RequestOrigin.clientAddress());
    }

    private static String describe(PatientQuery q) {
        StringBuilder text = new StringBuilder("search");
        if (q.name() != null) {
            text.append(" name='").append(q.name()).append('\'');
        }
        if (q.birthDate() != null) {
            text.append(" birthDate=").append(q.birthDate());
        }
        if (q.mrn() != null) {
            text.append(" mrn='").append(q.mrn()).append('\'');
        }
        return text.toString();
    }
}
