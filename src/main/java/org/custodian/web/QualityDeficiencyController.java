package org.custodian.web;

import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.quality.ChartCompletion;
import org.custodian.quality.QualityAccessDenied;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The HIM analyst's deficiency queue: discharged charts to review, oldest first, each with its open
 * deficiencies (where and why) and its completion status; and the entry to the quality screens.
 */
@Controller
class QualityDeficiencyController {
    static final String PATH = "/quality/deficiencies";

    private final ChartCompletion completion;

    QualityDeficiencyController(ChartCompletion completion) {
        this.completion = completion;
    }

    @GetMapping("/quality")
    String start(@AuthenticationPrincipal CustodianUser user) {
        if (user.can(Permission.WORK_DEFICIENCIES)) {
            return "redirect:" + PATH;
        }
        if (user.can(Permission.SIGN_DOCUMENTS)) {
            return "redirect:" + QualityPhysicianController.PATH;
        }
        if (user.can(Permission.VIEW_QUALITY)) {
            return "redirect:/quality/scorecards";
        }
        throw new PageForbidden("Your role does not include the data quality screens.");
    }

    @GetMapping(PATH)
    String queue(@RequestParam(defaultValue = "false") boolean all, @AuthenticationPrincipal CustodianUser user, Model model) {
        if (!user.can(Permission.WORK_DEFICIENCIES)) {
            throw new PageForbidden("Your role does not include the deficiency queue.");
        }
        model.addAttribute("queue", completion.analystQueue(user, all));
        model.addAttribute("all", all);
        model.addAttribute("delinquentAfterDays", completion.delinquentAfterDays());
        model.addAttribute("tabs", QualityTabs.of(user));
        return "quality/deficiencies";
    }

    @PostMapping(PATH + "/charts/{encounterId}/review")
    String review(@PathVariable UUID encounterId, @RequestParam UUID patientId, @AuthenticationPrincipal CustodianUser user,
                  RedirectAttributes flash) {
        try {
            completion.markReviewed(user, encounterId, patientId);
        } catch (QualityAccessDenied e) {
            throw new PageForbidden(e.getMessage());
        }
        flash.addFlashAttribute("done", "Chart marked as reviewed.");
        return "redirect:" + PATH;
    }
}
