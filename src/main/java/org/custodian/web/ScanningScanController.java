package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.record.DocumentType;
import org.custodian.record.PatientSummary;
import org.custodian.scanning.ChartChoice;
import org.custodian.scanning.FlagReason;
import org.custodian.scanning.ScanIndexing;
import org.custodian.scanning.ScanReading;
import org.custodian.scanning.ScanStatus;
import org.custodian.scanning.ScanView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One scan: page 1, what it is, where it is filed, its indexing history, and the work the user may
 * do on it: index it (find the patient by MRN, choose encounter, type and date), or as QA confirm,
 * flag or move it to the right chart.
 */
@Controller
class ScanningScanController {
    static final String PATH = "/scanning/scans/{scanId}";

    private final ScanReading reading;
    private final ScanIndexing indexing;

    ScanningScanController(ScanReading reading, ScanIndexing indexing) {
        this.reading = reading;
        this.indexing = indexing;
    }

    @GetMapping(PATH)
    String scan(@PathVariable UUID scanId, @RequestParam(required = false) String mrn,
                @RequestParam(required = false) UUID patient, @AuthenticationPrincipal CustodianUser user,
                HttpServletRequest request, Model model) {
        ScanView view = reading.scan(user, request.getRemoteAddr(), scanId)
                .orElseThrow(() -> new PageNotFound("There is no scanned document " + scanId + "."));
        boolean unindexed = view.scan().status() == ScanStatus.UNINDEXED;
        boolean canIndex = unindexed && user.can(Permission.INDEX_SCANS);
        boolean canReview = !unindexed && user.can(Permission.REVIEW_SCAN_QUALITY);
        model.addAttribute("view", view);
        model.addAttribute("scan", view.scan());
        model.addAttribute("canIndex", canIndex);
        model.addAttribute("canReview", canReview);
        model.addAttribute("canConfirm", canReview && view.scan().status() != ScanStatus.CONFIRMED);
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("flagReasons", FlagReason.values());
        model.addAttribute("mrn", mrn == null ? "" : mrn.strip());
        if (canIndex || canReview) {
            List<PatientSummary> matches = mrn == null || mrn.isBlank() ? List.of() : indexing.findByMrn(user, mrn);
            model.addAttribute("searched", mrn != null && !mrn.isBlank());
            model.addAttribute("matches", matches);
            ChartChoice chosen = patient == null ? null : indexing.chart(user, patient)
                    .orElseThrow(() -> new PageNotFound("There is no patient " + patient + "."));
            model.addAttribute("chosen", chosen);
        }
        return "scanning/scan";
    }
}
