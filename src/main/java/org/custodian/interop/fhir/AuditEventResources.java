package org.custodian.interop.fhir;

import java.util.Date;
import org.custodian.privacy.AuditEvent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/** An event of the audit trail as a FHIR AuditEvent; its id is the event's place in the chain. */
final class AuditEventResources {
    private static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";

    private AuditEventResources() {
    }

    static org.hl7.fhir.r4.model.AuditEvent auditEvent(AuditEvent e) {
        var resource = new org.hl7.fhir.r4.model.AuditEvent();
        resource.setId(String.valueOf(e.seq()));
        boolean signIn = switch (e.action()) {
            case LOGIN, LOGIN_FAILED, LOGOUT -> true;
            default -> false;
        };
        resource.setType(signIn ? new Coding(DCM, "110114", "User Authentication")
                : new Coding(EVENT_TYPE, "rest", "RESTful Operation"));
        resource.addSubtype(new Coding("urn:custodian:audit-action", e.action().name(), e.action().name().toLowerCase()));
        resource.setAction(switch (e.action()) {
            case CREATE -> org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.C;
            case UPDATE, PRIVILEGE_CHANGE, KEY_ROTATION -> org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.U;
            case DELETE -> org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.D;
            case READ, PRINT, EXPORT, EMERGENCY_ACCESS -> org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.R;
            case SEARCH, LOGIN, LOGIN_FAILED, LOGOUT, REVIEW -> org.hl7.fhir.r4.model.AuditEvent.AuditEventAction.E;
        });
        resource.setRecorded(Date.from(e.occurredAt()));
        resource.setOutcome(switch (e.outcome()) {
            case SUCCESS -> org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome._0;
            default -> org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome._4;
        });
        resource.setOutcomeDesc(e.detail());
        var agent = resource.addAgent().setRequestor(true).setWho(new Reference().setDisplay(e.username()))
                .setAltId(e.username());
        if (e.roles() != null && !e.roles().isBlank()) {
            agent.addRole(new CodeableConcept().setText(e.roles()));
        }
        if (e.clientAddress() != null) {
            agent.getNetwork().setAddress(e.clientAddress())
                    .setType(org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType._2);
        }
        resource.getSource().setSite("Custodian").setObserver(new Reference().setDisplay("Custodian"));
        if (e.patientId() != null) {
            resource.addEntity().setWhat(new Reference("Patient/" + e.patientId()))
                    .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"));
        }
        if (e.resourceType() != null) {
            resource.addEntity().setName(e.resourceType() + (e.resourceId() == null ? "" : "/" + e.resourceId()))
                    .setDescription(e.detail())
                    .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"));
        }
        return resource;
    }
}
