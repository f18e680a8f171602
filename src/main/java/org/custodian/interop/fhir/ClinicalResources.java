package org.custodian.interop.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.CodedValue;
import org.custodian.record.Diagnosis;
import org.custodian.record.DocumentVersion;
import org.custodian.record.Encounter;
import org.custodian.record.EncounterClass;
import org.custodian.record.Observation;
import org.custodian.record.Procedure;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/** The record's clinical facts as FHIR R4 resources; ids are the record's UUIDs. */
final class ClinicalResources {
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    private static final String LOINC = "http://loinc.org";
    private static final String UCUM = "http://unitsofmeasure.org";

    private ClinicalResources() {
    }

    static org.hl7.fhir.r4.model.Encounter encounter(Encounter e) {
        var resource = new org.hl7.fhir.r4.model.Encounter();
        resource.setId(e.id().toString());
        if (e.visitNumber() != null) {
            resource.addIdentifier().setValue(e.visitNumber());
        }
        resource.setStatus(e.dischargeAt() == null ? org.hl7.fhir.r4.model.Encounter.EncounterStatus.INPROGRESS
                : org.hl7.fhir.r4.model.Encounter.EncounterStatus.FINISHED);
        resource.setClass_(new Coding(ACT_CODE, actCode(e.encounterClass()), e.encounterClass().label()));
        resource.setSubject(patient(e.patientId()));
        resource.setPeriod(new Period().setStartElement(dateTime(e.admitAt())).setEndElement(dateTime(e.dischargeAt())));
        resource.setServiceProvider(new Reference("Organization/" + e.facilityId()));
        EncounterParticipants.add(resource, EncounterParticipants.Role.ATTENDING, e.attendingId());
        if (e.reason() != null) {
            resource.addReasonCode().setText(e.reason());
        }
        if (e.dischargeDisposition() != null) {
            resource.getHospitalization().setDischargeDisposition(new CodeableConcept().setText(e.dischargeDisposition()));
        }
        return resource;
    }

    static Condition condition(Diagnosis d) {
        var resource = new Condition();
        resource.setId(d.id().toString());
        String clinical = d.resolvedAt() == null ? "active" : "resolved";
        resource.setClinicalStatus(new CodeableConcept(new Coding(CONDITION_CLINICAL, clinical, null)));
        String category = d.encounterId() == null ? "problem-list-item" : "encounter-diagnosis";
        resource.addCategory(new CodeableConcept(new Coding(CONDITION_CATEGORY, category, null)));
        resource.setCode(concept(d.code()));
        resource.setSubject(patient(d.patientId()));
        resource.setEncounter(encounterRef(d.encounterId()));
        resource.setOnset(dateTime(d.onsetAt()));
        resource.setAbatement(dateTime(d.resolvedAt()));
        return resource;
    }

    static org.hl7.fhir.r4.model.Procedure procedure(Procedure p) {
        var resource = new org.hl7.fhir.r4.model.Procedure();
        resource.setId(p.id().toString());
        resource.setStatus(org.hl7.fhir.r4.model.Procedure.ProcedureStatus.COMPLETED);
        resource.setCode(concept(p.code()));
        resource.setSubject(patient(p.patientId()));
        resource.setEncounter(encounterRef(p.encounterId()));
        resource.setPerformed(dateTime(p.performedAt()));
        return resource;
    }

    static org.hl7.fhir.r4.model.Observation observation(Observation o) {
        var resource = new org.hl7.fhir.r4.model.Observation();
        resource.setId(o.id().toString());
        resource.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.fromCode(o.status().code()));
        resource.setCode(new CodeableConcept(new Coding(LOINC, o.loincCode(), o.display())).setText(o.display()));
        resource.setSubject(patient(o.patientId()));
        resource.setEncounter(encounterRef(o.encounterId()));
        resource.setEffective(dateTime(o.observedAt()));
        if (o.valueNumeric() != null) {
            Quantity value = new Quantity().setValue(o.valueNumeric()).setUnit(o.unit());
            if (o.unit() != null) {
                value.setSystem(UCUM).setCode(o.unit());
            }
            resource.setValue(value);
        } else if (o.valueText() != null) {
            resource.setValue(new org.hl7.fhir.r4.model.StringType(o.valueText()));
        }
        if (o.referenceLow() != null || o.referenceHigh() != null) {
            var range = resource.addReferenceRange();
            if (o.referenceLow() != null) {
                range.setLow(new Quantity().setValue(o.referenceLow()).setUnit(o.unit()));
            }
            if (o.referenceHigh() != null) {
                range.setHigh(new Quantity().setValue(o.referenceHigh()).setUnit(o.unit()));
            }
        }
        if (o.abnormalFlag() != null) {
            resource.addInterpretation(new CodeableConcept(new Coding(INTERPRETATION, o.abnormalFlag().name(), null)));
        }
        return resource;
    }

    /** The newest version of the note, its text as a base64 plain-text attachment. */
    static DocumentReference document(ClinicalDocument d) {
        DocumentVersion current = d.current();
        var resource = new DocumentReference();
        resource.setId(new org.hl7.fhir.r4.model.IdType("DocumentReference", d.id().toString(),
                String.valueOf(current.version())));
        resource.getMeta().setVersionId(String.valueOf(current.version()))
                .setLastUpdated(Date.from(current.provenance().receivedAt()));
        resource.setStatus(d.isEnteredInError() ? DocumentReferenceStatus.ENTEREDINERROR : DocumentReferenceStatus.CURRENT);
        resource.setDocStatus(switch (current.status()) {
            case DRAFT -> DocumentReference.ReferredDocumentStatus.PRELIMINARY;
            case FINAL -> DocumentReference.ReferredDocumentStatus.FINAL;
            case AMENDED -> DocumentReference.ReferredDocumentStatus.AMENDED;
            case ENTERED_IN_ERROR -> DocumentReference.ReferredDocumentStatus.ENTEREDINERROR;
        });
        resource.setType(new CodeableConcept().setText(d.type().label()));
        resource.setSubject(patient(d.patientId()));
        resource.setDate(Date.from(d.createdAt()));
        resource.setDescription(current.title());
        if (current.authorId() != null) {
            resource.addAuthor(new Reference("Practitioner/" + current.authorId()));
        }
        if (current.signedBy() != null) {
            resource.setAuthenticator(new Reference("Practitioner/" + current.signedBy()));
        }
        if (d.addendumTo() != null) {
            resource.addRelatesTo().setCode(DocumentReference.DocumentRelationshipType.APPENDS)
                    .setTarget(new Reference("DocumentReference/" + d.addendumTo()));
        }
        resource.addContent().getAttachment().setContentType("text/plain; charset=utf-8").setTitle(current.title())
                .setData(current.body().getBytes(StandardCharsets.UTF_8));
        if (d.encounterId() != null) {
            resource.getContext().addEncounter(encounterRef(d.encounterId()));
        }
        return resource;
    }

    static String actCode(EncounterClass c) {
        return switch (c) {
            case INPATIENT -> "IMP";
            case OUTPATIENT -> "AMB";
            case EMERGENCY -> "EMER";
            case SNF -> "NONAC";
            case OBSERVATION -> "OBSENC";
        };
    }

    private static CodeableConcept concept(CodedValue code) {
        return new CodeableConcept(new Coding(code.system(), code.code(), code.display())).setText(code.display());
    }

    private static Reference patient(UUID id) {
        return new Reference("Patient/" + id);
    }

    private static Reference encounterRef(UUID id) {
        return id == null ? null : new Reference("Encounter/" + id);
    }

    private static DateTimeType dateTime(Instant at) {
        return at == null ? null : new DateTimeType(Date.from(at), ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
                java.util.TimeZone.getTimeZone("UTC"));
    }
}
