package org.custodian.web;

import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page is the first screen the user's roles allow; trainers and trainees start in the training area. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal CustodianUser user) {
        if (user.can(Permission.TAKE_TRAINING) || user.can(Permission.MANAGE_TRAINING)) {
            return "redirect:/training";
        }
        if (!user.can(Permission.SEARCH_PATIENTS) && user.can(Permission.VIEW_AUDIT)) {
            return "redirect:/audit";
        }
        if (!user.can(Permission.SEARCH_PATIENTS) && user.can(Permission.TRANSCRIBE_DOCUMENTS)) {
            return "redirect:/transcription";
        }
        if (!user.can(Permission.SEARCH_PATIENTS) && user.can(Permission.MANAGE_USERS)) {
            return "redirect:" + AdminUserController.PATH;
        }
        return "redirect:/patients";
    }
}
