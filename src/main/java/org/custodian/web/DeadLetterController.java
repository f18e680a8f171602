package org.custodian.web;

import java.util.UUID;
import org.custodian.interop.hl7v2.DeadLetters;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The HL7 dead-letter list: rejected inbound messages with the reason and the field at fault, and a
 * replay button for after the cause is fixed. For those who oversee the interfaces (the audit
 * permission: HIM director, privacy officer) and administrators. Raw message text is not shown.
 */
@Controller
class DeadLetterController {
    static final String PATH = "/interop/dead-letters";
    private static final int LIMIT = 200;

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping(PATH)
    String list(@AuthenticationPrincipal CustodianUser user, Model model) {
        requireAllowed(user);
        model.addAttribute("letters", deadLetters.list(LIMIT));
        model.addAttribute("limit", LIMIT);
        return "interop/dead-letters";
    }

    @PostMapping(PATH + "/{id}/replay")
    String replay(@PathVariable UUID id, @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        requireAllowed(user);
        DeadLetters.ReplayResult result;
        try {
            result = deadLetters.replay(id, user.getUsername());
        } catch (IllegalArgumentException unknown) {
            throw new PageNotFound("There is no inbound message " + id + ".");
        }
        flash.addFlashAttribute("replayAccepted", result.accepted());
        flash.addFlashAttribute("replayDetail", "Message " + id + ": " + result.detail());
        return "redirect:" + PATH;
    }

    private static void requireAllowed(CustodianUser user) {
        if (!user.can(Permission.MANAGE_INTERFACES)) {
            throw new PageForbidden("Your role does not include the interface dead-letter list.");
        }
    }
}
