package org.custodian.web;

import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.UserAdministration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Whether an account can sign in: disable (with a reason; signed out everywhere at once), enable,
 * unlock after repeated failed sign-ins, and reset a forgotten password to a temporary one shown once.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // sessions exist only when serving
class AdminUserStatusController {
    private final UserAdministration administration;
    private final UserSessions sessions;

    AdminUserStatusController(UserAdministration administration, UserSessions sessions) {
        this.administration = administration;
        this.sessions = sessions;
    }

    @PostMapping(AdminUserController.PATH + "/{username}/disable")
    String disable(@PathVariable String username, @RequestParam(defaultValue = "") String reason,
                   @AuthenticationPrincipal CustodianUser admin, RedirectAttributes flash) {
        return FlashSteps.attempt(flash, "Disabled. " + username + " is signed out and cannot sign in.", page(username), () -> {
            administration.disable(admin, username, reason);
            sessions.signOutEverywhere(username);
            return null;
        });
    }

    @PostMapping(AdminUserController.PATH + "/{username}/enable")
    String enable(@PathVariable String username, @AuthenticationPrincipal CustodianUser admin, RedirectAttributes flash) {
        return FlashSteps.attempt(flash, "Enabled. " + username + " can sign in again.", page(username), () -> {
            administration.enable(admin, username);
            return null;
        });
    }

    @PostMapping(AdminUserController.PATH + "/{username}/unlock")
    String unlock(@PathVariable String username, @AuthenticationPrincipal CustodianUser admin, RedirectAttributes flash) {
        return FlashSteps.attempt(flash, "Unlocked. " + username + " can try to sign in again.", page(username), () -> {
            administration.unlock(admin, username);
            return null;
        });
    }

    @PostMapping(AdminUserController.PATH + "/{username}/password")
    String resetPassword(@PathVariable String username, @AuthenticationPrincipal CustodianUser admin,
                         RedirectAttributes flash) {
        String temporary = UserAdministration.temporaryPassword();
        String next = FlashSteps.attempt(flash, "Password reset. Give " + username + " the temporary password below in "
                + "person or by phone; they must change it at their next sign-in.", page(username), () -> {
            administration.resetPassword(admin, username, temporary);
            sessions.signOutEverywhere(username);
            return null;
        });
        if (!flash.getFlashAttributes().containsKey("problem")) {
            flash.addFlashAttribute("temporaryPassword", temporary);
        }
        return next;
    }

    private static String page(String username) {
        return AdminUserController.PATH + "/" + username;
    }
}
