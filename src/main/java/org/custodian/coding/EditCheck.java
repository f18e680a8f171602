package org.custodian.coding;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.Patient;
import org.custodian.record.PatientRepository;
import org.custodian.terminology.CodeSystem;
import org.custodian.terminology.CodeValidation;
import org.custodian.terminology.CodingEdits;
import org.custodian.terminology.EncounterCodes;
import org.custodian.terminology.Terminology;
import org.springframework.stereotype.Component;

/**
 * The coding edits of one encounter: each code against the release in force on the date of service
 * (terminology's validation), then the encounter-level rules (one principal diagnosis, POA on
 * inpatient diagnoses, procedure dates within the stay, ICD-10-PCS only for inpatient stays), then
 * the official edits terminology runs where their files are loaded (7th characters, Excludes1 pairs,
 * manifestation or unacceptable principal, age and sex conflicts, POA-exempt codes).
 */
@Component
class EditCheck {
    private final Terminology terminology;
    private final CodingEdits officialEdits;
    private final PatientRepository patients;

    EditCheck(Terminology terminology, CodingEdits officialEdits, PatientRepository patients) {
        this.terminology = terminology;
        this.officialEdits = officialEdits;
        this.patients = patients;
    }

    /** Date of service: the discharge date for an inpatient stay, else the visit date (UHDDS). */
    static LocalDate dateOfService(Encounter encounter) {
        var at = encounter.encounterClass() == EncounterClass.INPATIENT && encounter.dischargeAt() != null
                ? encounter.dischargeAt() : encounter.admitAt();
        return at.atZone(ZoneId.systemDefault()).toLocalDate();
    }

    List<CodingEdit> check(Encounter encounter, List<CodedLine> lines) {
        LocalDate dos = dateOfService(encounter);
        List<CodingEdit> edits = new ArrayList<>();
        List<CodedLine> diagnoses = lines.stream().filter(l -> l.kind() == CodedLine.Kind.DIAGNOSIS).toList();
        List<CodedLine> procedures = lines.stream().filter(l -> l.kind() == CodedLine.Kind.PROCEDURE).toList();
        boolean inpatient = encounter.encounterClass() == EncounterClass.INPATIENT;
        for (int i = 0; i < diagnoses.size(); i++) {
            CodedLine d = diagnoses.get(i);
            String where = "diagnosis " + (i + 1) + " (" + d.display() + ")";
            validity(d, dos).ifPresent(v -> edits.add(new CodingEdit(rule(v), where, v.message())));
            if (inpatient && d.poa() == null) {
                edits.add(new CodingEdit("POA_MISSING", where, "an inpatient diagnosis needs a present-on-admission"
                        + " indicator (Y, N, U, W or exempt)"));
            }
        }
        if (diagnoses.isEmpty()) {
            edits.add(new CodingEdit("NO_DIAGNOSIS", "encounter", "code at least one diagnosis"));
        } else if (diagnoses.stream().noneMatch(CodedLine::principal)) {
            edits.add(new CodingEdit("PRINCIPAL_MISSING", "encounter", (inpatient ? "mark the principal diagnosis"
                    : "mark the first-listed diagnosis") + " (the reason chiefly responsible for the "
                    + (inpatient ? "admission" : "visit") + ")"));
        }
        LocalDate admitted = encounter.admitAt().atZone(ZoneId.systemDefault()).toLocalDate();
        LocalDate discharged = encounter.dischargeAt() == null ? dos
                : encounter.dischargeAt().atZone(ZoneId.systemDefault()).toLocalDate();
        for (int i = 0; i < procedures.size(); i++) {
            CodedLine p = procedures.get(i);
            String where = "procedure " + (i + 1) + " (" + p.display() + ")";
            validity(p, dos).ifPresent(v -> edits.add(new CodingEdit(rule(v), where, v.message())));
            if (p.system() == CodeSystem.ICD10PCS && !inpatient) {
                edits.add(new CodingEdit("PCS_NOT_INPATIENT", where, "ICD-10-PCS codes inpatient procedures; this is "
                        + encounter.encounterClass().label().toLowerCase() + " (use HCPCS)"));
            }
            if (p.performedOn() == null) {
                edits.add(new CodingEdit("PROCEDURE_DATE_MISSING", where, "give the date the procedure was performed"));
            } else if (p.performedOn().isBefore(admitted) || p.performedOn().isAfter(discharged)) {
                edits.add(new CodingEdit("PROCEDURE_DATE_OUTSIDE_STAY", where, "performed on " + p.performedOn()
                        + ", outside the stay " + admitted + " to " + discharged));
            }
        }
        if (edits.stream().noneMatch(e -> e.rule().equals("NO_DIAGNOSIS"))) {
            edits.addAll(official(encounter, dos, diagnoses, procedures, inpatient));
        }
        return edits;
    }

    /**
     * The official edits that need the whole claim. Validity and missing POA are checked above, so
     * only the others are added; an edit family whose file is not loaded is silently skipped here.
     */
    private List<CodingEdit> official(Encounter encounter, LocalDate dos, List<CodedLine> diagnoses,
                                      List<CodedLine> procedures, boolean inpatient) {
        Optional<Patient> patient = patients.find(encounter.patientId());
        Optional<Integer> age = patient.map(p -> java.time.Period.between(p.birthDate(), dos).getYears())
                .filter(a -> a >= 0 && a <= 124);
        EncounterCodes.Sex sex = patient.map(p -> switch (p.sex()) {
            case FEMALE -> EncounterCodes.Sex.FEMALE;
            case MALE -> EncounterCodes.Sex.MALE;
            default -> EncounterCodes.Sex.UNKNOWN;
        }).orElse(EncounterCodes.Sex.UNKNOWN);
        Optional<EncounterCodes.Diagnosis> principal = diagnoses.stream().filter(CodedLine::principal).findFirst()
                .map(EditCheck::diagnosis);
        List<EncounterCodes.Diagnosis> secondary = diagnoses.stream().filter(d -> !d.principal())
                .map(EditCheck::diagnosis).toList();
        List<EncounterCodes.Procedure> procedureCodes = procedures.stream()
                .map(p -> new EncounterCodes.Procedure(p.code())).toList();
        EncounterCodes codes = new EncounterCodes(dos, age, sex,
                inpatient ? EncounterCodes.Setting.INPATIENT : EncounterCodes.Setting.OUTPATIENT, principal, secondary,
                procedureCodes);
        List<CodingEdit> found = new ArrayList<>();
        for (org.custodian.terminology.CodingEdit edit : officialEdits.check(codes)) {
            boolean wanted = switch (edit) {
                case org.custodian.terminology.CodingEdit.UnknownCode e -> false;
                case org.custodian.terminology.CodingEdit.HeaderCode e -> false;
                case org.custodian.terminology.CodingEdit.NotValidOnDate e -> false;
                case org.custodian.terminology.CodingEdit.PoaRequired e -> false;
                case org.custodian.terminology.CodingEdit.EditsNotRun e -> false;
                // an Excludes1 pair with the note's own exception is a warning, still overridden only with a reason
                case org.custodian.terminology.CodingEdit.Excludes1Pair e -> true;
                default -> edit.severity() == org.custodian.terminology.CodingEdit.Severity.ERROR;
            };
            if (wanted) {
                found.add(new CodingEdit(edit.edit().toUpperCase(java.util.Locale.ROOT), String.join(", ", edit.codes()),
                        edit.message()));
            }
        }
        return found;
    }

    private static EncounterCodes.Diagnosis diagnosis(CodedLine line) {
        return line.poa() == null ? EncounterCodes.Diagnosis.of(line.code())
                : EncounterCodes.Diagnosis.of(line.code(), EncounterCodes.Poa.valueOf(line.poa().name()));
    }

    /** The verdict on a code typed by the coder, in the system it must belong to (or any, for a procedure). */
    CodeValidation validate(String code, LocalDate dos, Optional<CodeSystem> system) {
        return terminology.validate(code, Optional.of(dos), system);
    }

    private Optional<CodeValidation> validity(CodedLine line, LocalDate dos) {
        CodeValidation v = terminology.validate(line.code(), Optional.of(dos), Optional.of(line.system()));
        return v.valid() ? Optional.empty() : Optional.of(v);
    }

    private static String rule(CodeValidation v) {
        return switch (v) {
            case CodeValidation.Valid valid -> "VALID";
            case CodeValidation.Header header -> "HEADER_CODE";
            case CodeValidation.NotValidOnDate notValid -> "NOT_VALID_ON_DATE";
            case CodeValidation.NoReleaseOnDate none -> "NO_RELEASE_ON_DATE";
            case CodeValidation.Unknown unknown -> "UNKNOWN_CODE";
            case CodeValidation.Malformed malformed -> "MALFORMED_CODE";
        };
    }
}
