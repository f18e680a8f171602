package org.custodian.coding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.AccessDecision;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.DocumentRepository;
import org.custodian.record.Encounter;
import org.custodian.record.FacilityRepository;
import org.custodian.record.Facility;
import org.custodian.record.Patient;
import org.custodian.record.PatientRepository;
import org.custodian.terminology.CodeSystem;
import org.custodian.terminology.CodeValidation;
import org.custodian.terminology.SearchHit;
import org.custodian.terminology.SearchQuery;
import org.custodian.terminology.Terminology;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coding one encounter: read it with its documents, add and remove diagnoses and procedures (each
 * change re-runs the edits), and finalise with a clean edit check or a documented override.
 */
@Service
public class CodingWork {
    private final CodingQueue queue;
    private final CaseRepository cases;
    private final LineRepository lines;
    private final EditCheck editCheck;
    private final CodingAccess access;
    private final PhiAccess phi;
    private final ClinicalQueries clinical;
    private final DocumentRepository documents;
    private final PatientRepository patients;
    private final FacilityRepository facilities;
    private final QueryRepository queries;
    private final Terminology terminology;
    private final FinalCodesWriter finalCodes;

    CodingWork(CodingQueue queue, CaseRepository cases, LineRepository lines, EditCheck editCheck, CodingAccess access,
               PhiAccess phi, ClinicalQueries clinical, DocumentRepository documents, PatientRepository patients,
               FacilityRepository facilities, QueryRepository queries,
               Terminology terminology, FinalCodesWriter finalCodes) {
        this.queue = queue;
        this.cases = cases;
        this.lines = lines;
        this.editCheck = editCheck;
        this.access = access;
        this.phi = phi;
        this.clinical = clinical;
        this.documents = documents;
        this.patients = patients;
        this.facilities = facilities;
        this.queries = queries;
        this.terminology = terminology;
        this.finalCodes = finalCodes;
    }

    /** The encounter as the coding screen shows it; reading it is an audited read of the patient's record. */
    @Transactional
    public EncounterCoding open(CustodianUser user, UUID encounterId, CodingPass pass) {
        CaseRepository.CaseRow row = queue.open(user, encounterId);
        if (pass == CodingPass.AUDIT) {
            access.require(user, Permission.AUDIT_CODING, "coding audits");
        }
        return phi.readRecord(user, row.patientId(), "Encounter", encounterId.toString(),
                () -> Optional.of(view(user, encounterId, pass, true))).orElseThrow();
    }

    /** The same view without a new read event, after a change the user just made on the open screen. */
    @Transactional
    public EncounterCoding refresh(CustodianUser user, UUID encounterId, CodingPass pass) {
        CaseRepository.CaseRow row = cases.find(encounterId)
                .orElseThrow(() -> new CodingRefused("there is no coding case for encounter " + encounterId));
        access.requireCase(user, Permission.CODE_ENCOUNTERS, row.facilityId(), row.patientId(), encounterId);
        return view(user, encounterId, pass, false);
    }

    /** Checks a code as typed against the encounter's date of service, for live feedback before adding. */
    @Transactional
    public CodeValidation checkCode(CustodianUser user, UUID encounterId, String code, CodedLine.Kind kind) {
        Encounter encounter = encounter(user, encounterId);
        return editCheck.validate(code, EditCheck.dateOfService(encounter),
                kind == CodedLine.Kind.DIAGNOSIS ? Optional.of(CodeSystem.ICD10CM) : Optional.empty());
    }

    /** Code search for the coding screen: the release in force on the encounter's date of service. */
    @Transactional
    public List<SearchHit> search(CustodianUser user, UUID encounterId, String text, CodedLine.Kind kind, int limit) {
        Encounter encounter = encounter(user, encounterId);
        Optional<CodeSystem> system = kind == CodedLine.Kind.DIAGNOSIS ? Optional.of(CodeSystem.ICD10CM)
                : Optional.of(encounter.encounterClass() == org.custodian.record.EncounterClass.INPATIENT
                ? CodeSystem.ICD10PCS : CodeSystem.HCPCS);
        return terminology.search(new SearchQuery(text, Optional.of(EditCheck.dateOfService(encounter)), system, limit));
    }

    @Transactional
    public CodedLine add(CustodianUser user, UUID encounterId, CodingPass pass, NewCode code) {
        CaseRepository.CaseRow row = writable(user, encounterId, pass);
        Encounter encounter = clinical.encounter(encounterId).orElseThrow();
        LocalDate dos = EditCheck.dateOfService(encounter);
        boolean diagnosis = code instanceof NewCode.Diagnosis;
        CodeValidation verdict = editCheck.validate(code.code(), dos,
                diagnosis ? Optional.of(CodeSystem.ICD10CM) : Optional.empty());
        if (verdict instanceof CodeValidation.Malformed malformed) {
            throw new CodingRefused(malformed.message());
        }
        CodeSystem system = systemOf(verdict, code.code(), diagnosis);
        String normalized = CodeSystem.normalize(code.code());
        String description = description(verdict);
        CodedLine line = switch (code) {
            case NewCode.Diagnosis d -> new CodedLine(UUID.randomUUID(), CodedLine.Kind.DIAGNOSIS, system, normalized,
                    description, d.principal(), d.poa(), null, user.getUsername(), null);
            case NewCode.Procedure p -> new CodedLine(UUID.randomUUID(), CodedLine.Kind.PROCEDURE, system, normalized,
                    description, false, null, p.performedOn(), user.getUsername(), null);
        };
        lines.insert(encounterId, pass, line);
        startWork(user, row, pass);
        access.changed(user, row.patientId(), encounterId, pass + " coding: added " + line.kind().name().toLowerCase()
                + " " + line.display() + (line.principal() ? " (principal)" : "")
                + (line.poa() == null ? "" : " POA " + line.poa()) + (line.performedOn() == null ? "" : " on " + line.performedOn()));
        return line;
    }

    @Transactional
    public void remove(CustodianUser user, UUID encounterId, CodingPass pass, UUID lineId) {
        CaseRepository.CaseRow row = writable(user, encounterId, pass);
        CodedLine removed = lines.delete(encounterId, pass, lineId);
        if (removed == null) {
            throw new CodingRefused("this encounter has no such code line; reload the page");
        }
        access.changed(user, row.patientId(), encounterId, pass + " coding: removed "
                + removed.kind().name().toLowerCase() + " " + removed.display());
    }

    /**
     * Finalises the primary coding: the case becomes coded and its codes are filed in the record.
     * With edits failing, only with an override reason, which is stored with the edits it overrode.
     */
    @Transactional
    public void finalise(CustodianUser user, UUID encounterId, String overrideReason) {
        CaseRepository.CaseRow row = writable(user, encounterId, CodingPass.PRIMARY);
        Encounter encounter = clinical.encounter(encounterId).orElseThrow();
        List<CodedLine> coded = lines.lines(encounterId, CodingPass.PRIMARY);
        if (coded.isEmpty()) {
            throw new CodingRefused("there is nothing to finalise: code the encounter first");
        }
        List<CodingEdit> edits = editCheck.check(encounter, coded);
        String reason = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.trim();
        if (!edits.isEmpty() && reason == null) {
            throw new CodingRefused(edits.size() + (edits.size() == 1 ? " edit fails" : " edits fail")
                    + ": fix " + (edits.size() == 1 ? "it" : "them") + " or give a reason to override ("
                    + edits.stream().map(e -> e.where() + ": " + e.message()).collect(Collectors.joining("; ")) + ")");
        }
        String editText = edits.stream().map(e -> e.rule() + " at " + e.where()).collect(Collectors.joining("; "));
        if (!edits.isEmpty()) {
            lines.override(encounterId, reason, editText, user.getUsername());
        }
        if (row.status() == CodingStatus.ON_HOLD_QUERY) {
            throw new CodingRefused("a physician query is still open; finalise once it is answered");
        }
        if (row.status() == CodingStatus.TO_CODE) {
            queue.move(user, row, CodingStatus.IN_PROGRESS, "work started");
        }
        cases.markCoded(encounterId, user.getUsername(), edits.isEmpty() ? null : reason);
        queue.announceBilling(row.patientId());
        int retired = finalCodes.file(encounter, coded, user.getUsername());
        String detail = "coded " + coded.size() + " codes (" + coded.stream().map(CodedLine::display)
                .collect(Collectors.joining(", ")) + ")" + (edits.isEmpty() ? " with a clean edit check"
                : " overriding " + editText + " because: " + reason)
                + (retired == 0 ? "" : "; " + retired + " code" + (retired == 1 ? "" : "s") + " filed before retired"
                + " from the record as superseded");
        cases.event(encounterId, user.getUsername(), CodingStatus.IN_PROGRESS, CodingStatus.CODED, detail);
        access.changed(user, row.patientId(), encounterId, detail);
    }

    /**
     * The screen's view. Each document is decided on its own and its encounter's labels; those the user
     * may not read are left out (with {@code auditWithheld}, each withholding is audited as a denied read).
     */
    private EncounterCoding view(CustodianUser user, UUID encounterId, CodingPass pass, boolean auditWithheld) {
        CaseRepository.CaseRow row = cases.find(encounterId).orElseThrow();
        Encounter encounter = clinical.encounter(encounterId).orElseThrow();
        Patient patient = patients.find(row.patientId()).orElseThrow();
        List<ClinicalDocument> docs = new ArrayList<>();
        List<String> because = new ArrayList<>();
        int withheld = 0;
        for (ClinicalDocument d : documents.forPatient(row.patientId())) {
            if (!encounterId.equals(d.encounterId()) || d.isEnteredInError()) {
                continue;
            }
            if (access.document(user, row.patientId(), d.id()) instanceof AccessDecision.Deny deny) {
                withheld++;
                deny.steps().stream().filter(step -> !because.contains(step)).forEach(because::add);
                if (auditWithheld) {
                    access.withheld(user, row.patientId(), d.id(), deny);
                }
            } else {
                docs.add(d);
            }
        }
        List<CodedLine> coded = lines.lines(encounterId, pass);
        return new EncounterCoding(encounter, patient, facilities.find(row.facilityId()).map(Facility::name).orElse(""),
                EditCheck.dateOfService(encounter), docs, pass, coded, editCheck.check(encounter, coded),
                queries.forEncounter(encounterId), row.status(), row.assignee(), row.payer(), row.codedAt(),
                row.codedBy(), row.overrideReason(), withheld == 0 ? EncounterCoding.Withheld.NONE
                : new EncounterCoding.Withheld(withheld, because));
    }

    private Encounter encounter(CustodianUser user, UUID encounterId) {
        CaseRepository.CaseRow row = cases.find(encounterId)
                .orElseThrow(() -> new CodingRefused("there is no coding case for encounter " + encounterId));
        access.requireCase(user, Permission.CODE_ENCOUNTERS, row.facilityId(), row.patientId(), encounterId);
        return clinical.encounter(encounterId).orElseThrow();
    }

    private CaseRepository.CaseRow writable(CustodianUser user, UUID encounterId, CodingPass pass) {
        CaseRepository.CaseRow row = queue.open(user, encounterId);
        if (pass == CodingPass.AUDIT) {
            access.require(user, Permission.AUDIT_CODING, "coding audits");
            if (row.status() != CodingStatus.CODED) {
                throw new CodingRefused("only a coded encounter can be audited; this one is "
                        + row.status().label().toLowerCase());
            }
            if (user.getUsername().equals(row.codedBy())) {
                throw new CodingRefused("a coding audit is done by a second coder, not by " + row.codedBy()
                        + " who coded it");
            }
        } else if (!row.status().editable()) {
            throw new CodingRefused("this encounter is " + row.status().label().toLowerCase()
                    + "; its codes can no longer be changed");
        }
        return row;
    }

    private void startWork(CustodianUser user, CaseRepository.CaseRow row, CodingPass pass) {
        if (pass == CodingPass.PRIMARY && row.status() == CodingStatus.TO_CODE) {
            if (row.assignee() == null) {
                cases.setAssignee(row.encounterId(), user.getUsername());
            }
            queue.move(user, row, CodingStatus.IN_PROGRESS, "work started");
        }
    }

    private static CodeSystem systemOf(CodeValidation verdict, String code, boolean diagnosis) {
        if (diagnosis) {
            return CodeSystem.ICD10CM;
        }
        return switch (verdict) {
            case CodeValidation.Valid v -> v.code().system();
            case CodeValidation.Header h -> h.code().system();
            case CodeValidation.NotValidOnDate n -> n.system();
            case CodeValidation.NoReleaseOnDate n -> n.system();
            default -> CodeSystem.normalize(code).length() == 7 ? CodeSystem.ICD10PCS : CodeSystem.HCPCS;
        };
    }

    private static String description(CodeValidation verdict) {
        return switch (verdict) {
            case CodeValidation.Valid v -> v.code().longDescription();
            case CodeValidation.Header h -> h.code().longDescription();
            default -> "(not in the release in force)";
        };
    }
}
