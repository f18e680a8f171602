package org.custodian.web;

import org.custodian.privacy.CustodianUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the POST. Messages are ours, never exception text. */
@Controller
class LoginController {

    @GetMapping(SecurityConfig.LOGIN)
    String login(@AuthenticationPrincipal CustodianUser user,
                 @RequestParam(required = false) String error,
                 @RequestParam(required = false) String expired,
                 @RequestParam(required = false) String logout,
                 Model model) {
        if (user != null) {
            return "redirect:/";
        }
        if (error != null) {
            model.addAttribute("problem", LoginProblem.fromCode(error).message());
        } else if (expired != null) {
            model.addAttribute("notice", "Your session ended after a period without activity. Sign in again to continue.");
        } else if (logout != null) {
            model.addAttribute("notice", "You have signed out.");
        }
        return "login";
    }
}
