package org.custodian.web;

import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.quality.ChartCompletion;
import org.custodian.quality.QualityAccessDenied;
import org.custodian.record.DocumentChangeException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A physician's own deficiencies and notices, with signing from the queue. */
@Controller
class QualityPhysicianController {
    static final String PATH = "/quality/my-deficiencies";

    private final ChartCompletion completion;

    QualityPhysicianController(ChartCompletion completion) {
        this.completion = completion;
    }

    @GetMapping(PATH)
    String queue(@AuthenticationPrincipal CustodianUser user, Model model) {
        requireAllowed(user);
        model.addAttribute("queue", completion.physicianQueue(user).orElse(null));
        model.addAttribute("delinquentAfterDays", completion.delinquentAfterDays());
        model.addAttribute("tabs", QualityTabs.of(user));
        return "quality/my-deficiencies";
    }

    @PostMapping(PATH + "/{findingId}/sign")
    String sign(@PathVariable UUID findingId, @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        requireAllowed(user);
        try {
            var signed = completion.sign(user, findingId);
            flash.addFlashAttribute("done", "Signed: " + signed.current().title() + ". The deficiency closes itself once"
                    + " the chart is re-checked.");
        } catch (QualityAccessDenied e) {
            throw new PageForbidden(e.getMessage());
        } catch (DocumentChangeException e) {
            flash.addFlashAttribute("problem", "Not signed: " + e.getMessage() + ".");
        }
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/notifications/read")
    String read(@AuthenticationPrincipal CustodianUser user) {
        requireAllowed(user);
        completion.markNotificationsRead(user);
        return "redirect:" + PATH;
    }

    private static void requireAllowed(CustodianUser user) {
        if (!user.can(Permission.SIGN_DOCUMENTS)) {
            throw new PageForbidden("Your role does not include a physician's deficiency queue.");
        }
    }
}
