package org.custodian.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.MultiFactor;
import org.custodian.privacy.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where an administrator chooses the roles that must use two-step sign-in, and resets a user's
 * enrolment (a lost phone): the user is signed out everywhere and must enrol again at sign-in.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // sessions exist only when serving
class MfaPolicyController {
    static final String PATH = "/admin/mfa";
    static final String RESET = PATH + "/reset";

    private final MultiFactor multiFactor;
    private final UserSessions sessions;

    MfaPolicyController(MultiFactor multiFactor, UserSessions sessions) {
        this.multiFactor = multiFactor;
        this.sessions = sessions;
    }

    @GetMapping(PATH)
    String policy(Model model) {
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("required", multiFactor.requiredRoles());
        return "privacy/mfa-policy";
    }

    @PostMapping(PATH)
    String save(@RequestParam(name = "role", required = false) List<Role> roles,
                @AuthenticationPrincipal CustodianUser admin) {
        Set<Role> chosen = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        multiFactor.requireForRoles(admin, chosen);
        return "redirect:" + PATH + "?saved";
    }

    @PostMapping(RESET)
    String reset(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String reason,
                 @AuthenticationPrincipal CustodianUser admin, RedirectAttributes flash) {
        try {
            multiFactor.resetByAdministrator(admin, username, reason);
        } catch (IllegalArgumentException invalid) {
            flash.addFlashAttribute("resetProblem", ErrorPages.sentence(invalid.getMessage()));
            flash.addFlashAttribute("resetUsername", username);
            return "redirect:" + PATH;
        }
        sessions.signOutEverywhere(username);
        flash.addFlashAttribute("resetDone", "Two-step sign-in reset for " + username.strip()
                + ". They are signed out and must set it up again at their next sign-in, with new recovery codes.");
        return "redirect:" + PATH;
    }
}
