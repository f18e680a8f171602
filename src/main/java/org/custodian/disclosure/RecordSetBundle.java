package org.custodian.disclosure;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.custodian.record.ClinicalDocument;
import org.custodian.record.Observation;
import org.custodian.record.PatientChart;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The designated record set as a FHIR R4 collection Bundle (HAPI model classes): the patient, every
 * encounter, condition, procedure, result and document (text attached, addenda linked with
 * {@code relatesTo = appends}), for the patient to take to any FHIR-capable app.
 */
final class RecordSetBundle {
    private RecordSetBundle() {
    }

    static String json(PatientChart chart, List<ClinicalDocument> documents) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(new Date());
        org.custodian.record.Patient p = chart.patient();
        String patientRef = "urn:uuid:" + p.id();
        Patient patient = new Patient();
        patient.addName().setFamily(p.family()).addGiven(p.given());
        patient.setBirthDate(java.sql.Date.valueOf(p.birthDate()));
        patient.setGender(switch (p.sex()) {
            case FEMALE -> Enumerations.AdministrativeGender.FEMALE;
            case MALE -> Enumerations.AdministrativeGender.MALE;
            case OTHER -> Enumerations.AdministrativeGender.OTHER;
            case UNKNOWN -> Enumerations.AdministrativeGender.UNKNOWN;
        });
        if (p.address().line() != null || p.address().city() != null) {
            patient.addAddress().addLine(p.address().line()).setCity(p.address().city())
                    .setState(p.address().state()).setPostalCode(p.address().postalCode());
        }
        if (p.phone() != null) {
            patient.addTelecom().setSystem(org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem.PHONE).setValue(p.phone());
        }
        for (PatientChart.IdentifierRow id : chart.identifiers()) {
            patient.addIdentifier().setSystem("urn:custodian:facility:" + id.facilityCode() + ":mrn").setValue(id.mrn());
        }
        add(bundle, patientRef, patient);
        Reference subject = new Reference(patientRef);
        for (PatientChart.EncounterRow e : chart.encounters()) {
            Encounter encounter = new Encounter();
            encounter.setStatus(e.dischargeAt() == null ? Encounter.EncounterStatus.INPROGRESS : Encounter.EncounterStatus.FINISHED);
            encounter.setClass_(new Coding("urn:custodian:encounter-class", e.encounterClass().name(), e.encounterClass().label()));
            encounter.setSubject(subject);
            encounter.setPeriod(new Period().setStart(date(e.admitAt())).setEnd(date(e.dischargeAt())));
            if (e.reason() != null) {
                encounter.addReasonCode().setText(e.reason());
            }
            encounter.getServiceProvider().setDisplay(e.facilityName());
            add(bundle, "urn:uuid:" + e.id(), encounter);
        }
        for (PatientChart.DiagnosisRow d : chart.diagnoses()) {
            Condition condition = new Condition();
            condition.setSubject(subject);
            condition.setCode(concept(d.code().system(), d.code().code(), d.code().display()));
            if (d.encounterId() != null) {
                condition.setEncounter(new Reference("urn:uuid:" + d.encounterId()));
            }
            condition.setOnset(d.onsetAt() == null ? null : new org.hl7.fhir.r4.model.DateTimeType(date(d.onsetAt())));
            condition.setAbatement(d.resolvedAt() == null ? null : new org.hl7.fhir.r4.model.DateTimeType(date(d.resolvedAt())));
            add(bundle, "urn:uuid:" + java.util.UUID.randomUUID(), condition);
        }
        for (PatientChart.ProcedureRow r : chart.procedures()) {
            Procedure procedure = new Procedure();
            procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
            procedure.setSubject(subject);
            procedure.setCode(concept(r.code().system(), r.code().code(), r.code().display()));
            if (r.performedAt() != null) {
                procedure.setPerformed(new org.hl7.fhir.r4.model.DateTimeType(date(r.performedAt())));
            }
            add(bundle, "urn:uuid:" + java.util.UUID.randomUUID(), procedure);
        }
        for (Observation o : chart.observations()) {
            org.hl7.fhir.r4.model.Observation obs = new org.hl7.fhir.r4.model.Observation();
            obs.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL);
            obs.setSubject(subject);
            obs.setCode(concept("http://loinc.org", o.loincCode(), o.display()));
            obs.setEffective(new org.hl7.fhir.r4.model.DateTimeType(date(o.observedAt())));
            if (o.valueNumeric() != null) {
                obs.setValue(new Quantity().setValue(o.valueNumeric()).setUnit(o.unit()));
            } else if (o.valueText() != null) {
                obs.setValue(new org.hl7.fhir.r4.model.StringType(o.valueText()));
            }
            add(bundle, "urn:uuid:" + o.id(), obs);
        }
        for (ClinicalDocument d : documents) {
            DocumentReference ref = new DocumentReference();
            ref.setStatus(d.isEnteredInError() ? Enumerations.DocumentReferenceStatus.ENTEREDINERROR
                    : Enumerations.DocumentReferenceStatus.CURRENT);
            ref.setSubject(subject);
            ref.setType(new CodeableConcept().setText(d.type().label()));
            ref.setDate(date(d.createdAt()));
            ref.setDescription(d.current().title());
            ref.addContent().setAttachment(new Attachment().setContentType("text/plain; charset=utf-8")
                    .setTitle(d.current().title()).setData(d.current().body().getBytes(StandardCharsets.UTF_8)));
            if (d.addendumTo() != null) {
                ref.addRelatesTo().setCode(DocumentReference.DocumentRelationshipType.APPENDS)
                        .setTarget(new Reference("urn:uuid:" + d.addendumTo()));
            }
            add(bundle, "urn:uuid:" + d.id(), ref);
        }
        return FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
    }

    private static void add(Bundle bundle, String fullUrl, Resource resource) {
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display)).setText(display);
    }

    private static Date date(java.time.Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
