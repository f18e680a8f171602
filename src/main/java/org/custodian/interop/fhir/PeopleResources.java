package org.custodian.interop.fhir;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.custodian.record.ClinicalQueries;
import org.custodian.record.Facility;
import org.custodian.record.Patient;
import org.custodian.record.Practitioner;
import org.custodian.record.Sex;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;

/** Patients, facilities (as Organizations) and practitioners as FHIR R4 resources. */
final class PeopleResources {
    private static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private PeopleResources() {
    }

    static org.hl7.fhir.r4.model.Patient patient(Patient p, List<ClinicalQueries.Identifier> mrns) {
        var resource = new org.hl7.fhir.r4.model.Patient();
        resource.setId(p.id().toString());
        for (ClinicalQueries.Identifier mrn : mrns) {
            resource.addIdentifier().setUse(Identifier.IdentifierUse.USUAL)
                    .setType(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(V2_0203, "MR",
                            "Medical record number")))
                    .setSystem(FhirIds.mrnSystem(mrn.facilityCode())).setValue(mrn.value());
        }
        HumanName name = resource.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.family());
        Arrays.stream(p.given().split(" ")).filter(g -> !g.isBlank()).forEach(name::addGiven);
        resource.setGender(gender(p.sex()));
        resource.setBirthDateElement(new DateType(p.birthDate().toString()));
        Patient.Address a = p.address();
        if (a.line() != null || a.city() != null || a.state() != null || a.postalCode() != null) {
            Address address = resource.addAddress().setCity(a.city()).setState(a.state()).setPostalCode(a.postalCode());
            if (a.line() != null) {
                address.addLine(a.line());
            }
        }
        if (p.phone() != null) {
            resource.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone());
        }
        if (p.deceasedAt() != null) {
            resource.setDeceased(new DateTimeType(Date.from(p.deceasedAt())));
        }
        return resource;
    }

    static AdministrativeGender gender(Sex sex) {
        return switch (sex) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        };
    }

    static Organization organization(Facility f) {
        var resource = new Organization();
        resource.setId(f.id().toString());
        resource.addIdentifier().setSystem(FhirIds.FACILITY_SYSTEM).setValue(f.code());
        resource.setActive(true).setName(f.name());
        resource.addType().setText(f.type().label());
        if (f.city() != null || f.state() != null) {
            resource.addAddress().setCity(f.city()).setState(f.state());
        }
        return resource;
    }

    static org.hl7.fhir.r4.model.Practitioner practitioner(Practitioner p) {
        var resource = new org.hl7.fhir.r4.model.Practitioner();
        resource.setId(p.id().toString());
        if (p.npi() != null) {
            resource.addIdentifier().setSystem(Practitioners.NPI_SYSTEM).setValue(p.npi());
        }
        HumanName name = resource.addName().setFamily(p.family());
        Arrays.stream(p.given().split(" ")).filter(g -> !g.isBlank()).forEach(name::addGiven);
        return resource;
    }
}
