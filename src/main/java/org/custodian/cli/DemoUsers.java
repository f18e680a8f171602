package org.custodian.cli;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.interop.fhir.DemoFacilities;
import org.custodian.privacy.NewUser;
import org.custodian.privacy.Role;
import org.custodian.privacy.UserAccounts;
import org.custodian.record.FacilityType;
import org.custodian.record.Practitioner;
import org.custodian.record.PractitionerRepository;

/**
 * The demo's accounts: one per role, with fixed passwords that {@code demo} prints. They exist
 * only in demo installations; running {@code demo} again resets them to these values.
 */
final class DemoUsers {
    enum Scope {
        ALL_FACILITIES("all three"),
        HOSPITAL_AND_OFFICE("hospital, physician office"),
        NURSING_HOME("nursing home"),
        /** Trainees see the training sandbox only, whatever the account lists; trainers need no facility. */
        TRAINING_SANDBOX("training sandbox");

        private final String label;

        Scope(String label) {
            this.label = label;
        }
    }

    record DemoUser(String username, Role role, Scope scope) {
        String password() {
            return username + "-demo-2026";
        }

        String displayName() {
            return role.label() + " (demo)";
        }
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("director", Role.HIM_DIRECTOR, Scope.ALL_FACILITIES),
            new DemoUser("hit", Role.CODER, Scope.HOSPITAL_AND_OFFICE),
            new DemoUser("roi", Role.ROI_SPECIALIST, Scope.ALL_FACILITIES),
            new DemoUser("privacy", Role.PRIVACY_OFFICER, Scope.ALL_FACILITIES),
            new DemoUser("nurse", Role.CLINICIAN, Scope.NURSING_HOME),
            new DemoUser(DemoUsers.DOCTOR, Role.CLINICIAN, Scope.ALL_FACILITIES),
            new DemoUser("auditor", Role.AUDITOR, Scope.ALL_FACILITIES),
            new DemoUser("admin", Role.ADMIN, Scope.ALL_FACILITIES),
            new DemoUser("trainer", Role.TRAINER, Scope.TRAINING_SANDBOX),
            new DemoUser("trainee", Role.TRAINEE, Scope.TRAINING_SANDBOX),
            new DemoUser("transcriptionist", Role.TRANSCRIPTIONIST, Scope.HOSPITAL_AND_OFFICE));

    /** The physician account, linked after loading to the practitioner attending the most demo encounters. */
    static final String DOCTOR = "doctor";

    private DemoUsers() {
    }

    /** Signs the demo physician in as the busiest attending, so their queries and deficiencies have an owner. */
    static java.util.Optional<Practitioner> linkDoctor(UserAccounts accounts, PractitionerRepository practitioners,
                                                        String actor) {
        java.util.Optional<Practitioner> busiest = practitioners.busiestAttending();
        busiest.ifPresent(p -> accounts.linkPractitioner(DOCTOR, p.id(), actor));
        return busiest;
    }

    static void create(UserAccounts accounts, DemoFacilities facilities, String actor) {
        for (DemoUser user : USERS) {
            accounts.createOrReset(new NewUser(user.username(), user.displayName(), user.password(),
                    Set.of(user.role()), facilityIds(user.scope(), facilities)), actor);
        }
    }

    static Set<UUID> facilityIds(Scope scope, DemoFacilities facilities) {
        return switch (scope) {
            case ALL_FACILITIES -> facilities.ids(FacilityType.HOSPITAL, FacilityType.PHYSICIAN_OFFICE,
                    FacilityType.NURSING_HOME);
            case HOSPITAL_AND_OFFICE -> facilities.ids(FacilityType.HOSPITAL, FacilityType.PHYSICIAN_OFFICE);
            case NURSING_HOME -> facilities.ids(FacilityType.NURSING_HOME);
            case TRAINING_SANDBOX -> Set.of();
        };
    }

    /** The logins as a table, one user a line. */
    static List<String> table() {
        String format = "  %-9s %-19s %-34s %s";
        List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format(format, "USERNAME", "PASSWORD", "ROLE", "FACILITIES"));
        for (DemoUser user : USERS) {
            lines.add(String.format(format, user.username(), user.password(), user.role().label(), user.scope().label));
        }
        return lines;
    }
}
