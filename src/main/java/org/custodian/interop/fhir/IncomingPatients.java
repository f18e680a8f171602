package org.custodian.interop.fhir;

import static org.custodian.interop.fhir.FhirJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.record.Mrn;
import org.custodian.record.PatientRepository;
import org.springframework.stereotype.Component;

/**
 * A Patient sent by an API client: demographics as the importer maps them, and the medical record
 * numbers it carries in our systems ({@code urn:custodian:mrn:<facility code>}). A new patient needs
 * one at a facility the client works at, so that someone holds the record.
 */
@Component
final class IncomingPatients {
    private final FacilityRepository facilities;
    private final PatientRepository patients;

    IncomingPatients(FacilityRepository facilities, PatientRepository patients) {
        this.facilities = facilities;
        this.patients = patients;
    }

    org.custodian.record.Patient demographics(JsonNode json, UUID id) {
        return IncomingFacts.mapped("Patient", () -> PatientMapping.patient(json, id));
    }

    /** The MRNs in our systems, each at a facility the user works at and not another patient's. */
    List<Mrn> mrns(JsonNode json, UUID patientId, CustodianUser user) {
        List<Mrn> mrns = new ArrayList<>();
        JsonNode identifiers = json.path("identifier");
        for (int i = 0; i < identifiers.size(); i++) {
            String where = "Patient.identifier[" + i + "]";
            String code = FhirIds.facilityCodeOf(text(identifiers.get(i), "/system"));
            String value = text(identifiers.get(i), "/value");
            if (code == null) {
                continue;
            }
            Facility facility = facilities.byCode(code).orElseThrow(() -> FhirErrors.unprocessable(where + ".system",
                    "names facility " + code + ", which this record does not have"));
            if (value == null || value.isBlank()) {
                throw FhirErrors.unprocessable(where + ".value", "is required");
            }
            if (!user.facilityIds().contains(facility.id())) {
                throw FhirErrors.unprocessable(where + ".system", "you do not work at " + code
                        + "; only its staff assign its medical record numbers");
            }
            Mrn mrn = new Mrn(facility.id(), value.trim());
            patients.findByMrn(facility.id(), mrn.value()).filter(other -> !other.equals(patientId)).ifPresent(other -> {
                throw FhirErrors.unprocessable(where + ".value", "MRN " + mrn.value() + " at " + code
                        + " already belongs to another patient");
            });
            mrns.add(mrn);
        }
        return mrns;
    }

    /** The facility of the first MRN in our systems the patient carries, or null: whose thresholds the MPI applies. */
    UUID facilityOf(JsonNode json) {
        JsonNode identifiers = json.path("identifier");
        for (int i = 0; i < identifiers.size(); i++) {
            String code = FhirIds.facilityCodeOf(text(identifiers.get(i), "/system"));
            var facility = code == null ? Optional.<Facility>empty() : facilities.byCode(code);
            if (facility.isPresent()) {
                return facility.get().id();
            }
        }
        return null;
    }

    /** For a new patient: at least one MRN, or nobody could see the record. */
    List<Mrn> requiredMrns(JsonNode json, UUID patientId, CustodianUser user) {
        List<Mrn> mrns = mrns(json, patientId, user);
        if (mrns.isEmpty()) {
            throw FhirErrors.unprocessable("Patient.identifier", "needs a medical record number with system "
                    + FhirIds.MRN_SYSTEM_PREFIX + "<facility code> of a facility you work at");
        }
        return mrns;
    }
}
