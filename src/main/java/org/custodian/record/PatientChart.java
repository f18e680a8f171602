package org.custodian.record;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the chart screen shows of one patient: demographics and the newest of each kind of fact.
 * Of the SSN only the last four digits travel (null when none is on file).
 */
public record PatientChart(
        Patient patient,
        String ssnLastFour,
        List<IdentifierRow> identifiers,
        List<EncounterRow> encounters,
        List<DiagnosisRow> diagnoses,
        List<ProcedureRow> procedures,
        List<Observation> observations,
        List<DocumentRow> documents,
        Totals totals) {

    /** How many of each the record holds, so a view can say when it shows only the newest. */
    public record Totals(int encounters, int procedures, int observations, int documents) {
    }

    /** True when some section shows fewer rows than the record holds. */
    public boolean isAbridged() {
        return encounters.size() < totals.encounters() || procedures.size() < totals.procedures()
                || observations.size() < totals.observations() || documents.size() < totals.documents();
    }

    public record IdentifierRow(String facilityCode, String facilityName, String mrn) {
    }

    public record EncounterRow(UUID id, String facilityName, FacilityType facilityType, EncounterClass encounterClass,
                               String visitNumber, Instant admitAt, Instant dischargeAt, String attending,
                               String dischargeDisposition, String reason, String admitting, String referring) {
    }

    public record DiagnosisRow(UUID encounterId, CodedValue code, boolean principal, String poa,
                               Instant onsetAt, Instant resolvedAt) {
    }

    public record ProcedureRow(UUID encounterId, CodedValue code, Instant performedAt) {
    }

    public record DocumentRow(UUID id, UUID encounterId, DocumentType type, String title, DocumentStatus status,
                              int versions, String author, Instant signedAt, Instant createdAt, UUID addendumTo) {
    }
}
