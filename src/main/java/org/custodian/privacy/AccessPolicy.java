package org.custodian.privacy;

import java.util.Map;
import java.util.UUID;
import org.custodian.record.PatientRepository;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a user may do something, and to which patient. A user reaches
 * a patient through a facility that holds the patient's record (an MRN there) and that the user
 * belongs to; what they may do there follows from their roles.
 */
@Component
public class AccessPolicy {
    private final PatientRepository patients;

    AccessPolicy(PatientRepository patients) {
        this.patients = patients;
    }

    public AccessDecision decide(CustodianUser user, Permission permission) {
        if (!user.can(permission)) {
            return new AccessDecision.Deny("role " + user.rolesText() + " does not allow " + permission);
        }
        return new AccessDecision.Permit("role allows " + permission);
    }

    public AccessDecision decide(CustodianUser user, Permission permission, UUID patientId) {
        AccessDecision byRole = decide(user, permission);
        if (byRole instanceof AccessDecision.Deny) {
            return byRole;
        }
        Map<UUID, String> holding = patients.facilityCodesOf(patientId);
        if (holding.isEmpty()) {
            return new AccessDecision.Deny("no facility holds a record for this patient");
        }
        return holding.entrySet().stream().filter(f -> user.facilityIds().contains(f.getKey())).findFirst()
                .<AccessDecision>map(f -> new AccessDecision.Permit("member of " + f.getValue() + ", which holds the record"))
                .orElseGet(() -> new AccessDecision.Deny("not a member of any facility holding this patient's record ("
                        + String.join(", ", holding.values()) + ")"));
    }
}
