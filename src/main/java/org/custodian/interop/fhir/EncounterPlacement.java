package org.custodian.interop.fhir;

import java.util.Locale;
import org.custodian.record.EncounterClass;
import org.custodian.record.FacilityType;

/**
 * Decides which demo facility an encounter belongs to, and its class there, from Synthea's
 * encounter class (v3 ActCode), encounter type and the name of the organization that provided it.
 * <p>The nursing home gets Synthea's home-health and hospice encounters (class HH), its skilled
 * nursing stays (class SNF, or an inpatient "Admission to skilled nursing facility") and anything
 * provided by an organization named as a nursing, skilled-nursing or hospice provider. These are
 * real post-acute encounters in Synthea's output, nothing is invented, and a population of a
 * hundred has plenty: patients who die get hospice care, fractures and strokes lead to skilled
 * nursing stays ({@code demo} with seed 42 and 100 patients puts 21 of its 112 patients in the
 * nursing home). {@code SyntheaDemoLoadTest} checks that a small run fills all three facilities.
 */
final class EncounterPlacement {
    record Placement(FacilityType facility, EncounterClass encounterClass) {
    }

    private EncounterPlacement() {
    }

    static Placement place(String classCode, String typeText, String organizationName) {
        String code = classCode == null ? "" : classCode.toUpperCase(Locale.ROOT);
        // Synthea sends some emergencies to nursing centres that list emergency services; an
        // emergency visit is an emergency department visit, which is the hospital's.
        if (code.equals("EMER")) {
            return new Placement(FacilityType.HOSPITAL, EncounterClass.EMERGENCY);
        }
        if (code.equals("HH") || code.equals("SNF") || isPostAcute(typeText) || isNursingProvider(organizationName)) {
            return new Placement(FacilityType.NURSING_HOME, EncounterClass.SNF);
        }
        return switch (code) {
            case "IMP", "ACUTE", "NONAC" -> new Placement(FacilityType.HOSPITAL, EncounterClass.INPATIENT);
            case "OBSENC" -> new Placement(FacilityType.HOSPITAL, EncounterClass.OBSERVATION);
            default -> new Placement(FacilityType.PHYSICIAN_OFFICE, EncounterClass.OUTPATIENT);
        };
    }

    private static boolean isPostAcute(String typeText) {
        String type = typeText == null ? "" : typeText.toLowerCase(Locale.ROOT);
        return type.contains("skilled nursing") || type.contains("hospice") || type.contains("nursing facility");
    }

    private static boolean isNursingProvider(String organizationName) {
        String name = organizationName == null ? "" : " " + organizationName.toUpperCase(Locale.ROOT) + " ";
        return name.contains("NURSING") || name.contains("SKILLED") || name.contains("HOSPICE")
                || name.contains(" SNF ");
    }
}
