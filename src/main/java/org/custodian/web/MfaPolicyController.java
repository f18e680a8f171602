package org.custodian.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.MultiFactor;
import org.custodian.privacy.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where an administrator chooses the roles that must use two-step sign-in. */
@Controller
class MfaPolicyController {
    static final String PATH = "/admin/mfa";

    private final MultiFactor multiFactor;

    MfaPolicyController(MultiFactor multiFactor) {
        this.multiFactor = multiFactor;
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
}
