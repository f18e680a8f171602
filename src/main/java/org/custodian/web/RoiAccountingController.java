package org.custodian.web;

import java.time.LocalDate;
import java.util.UUID;
import org.custodian.disclosure.DisclosureAccounting;
import org.custodian.disclosure.NewDisclosure;
import org.custodian.disclosure.Purpose;
import org.custodian.disclosure.RightOfAccess;
import org.custodian.privacy.CustodianUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A patient's disclosures: the 164.528 accounting (screen and PDF), the full log, and the right-of-access exports. */
@Controller
class RoiAccountingController {
    private final DisclosureAccounting accounting;
    private final RightOfAccess access;

    RoiAccountingController(DisclosureAccounting accounting, RightOfAccess access) {
        this.accounting = accounting;
        this.access = access;
    }

    @GetMapping("/roi/patients/{patientId}/disclosures")
    String disclosures(@PathVariable UUID patientId, @AuthenticationPrincipal CustodianUser user, Model model) {
        model.addAttribute("view", accounting.view(user, patientId));
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("today", LocalDate.now());
        return "roi/disclosures";
    }

    @PostMapping("/roi/patients/{patientId}/disclosures")
    String log(@PathVariable UUID patientId,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate disclosedOn,
               @RequestParam String recipient, @RequestParam(required = false) String recipientAddress,
               @RequestParam String description, @RequestParam(required = false) Purpose purpose,
               @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        try {
            accounting.log(user, new NewDisclosure(patientId, disclosedOn, recipient, recipientAddress, description, purpose));
            flash.addFlashAttribute("done", "Disclosure logged.");
        } catch (IllegalArgumentException refused) {
            flash.addFlashAttribute("problem", ErrorPages.sentence(refused.getMessage()));
        }
        return "redirect:/roi/patients/" + patientId + "/disclosures";
    }

    @GetMapping("/roi/patients/{patientId}/accounting.pdf")
    ResponseEntity<byte[]> accountingPdf(@PathVariable UUID patientId, @AuthenticationPrincipal CustodianUser user) {
        return RoiRequestController.pdf(accounting.accountingPdf(user, patientId), "accounting-of-disclosures");
    }

    @GetMapping("/roi/patients/{patientId}/record.pdf")
    ResponseEntity<byte[]> recordPdf(@PathVariable UUID patientId, @AuthenticationPrincipal CustodianUser user) {
        return RoiRequestController.pdf(access.export(user, patientId, RightOfAccess.Format.PDF), "health-record");
    }

    @GetMapping("/roi/patients/{patientId}/record.fhir.json")
    ResponseEntity<byte[]> recordFhir(@PathVariable UUID patientId, @AuthenticationPrincipal CustodianUser user) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/fhir+json"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"health-record.fhir.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(access.export(user, patientId, RightOfAccess.Format.FHIR));
    }
}
