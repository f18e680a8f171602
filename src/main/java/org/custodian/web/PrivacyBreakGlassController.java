package org.custodian.web;

import java.util.UUID;
import org.custodian.privacy.BreakGlass;
import org.custodian.privacy.CustodianUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Declares an emergency from the denial page, then opens the chart the user was refused. */
@Controller
class PrivacyBreakGlassController {
    private final BreakGlass breakGlass;

    PrivacyBreakGlassController(BreakGlass breakGlass) {
        this.breakGlass = breakGlass;
    }

    @PostMapping("/patients/{patientId}/break-glass")
    String declare(@PathVariable UUID patientId, @RequestParam(defaultValue = "") String reason,
                   @AuthenticationPrincipal CustodianUser user) {
        breakGlass.declare(user, patientId, reason);
        return "redirect:/patients/" + patientId;
    }
}
