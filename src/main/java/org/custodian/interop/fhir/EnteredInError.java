package org.custodian.interop.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/** A clinical resource's state once deleted: the same content, its status entered-in-error. */
final class EnteredInError {
    static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    private EnteredInError() {
    }

    static Resource mark(Resource resource) {
        switch (resource) {
            case Encounter e -> e.setStatus(Encounter.EncounterStatus.ENTEREDINERROR);
            case Condition c -> {
                // R4: a Condition entered in error has no clinical status
                c.setClinicalStatus(null);
                c.setVerificationStatus(new CodeableConcept(new Coding(CONDITION_VERIFICATION, "entered-in-error",
                        "Entered in Error")));
            }
            case Procedure p -> p.setStatus(Procedure.ProcedureStatus.ENTEREDINERROR);
            case Observation o -> o.setStatus(Observation.ObservationStatus.ENTEREDINERROR);
            default -> throw new IllegalArgumentException("no entered-in-error state for " + resource.fhirType());
        }
        return resource;
    }
}
