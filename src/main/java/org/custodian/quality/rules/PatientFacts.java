package org.custodian.quality.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One patient's record as the rules see it: plain rows as stored, so that even data the record's
 * own value types would refuse (a discharge before admission) can be checked and reported.
 * Encounters and documents are also indexed by id, because rules look one up per fact (a long
 * Synthea life has thousands of each).
 */
public record PatientFacts(PatientRow patient, List<MrnRow> mrns, List<EncounterRow> encounters,
                           List<DiagnosisRow> diagnoses, List<ProcedureRow> procedures,
                           List<ObservationRow> observations, List<DocumentRow> documents,
                           List<FlaggedScanRow> flaggedScans, Map<UUID, EncounterRow> encountersById,
                           Map<UUID, DocumentRow> documentsById) {

    public PatientFacts {
        mrns = List.copyOf(mrns);
        encounters = List.copyOf(encounters);
        diagnoses = List.copyOf(diagnoses);
        procedures = List.copyOf(procedures);
        observations = List.copyOf(observations);
        documents = List.copyOf(documents);
        flaggedScans = List.copyOf(flaggedScans);
        encountersById = Map.copyOf(encountersById);
        documentsById = Map.copyOf(documentsById);
    }

    public PatientFacts(PatientRow patient, List<MrnRow> mrns, List<EncounterRow> encounters,
                        List<DiagnosisRow> diagnoses, List<ProcedureRow> procedures,
                        List<ObservationRow> observations, List<DocumentRow> documents,
                        List<FlaggedScanRow> flaggedScans) {
        this(patient, mrns, encounters, diagnoses, procedures, observations, documents, flaggedScans,
                byId(encounters, EncounterRow::id), byId(documents, DocumentRow::id));
    }

    /** The first row with each id, as a search from the start of the list would find it. */
    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        Map<UUID, T> index = new LinkedHashMap<>();
        for (T row : rows) {
            index.putIfAbsent(id.apply(row), row);
        }
        return index;
    }

    public UUID patientId() {
        return patient.id();
    }

    public Optional<EncounterRow> encounter(UUID id) {
        return id == null ? Optional.empty() : Optional.ofNullable(encountersById.get(id));
    }

    public Optional<DocumentRow> document(UUID id) {
        return id == null ? Optional.empty() : Optional.ofNullable(documentsById.get(id));
    }

    public record PatientRow(UUID id, String given, String family, LocalDate birthDate, String sex,
                             String addressLine, String city, String state, String postalCode, String phone,
                             Instant deceasedAt) {
    }

    /** A medical record number; {@code sharedWith} are other patients holding the same number at that facility. */
    public record MrnRow(UUID facilityId, String facilityCode, String value, List<UUID> sharedWith) {
        public MrnRow {
            sharedWith = List.copyOf(sharedWith);
        }
    }

    /**
     * An encounter; {@code patientId} is its owner, which may differ when a fact points at another's encounter.
     * {@code codingStatus} is its coding case's status (TO_CODE, IN_PROGRESS, ON_HOLD_QUERY, CODED, AUDITED), null
     * when no case was opened.
     */
    public record EncounterRow(UUID id, UUID patientId, UUID facilityId, String visitNumber, String encounterClass,
                               Instant admitAt, Instant dischargeAt, UUID attendingId, String codingStatus) {
        public EncounterRow(UUID id, UUID patientId, UUID facilityId, String visitNumber, String encounterClass,
                            Instant admitAt, Instant dischargeAt, UUID attendingId) {
            this(id, patientId, facilityId, visitNumber, encounterClass, admitAt, dischargeAt, attendingId, null);
        }

        public String label() {
            return (visitNumber == null ? "encounter " + id : "visit " + visitNumber) + " (" + encounterClass.toLowerCase()
                    + ", admitted " + admitAt.toString().substring(0, 10) + ")";
        }
    }

    public record DiagnosisRow(UUID id, UUID encounterId, UUID encounterOwner, String system, String code, String display,
                               Instant onsetAt) {
    }

    public record ProcedureRow(UUID id, UUID encounterId, UUID encounterOwner, String system, String code, String display,
                               Instant performedAt) {
    }

    public record ObservationRow(UUID id, UUID encounterId, UUID encounterOwner, String loincCode, String display,
                                 BigDecimal value, String unit, Instant observedAt) {
    }

    /**
     * A document with its newest version's state; {@code addendumToPatient} is the owner of the document it adds to;
     * {@code prints} stand for the version's text (the rules need no more of it).
     */
    public record DocumentRow(UUID id, UUID encounterId, UUID encounterOwner, String type, UUID addendumTo,
                              UUID addendumToPatient, Instant createdAt, int version, String status, String title,
                              NotePrints prints, UUID authorId, Instant signedAt, UUID signedBy) {
        public boolean enteredInError() {
            return "ENTERED_IN_ERROR".equals(status);
        }

        public String label() {
            return "'" + title + "' (" + type.toLowerCase().replace('_', ' ') + ", version " + version + ")";
        }
    }

    /**
     * A scanned paper document filed to this chart that QA flagged as mis-indexed ({@code reason}:
     * WRONG_PATIENT, WRONG_ENCOUNTER or WRONG_TYPE); its chart document, if any, is among {@link #documents}.
     */
    public record FlaggedScanRow(UUID scanId, UUID encounterId, UUID chartDocumentId, UUID facilityId, String documentType,
                                 LocalDate documentDate, String reason, String comment, String flaggedBy,
                                 Instant flaggedAt) {
    }
}
