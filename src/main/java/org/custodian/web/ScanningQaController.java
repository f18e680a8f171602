package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.scanning.FlagReason;
import org.custodian.scanning.ScanIndexing;
import org.custodian.scanning.ScanReading;
import org.custodian.scanning.ScanRefused;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The QA queue for indexed scans (flagged ones first), and the reviewer's confirm and flag. */
@Controller
class ScanningQaController {
    static final String PATH = "/scanning/qa";

    private final ScanReading reading;
    private final ScanIndexing indexing;

    ScanningQaController(ScanReading reading, ScanIndexing indexing) {
        this.reading = reading;
        this.indexing = indexing;
    }

    @GetMapping(PATH)
    String queue(@AuthenticationPrincipal CustodianUser user, HttpServletRequest request, Model model) {
        requireReviewer(user);
        model.addAttribute("items", reading.qaQueue(user, request.getRemoteAddr()));
        return "scanning/qa";
    }

    @PostMapping(ScanningScanController.PATH + "/confirm")
    String confirm(@PathVariable UUID scanId, @AuthenticationPrincipal CustodianUser user, HttpServletRequest request,
                   RedirectAttributes flash) {
        requireReviewer(user);
        try {
            indexing.confirm(user, request.getRemoteAddr(), scanId);
            flash.addFlashAttribute("done", "Confirmed: the scan is indexed correctly.");
            return "redirect:" + PATH;
        } catch (ScanRefused refused) {
            flash.addFlashAttribute("problem", ErrorPages.sentence(refused.getMessage()));
            return "redirect:/scanning/scans/" + scanId;
        }
    }

    @PostMapping(ScanningScanController.PATH + "/flag")
    String flag(@PathVariable UUID scanId, @RequestParam FlagReason reason, @RequestParam(required = false) String comment,
                @AuthenticationPrincipal CustodianUser user, HttpServletRequest request, RedirectAttributes flash) {
        requireReviewer(user);
        try {
            indexing.flag(user, request.getRemoteAddr(), scanId, reason, comment);
            flash.addFlashAttribute("done", "Flagged as " + reason.label().toLowerCase(java.util.Locale.ROOT)
                    + ". Move it to the right chart below, or confirm it if the flag was a mistake.");
        } catch (ScanRefused refused) {
            flash.addFlashAttribute("problem", ErrorPages.sentence(refused.getMessage()));
        }
        return "redirect:/scanning/scans/" + scanId;
    }

    private static void requireReviewer(CustodianUser user) {
        if (!user.can(Permission.REVIEW_SCAN_QUALITY)) {
            throw new PageForbidden("Your role does not include the scan QA queue.");
        }
    }
}
