package org.custodian.interop.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodian.record.EncounterRepository.Doctors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Reference;

/**
 * An encounter's doctors as FHIR participants, told apart by their type (v3 ParticipationType):
 * the attending ({@code ATND}, or a participant without one of the types below, as Synthea's primary
 * performer), the admitting ({@code ADM}, HL7 PV1-17) and the referring doctor ({@code REF}, PV1-8).
 */
final class EncounterParticipants {
    static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    /** The roles the record keeps a doctor for. */
    enum Role {
        ATTENDING("ATND", "attender"), ADMITTING("ADM", "admitter"), REFERRING("REF", "referrer");

        final String code;
        final String display;

        Role(String code, String display) {
            this.code = code;
            this.display = display;
        }
    }

    private EncounterParticipants() {
    }

    /**
     * The element path ({@code participant[2].individual}) of the incoming encounter's participant in
     * this role, or null when it has none: the first typed with the role's code, for the attending
     * else the first with an individual that is neither admitting nor referring.
     */
    static String element(JsonNode encounter, Role role) {
        JsonNode participants = encounter.path("participant");
        for (int i = 0; i < participants.size(); i++) {
            if (participants.get(i).has("individual") && role == roleOf(participants.get(i), null)) {
                return "participant[" + i + "].individual";
            }
        }
        if (role == Role.ATTENDING) {
            for (int i = 0; i < participants.size(); i++) {
                if (participants.get(i).has("individual") && roleOf(participants.get(i), Role.ATTENDING) == Role.ATTENDING) {
                    return "participant[" + i + "].individual";
                }
            }
        }
        return null;
    }

    /** Adds the admitting and referring doctors to outgoing encounters that have them. */
    static void addDoctors(List<Encounter> encounters, Map<UUID, Doctors> doctors) {
        for (Encounter encounter : encounters) {
            Doctors d = doctors.get(UUID.fromString(encounter.getIdElement().getIdPart()));
            if (d != null) {
                add(encounter, Role.ADMITTING, d.admittingId());
                add(encounter, Role.REFERRING, d.referringId());
            }
        }
    }

    static void add(Encounter encounter, Role role, UUID practitionerId) {
        if (practitionerId != null) {
            encounter.addParticipant()
                    .addType(new CodeableConcept(new Coding(PARTICIPATION_TYPE, role.code, role.display)))
                    .setIndividual(new Reference("Practitioner/" + practitionerId));
        }
    }

    /** The participant's role by its type codes; {@code untyped} when none of them is one of ours. */
    private static Role roleOf(JsonNode participant, Role untyped) {
        for (JsonNode type : participant.path("type")) {
            for (JsonNode coding : type.path("coding")) {
                String code = coding.path("code").asText();
                for (Role role : Role.values()) {
                    if (role.code.equals(code)) {
                        return role;
                    }
                }
            }
        }
        return untyped;
    }
}
