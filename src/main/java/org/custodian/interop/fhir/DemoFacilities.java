package org.custodian.interop.fhir;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.record.Facility;
import org.custodian.record.FacilityType;

/** The three facilities a demo installation shares: Synthea's many providers are folded into these. */
public record DemoFacilities(Facility hospital, Facility physicianOffice, Facility nursingHome) {
    static final List<Facility> DEFINITIONS = List.of(
            define("RGH", "Riverbend General Hospital", FacilityType.HOSPITAL),
            define("MSFM", "Maple Street Family Medicine", FacilityType.PHYSICIAN_OFFICE),
            define("WCNR", "Willow Creek Nursing and Rehabilitation", FacilityType.NURSING_HOME));

    public DemoFacilities {
        Objects.requireNonNull(hospital, "hospital");
        Objects.requireNonNull(physicianOffice, "physicianOffice");
        Objects.requireNonNull(nursingHome, "nursingHome");
    }

    public Facility of(FacilityType type) {
        return switch (type) {
            case HOSPITAL -> hospital;
            case PHYSICIAN_OFFICE -> physicianOffice;
            case NURSING_HOME -> nursingHome;
            case TRAINING -> throw new IllegalArgumentException("the demo has no training facility");
        };
    }

    public List<Facility> all() {
        return List.of(hospital, physicianOffice, nursingHome);
    }

    public Set<UUID> ids(FacilityType... types) {
        return List.of(types).stream().map(t -> of(t).id()).collect(Collectors.toUnmodifiableSet());
    }

    /** The letter a facility's MRNs start with, so an MRN alone says where it was assigned. */
    static char mrnPrefix(FacilityType type) {
        return switch (type) {
            case HOSPITAL -> 'H';
            case PHYSICIAN_OFFICE -> 'P';
            case NURSING_HOME -> 'N';
            case TRAINING -> 'T';
        };
    }

    private static Facility define(String code, String name, FacilityType type) {
        UUID id = UUID.nameUUIDFromBytes(("custodian-demo/facility/" + code).getBytes(StandardCharsets.UTF_8));
        return new Facility(id, code, name, type, "Springfield", "MA");
    }
}
