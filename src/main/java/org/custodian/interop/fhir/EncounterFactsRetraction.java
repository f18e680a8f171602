package org.custodian.interop.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Provenance;
import org.custodian.record.RecordRetractions;
import org.springframework.stereotype.Component;

/**
 * What was filed on an encounter goes with it when the encounter is entered in error through the
 * API: its diagnoses, procedures and results are retracted in the record ({@link RecordRetractions})
 * and its notes marked entered-in-error, each as one more version that keeps the earlier ones, in
 * the caller's transaction. Facts retracted before stay as they are.
 */
@Component
final class EncounterFactsRetraction {
    /** One resource retracted with its encounter, and the version its retraction made. */
    record Retracted(String type, UUID id, int version) {
    }

    private final ClinicalQueries queries;
    private final DocumentRepository documents;
    private final RecordRetractions retractions;
    private final Deletions deletions;

    EncounterFactsRetraction(ClinicalQueries queries, DocumentRepository documents, RecordRetractions retractions,
                             Deletions deletions) {
        this.queries = queries;
        this.documents = documents;
        this.retractions = retractions;
        this.deletions = deletions;
    }

    /** Retracts the facts and notes of the patient's encounter; returns what this call retracted. */
    List<Retracted> retract(UUID patientId, UUID encounterId, String reason, Provenance by) {
        ClinicalQueries.Filter onEncounter = new ClinicalQueries.Filter(null, null, null, encounterId);
        List<Retracted> retracted = new ArrayList<>();
        queries.diagnoses(patientId, onEncounter).forEach(d -> fact("Condition", d.id(), reason, by, retracted));
        queries.procedures(patientId, onEncounter).forEach(p -> fact("Procedure", p.id(), reason, by, retracted));
        queries.observations(patientId, onEncounter).forEach(o -> fact("Observation", o.id(), reason, by, retracted));
        for (ClinicalDocument document : documents.forPatient(patientId)) {
            if (encounterId.equals(document.encounterId()) && !document.isEnteredInError()) {
                int version = documents.markEnteredInError(document.id(), document.current().version(), reason, by)
                        .current().version();
                deletions.recordDocument(document.id(), version, by.recordedBy(), by.sourceRef());
                retracted.add(new Retracted("DocumentReference", document.id(), version));
            }
        }
        return retracted;
    }

    private void fact(String type, UUID id, String reason, Provenance by, List<Retracted> retracted) {
        retractions.retract(ResourceHistory.fact(type), id, reason, by).ifPresent(r ->
                retracted.add(new Retracted(type, id, r.version())));
    }
}
