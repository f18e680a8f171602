package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.UserAdministration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user changes their own password here; a temporary one must be changed before anything else. */
@Controller
class AccountPasswordController {
    static final String PATH = "/account/password";

    private final UserAdministration administration;

    AccountPasswordController(UserAdministration administration) {
        this.administration = administration;
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal CustodianUser user, Model model) {
        model.addAttribute("mustChange", administration.mustChangePassword(user.getUsername()));
        return "account/password";
    }

    @PostMapping(PATH)
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String replacement,
                  @RequestParam(defaultValue = "") String confirmation, @AuthenticationPrincipal CustodianUser user,
                  HttpServletRequest request, RedirectAttributes flash) {
        return FlashSteps.attempt(flash, "Your password is changed.", PATH, () -> {
            if (!replacement.equals(confirmation)) {
                throw new IllegalArgumentException("the new password and its confirmation differ");
            }
            administration.changeOwnPassword(user, current, replacement);
            PasswordChangeGate.changed(request);
            return "/";
        });
    }
}
