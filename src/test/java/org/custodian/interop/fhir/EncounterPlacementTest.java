package org.custodian.interop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodian.interop.fhir.EncounterPlacement.Placement;
import org.custodian.record.EncounterClass;
import org.custodian.record.FacilityType;
import org.junit.jupiter.api.Test;

/** The folding of Synthea's providers into the three demo facilities, on cases seen in Synthea output. */
class EncounterPlacementTest {
    @Test
    void ambulatoryAndWellnessVisitsGoToThePhysicianOfficeEvenAtARehabHospital() {
        assertThat(place("AMB", "General examination of patient (procedure)", "LOWELL FAMILY MEDICAL CARE PC"))
                .isEqualTo(new Placement(FacilityType.PHYSICIAN_OFFICE, EncounterClass.OUTPATIENT));
        assertThat(place("AMB", "Encounter for problem (procedure)", "WHITTIER REHABILTATION HOSPITAL"))
                .isEqualTo(new Placement(FacilityType.PHYSICIAN_OFFICE, EncounterClass.OUTPATIENT));
        assertThat(place("VR", "Telemedicine consultation", null))
                .isEqualTo(new Placement(FacilityType.PHYSICIAN_OFFICE, EncounterClass.OUTPATIENT));
    }

    @Test
    void inpatientStaysGoToTheHospitalAndEmergenciesThereToo() {
        assertThat(place("IMP", "Admission to surgical department", "MILFORD REGIONAL MEDICAL CENTER"))
                .isEqualTo(new Placement(FacilityType.HOSPITAL, EncounterClass.INPATIENT));
        assertThat(place("OBSENC", "Observation", "MILFORD REGIONAL MEDICAL CENTER"))
                .isEqualTo(new Placement(FacilityType.HOSPITAL, EncounterClass.OBSERVATION));
        // Synthea sends some emergencies to nursing centres; an emergency visit is the hospital's
        assertThat(place("EMER", "Emergency room admission (procedure)", "SERENITY HILL NURSING CENTER"))
                .isEqualTo(new Placement(FacilityType.HOSPITAL, EncounterClass.EMERGENCY));
    }

    @Test
    void hospiceHomeHealthSkilledNursingAndNursingProvidersGoToTheNursingHome() {
        Placement nursingHome = new Placement(FacilityType.NURSING_HOME, EncounterClass.SNF);
        assertThat(place("HH", "Admission to hospice (procedure)", "Causeway OPC")).isEqualTo(nursingHome);
        assertThat(place("SNF", null, null)).isEqualTo(nursingHome);
        assertThat(place("IMP", "Admission to skilled nursing facility (procedure)", "LIFE CARE CENTER OF ACTON"))
                .isEqualTo(nursingHome);
        assertThat(place("AMB", "Encounter for check up", "GREENWOOD NURSING & REHABILITATION CENTER"))
                .isEqualTo(nursingHome);
        assertThat(place("IMP", "Hospital admission (procedure)", "PARK AVENUE SNF OPERATIONS LLC"))
                .isEqualTo(nursingHome);
    }

    private static Placement place(String classCode, String type, String organization) {
        return EncounterPlacement.place(classCode, type, organization);
    }
}
