package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.scanning.ScanIndexing;
import org.custodian.scanning.ScanRefused;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Filing a scan: the indexer's first filing, and a QA reviewer's move to the right chart (with the reason). */
@Controller
class ScanningIndexController {
    private final ScanIndexing indexing;

    ScanningIndexController(ScanIndexing indexing) {
        this.indexing = indexing;
    }

    @PostMapping(ScanningScanController.PATH + "/index")
    String index(@PathVariable UUID scanId, @ModelAttribute ScanningFilingForm form,
                 @AuthenticationPrincipal CustodianUser user, HttpServletRequest request, RedirectAttributes flash) {
        if (!user.can(Permission.INDEX_SCANS)) {
            throw new PageForbidden("Your role does not include indexing scanned documents.");
        }
        try {
            indexing.index(user, request.getRemoteAddr(), scanId, form.filing(), form.signedOnPaper());
            flash.addFlashAttribute("done", "Indexed. The scan is in the chart and waits for QA review.");
            return "redirect:" + ScanningInboxController.PATH;
        } catch (ScanRefused refused) {
            return back(scanId, form, refused, flash);
        }
    }

    @PostMapping(ScanningScanController.PATH + "/move")
    String move(@PathVariable UUID scanId, @ModelAttribute ScanningFilingForm form,
                @AuthenticationPrincipal CustodianUser user, HttpServletRequest request, RedirectAttributes flash) {
        if (!user.can(Permission.REVIEW_SCAN_QUALITY)) {
            throw new PageForbidden("Your role does not include moving scanned documents.");
        }
        try {
            indexing.move(user, request.getRemoteAddr(), scanId, form.filing(), form.reason());
            flash.addFlashAttribute("done", "Moved. The history below records where it was, where it went and why.");
            return "redirect:/scanning/scans/" + scanId;
        } catch (ScanRefused refused) {
            return back(scanId, form, refused, flash);
        }
    }

    private static String back(UUID scanId, ScanningFilingForm form, ScanRefused refused, RedirectAttributes flash) {
        flash.addFlashAttribute("problem", ErrorPages.sentence(refused.getMessage()));
        if (form.patient() != null) {
            flash.addAttribute("patient", form.patient());
        }
        return "redirect:/scanning/scans/" + scanId;
    }
}
