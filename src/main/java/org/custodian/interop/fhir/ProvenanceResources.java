package org.custodian.interop.fhir;

import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/**
 * The record's provenance of one version of a resource as a FHIR Provenance: the version it
 * targets, when it was received, who recorded it and from which source system and message or bundle.
 * Its id names the target and version: {@code Condition-<uuid>-2}.
 */
final class ProvenanceResources {
    private static final String DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    private static final String PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    private ProvenanceResources() {
    }

    static org.hl7.fhir.r4.model.Provenance provenance(String type, UUID id, int version,
                                                       org.custodian.record.Provenance source) {
        var resource = new org.hl7.fhir.r4.model.Provenance();
        resource.setId(type + "-" + id + "-" + version);
        resource.addTarget(new Reference(type + "/" + id + "/_history/" + version));
        resource.setRecorded(Date.from(source.receivedAt()));
        resource.setActivity(new CodeableConcept(new Coding(DATA_OPERATION, version == 1 ? "CREATE" : "UPDATE",
                version == 1 ? "create" : "revise")));
        resource.addAgent().setType(new CodeableConcept(new Coding(PARTICIPANT, "enterer", "Enterer")))
                .setWho(new Reference().setDisplay(source.recordedBy()));
        resource.addEntity().setRole(org.hl7.fhir.r4.model.Provenance.ProvenanceEntityRole.SOURCE)
                .setWhat(new Reference().setDisplay(source.sourceSystem()
                        + (source.sourceRef() == null ? "" : ": " + source.sourceRef())));
        return resource;
    }
}
