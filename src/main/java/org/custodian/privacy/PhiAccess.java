package org.custodian.privacy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.custodian.record.ChartRepository;
import org.custodian.record.ChartScope;
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
    private final AuditTrail audit;
    private final PatientRepository patients;
    private final ChartRepository charts;
    private final DocumentRepository documents;
    private final AccessFacts facts;
    private final LabelledChart labelled;

    PhiAccess(AccessPolicy policy, AuditTrail audit, PatientRepository patients, ChartRepository charts,
              DocumentRepository documents, AccessFacts facts, LabelledChart labelled) {
        this.policy = policy;
        this.facts = facts;
        this.labelled = labelled;
        this.audit = audit;
        this.patients = patients;
        this.charts = charts;
        this.documents = documents;
    }

    public List<PatientSummary> searchPatients(CustodianUser user, PatientQuery query) {
        AccessDecision decision = policy.decide(user, Permission.SEARCH_PATIENTS);
        String detail = describe(query);
        if (decision instanceof AccessDecision.Deny deny) {
            record(user, AuditAction.SEARCH, AuditOutcome.DENIED, null, "Patient", null, detail + "; " + deny.reason());
            throw new PhiAccessDenied(deny.reason());
        }
        List<PatientSummary> found = patients.search(query, user.facilityIds());
        record(user, AuditAction.SEARCH, AuditOutcome.SUCCESS, null, "Patient", null,
                detail + "; " + found.size() + " results");
        return found;
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
        return read(user, patientId, purpose, Set.of(), "PatientChart", patientId.toString(),
                () -> charts.chart(patientId, scope).map(chart -> labelled.visibleTo(user, purpose, chart)));
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
                documentId.toString(),
                () -> patients.find(patientId).map(patient -> new PatientDocument(patient, doc.get())));
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
        return read(user, patientId, resourceType, resourceId, reader);
    }

    /**
     * For API facades (FHIR): a patient search by the API's own criteria, decided and audited like
     * {@link #searchPatients}. {@code searchInScope} gets the facilities whose patients the user may see.
     */
    public <T> List<T> searchPatients(CustodianUser user, String detail,
                                      Function<Set<UUID>, List<T>> searchInScope) {
        AccessDecision decision = policy.decide(user, Permission.SEARCH_PATIENTS);
        if (decision instanceof AccessDecision.Deny deny) {
            record(user, AuditAction.SEARCH, AuditOutcome.DENIED, null, "Patient", null, detail + "; " + deny.reason());
            throw new PhiAccessDenied(deny.reason());
        }
        List<T> found = searchInScope.apply(user.facilityIds());
        record(user, AuditAction.SEARCH, AuditOutcome.SUCCESS, null, "Patient", null,
                detail + "; " + found.size() + " results");
        return found;
    }

    private <T> Optional<T> read(CustodianUser user, UUID patientId, String resourceType, String resourceId,
                                 Supplier<Optional<T>> reader) {
        return read(user, patientId, PurposeOfUse.usualFor(user.roles()), Set.of(), resourceType, resourceId, reader);
    }

    private <T> Optional<T> read(CustodianUser user, UUID patientId, PurposeOfUse purpose,
                                 Set<SensitivityLabel> partLabels, String resourceType, String resourceId,
                                 Supplier<Optional<T>> reader) {
        if (patients.find(patientId).isEmpty()) {
            return Optional.empty();
        }
        AccessDecision decision = policy.decide(user, Permission.READ_CHART, patientId, purpose, partLabels);
        if (decision instanceof AccessDecision.Deny deny) {
            record(user, AuditAction.READ, AuditOutcome.DENIED, patientId, resourceType, resourceId,
                    "purpose " + purpose + "; " + deny.reason());
            throw new PhiAccessDenied(deny, patientId);
        }
        Optional<T> result = reader.get();
        record(user, AuditAction.READ, AuditOutcome.SUCCESS, patientId, resourceType, resourceId,
                "purpose " + purpose + "; " + decision.reason());
        return result;
    }

    private void record(CustodianUser user, AuditAction action, AuditOutcome outcome, UUID patientId,
                        String resourceType, String resourceId, String detail) {
        audit.record(new AuditEntry(user.getUsername(), user.rolesText(), action, outcome, patientId, resourceType,
                resourceId, detail, RequestOrigin.clientAddress()));
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
