package org.custodian.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Account administration on the real database: each change takes effect, is refused where it must be, and is audited. */
@IntegrationTest
class UserAdministrationTest {
    private static final String PASSWORD = "a long enough password";

    @Autowired
    UserAdministration administration;
    @Autowired
    UserAccounts accounts;
    @Autowired
    CustodianUserDetailsService signIn;
    @Autowired
    AuditTrail audit;

    private String run;
    private CustodianUser admin;

    @BeforeEach
    void anAdministrator() {
        run = UUID.randomUUID().toString().substring(0, 8);
        admin = accounts.create(new NewUser("ua.admin." + run, "Ada Admin", PASSWORD, Set.of(Role.ADMIN), Set.of()), "test");
    }

    @Test
    void aNewAccountHasATemporaryPasswordAndItsCreationNamesRolesInTheAuditTrail() {
        String temporary = UserAdministration.temporaryPassword();
        UserSummary created = administration.create(admin, new NewUser("ua.coder." + run, "Cody Coder", temporary,
                Set.of(Role.CODER), Set.of()));

        assertThat(created.mustChangePassword()).isTrue();
        assertThat(created.roles()).containsExactly(Role.CODER);
        assertThat(created.enabled()).isTrue();
        assertThat(temporary).hasSize(16).doesNotContain("0", "O", "1", "l", "I");
        assertThat(administration.mustChangePassword("ua.coder." + run)).isTrue();
        assertThat(privilegeChanges()).anyMatch(e -> e.resourceId().equals("ua.coder." + run)
                && e.detail().contains("created with roles CODER") && e.outcome() == AuditOutcome.SUCCESS);
        assertThatThrownBy(() -> administration.create(admin, new NewUser("ua.coder." + run, "Again", PASSWORD,
                Set.of(Role.CODER), Set.of()))).hasMessageContaining("already taken");
    }

    @Test
    void changingRolesIsAuditedBeforeAndAfterButAnAdministratorCannotChangeTheirOwn() {
        String user = accounts.create(new NewUser("ua.clerk." + run, "Cleo Clerk", PASSWORD, Set.of(Role.CODER), Set.of()),
                "test").getUsername();

        UserSummary after = administration.change(admin, user, new UserChange("Cleo Clerk-Smith",
                Set.of(Role.CODER, Role.ROI_SPECIALIST), Set.of()));

        assertThat(after.roles()).containsExactlyInAnyOrder(Role.CODER, Role.ROI_SPECIALIST);
        assertThat(after.displayName()).isEqualTo("Cleo Clerk-Smith");
        assertThat(((CustodianUser) signIn.loadUserByUsername(user)).roles()).contains(Role.ROI_SPECIALIST);
        assertThat(privilegeChanges()).anyMatch(e -> e.detail().contains("roles CODER -> CODER,ROI_SPECIALIST"));

        assertThatThrownBy(() -> administration.change(admin, admin.getUsername(),
                new UserChange("Ada Admin", Set.of(Role.ADMIN, Role.PRIVACY_OFFICER), Set.of())))
                .hasMessageContaining("cannot change your own roles");
        assertThat(privilegeChanges()).anyMatch(e -> e.outcome() == AuditOutcome.FAILURE
                && e.detail().contains("changing own roles"));
    }

    @Test
    void aDisabledAccountCannotSignInAndDisablingNeedsAReasonAndAnotherAdministrator() {
        String user = accounts.create(new NewUser("ua.leaver." + run, "Lee Leaver", PASSWORD, Set.of(Role.CODER), Set.of()),
                "test").getUsername();

        assertThatThrownBy(() -> administration.disable(admin, user, "  ")).hasMessageContaining("give a reason");
        administration.disable(admin, user, "left the organisation");

        assertThat(signIn.loadUserByUsername(user).isEnabled()).isFalse();
        assertThat(administration.find(admin, user).orElseThrow().disabledReason()).isEqualTo("left the organisation");
        assertThatThrownBy(() -> administration.disable(admin, admin.getUsername(), "oops"))
                .hasMessageContaining("cannot disable your own account");

        administration.enable(admin, user);
        assertThat(signIn.loadUserByUsername(user).isEnabled()).isTrue();
        assertThat(privilegeChanges()).extracting(AuditEvent::detail)
                .anyMatch(d -> d.contains("disabled: left the organisation")).anyMatch(d -> d.endsWith(" enabled"));
    }

    @Test
    void aPasswordResetUnlocksAndMustBeReplacedByTheOwnerWhoProvesTheCurrentOne() {
        CustodianUser owner = accounts.create(new NewUser("ua.forgetful." + run, "Flo Forgetful", PASSWORD,
                Set.of(Role.CODER), Set.of()), "test");
        String temporary = UserAdministration.temporaryPassword();
        administration.resetPassword(admin, owner.getUsername(), temporary);
        assertThat(administration.mustChangePassword(owner.getUsername())).isTrue();

        assertThatThrownBy(() -> administration.changeOwnPassword(owner, "not the password", "my own new password"))
                .hasMessageContaining("current password is not right");
        assertThatThrownBy(() -> administration.changeOwnPassword(owner, temporary, "short"))
                .hasMessageContaining("12-128 characters");
        assertThatThrownBy(() -> administration.changeOwnPassword(owner, temporary, "ua.forgetful." + run + "!!"))
                .hasMessageContaining("must not contain your user name");
        administration.changeOwnPassword(owner, temporary, "my own new password");

        assertThat(administration.mustChangePassword(owner.getUsername())).isFalse();
        List<AuditEvent> own = audit.search(new AuditQuery(owner.getUsername(), null, AuditAction.PRIVILEGE_CHANGE,
                null, null, null, true, 0, 10)).events();
        assertThat(own).extracting(AuditEvent::outcome).containsExactly(AuditOutcome.FAILURE, AuditOutcome.SUCCESS);
    }

    @Test
    void onlyAnAdministratorMayAdministerAndARefusalIsAudited() {
        CustodianUser coder = accounts.create(new NewUser("ua.nosy." + run, "Nosy Coder", PASSWORD, Set.of(Role.CODER),
                Set.of()), "test");

        assertThatThrownBy(() -> administration.list(coder)).isInstanceOf(PhiAccessDenied.class);
        assertThatThrownBy(() -> administration.resetPassword(coder, admin.getUsername(), "a password for me"))
                .isInstanceOf(PhiAccessDenied.class);
        assertThat(audit.search(new AuditQuery(coder.getUsername(), null, AuditAction.PRIVILEGE_CHANGE, null, null, null,
                false, 0, 10)).events()).hasSize(2).allMatch(e -> e.outcome() == AuditOutcome.DENIED);
    }

    private List<AuditEvent> privilegeChanges() {
        return audit.search(new AuditQuery(admin.getUsername(), null, AuditAction.PRIVILEGE_CHANGE, null, null, null,
                false, 0, 50)).events();
    }
}
