package org.custodian.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.custodian.disclosure.Packet;
import org.custodian.disclosure.Purpose;
import org.custodian.disclosure.ReleaseRequest;
import org.custodian.disclosure.ReleaseCandidates;
import org.custodian.disclosure.ReleaseRequests;
import org.custodian.disclosure.RequesterType;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.record.ClinicalDocument;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
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

/** One release-of-information request: intake, authorization findings, selection, extension, release. */
@Controller
class RoiRequestController {
    private final ReleaseRequests requests;

    RoiRequestController(ReleaseRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/roi/new")
    String form(@RequestParam UUID patient, @AuthenticationPrincipal CustodianUser user, Model model) {
        model.addAttribute("patient", requests.patient(user, patient));
        model.addAttribute("requesterTypes", RequesterType.values());
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("protectedCategories", Arrays.stream(SensitivityLabel.values())
                .filter(l -> l != SensitivityLabel.SUBSTANCE_USE_PART2).toList());
        return "roi/new-request";
    }

    @PostMapping("/roi")
    String create(RoiRequestForm form, @AuthenticationPrincipal CustodianUser user) {
        UUID id = requests.open(user, form.toRequest());
        return "redirect:/roi/" + id;
    }

    @GetMapping("/roi/{id}")
    String request(@PathVariable UUID id, @AuthenticationPrincipal CustodianUser user, Model model) {
        ReleaseRequest request = requests.get(user, id);
        LocalDate today = LocalDate.now();
        ReleaseCandidates listed = requests.candidates(user, request);
        List<ClinicalDocument> candidates = listed.documents();
        model.addAttribute("r", request);
        model.addAttribute("today", today);
        model.addAttribute("deadline", request.deadline(today));
        model.addAttribute("findings", request.authorizationFindings(today));
        model.addAttribute("candidates", candidates);
        model.addAttribute("listed", listed);
        model.addAttribute("withheldDocuments", listed.withheld());
        model.addAttribute("packets", requests.packets(user, id));
        model.addAttribute("fees", requests.fees());
        return "roi/request";
    }

    @PostMapping("/roi/{id}/selection")
    String select(@PathVariable UUID id, @RequestParam(name = "document", required = false) List<UUID> documents,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        return attempt(id, flash, "Selection saved.",
                () -> requests.select(user, id, documents == null ? Set.of() : new HashSet<>(documents), from, to));
    }

    @PostMapping("/roi/{id}/extension")
    String extend(@PathVariable UUID id, @RequestParam String reason, @AuthenticationPrincipal CustodianUser user,
                  RedirectAttributes flash) {
        return attempt(id, flash, "Deadline extended by 30 days; send the patient the written notice.",
                () -> requests.extend(user, id, reason));
    }

    @PostMapping("/roi/{id}/release")
    String release(@PathVariable UUID id, @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        return attempt(id, flash, null, () -> {
            Packet packet = requests.release(user, id);
            flash.addFlashAttribute("done", "Released: packet of " + packet.pages() + " pages, fee $" + packet.fee()
                    + ". The disclosure is logged.");
        });
    }

    @PostMapping("/roi/{id}/denial")
    String deny(@PathVariable UUID id, @RequestParam String reason, @AuthenticationPrincipal CustodianUser user,
                RedirectAttributes flash) {
        return attempt(id, flash, "Request denied.", () -> requests.deny(user, id, reason));
    }

    @GetMapping("/roi/{id}/packets/{packetId}.pdf")
    ResponseEntity<byte[]> packet(@PathVariable UUID id, @PathVariable UUID packetId,
                                  @AuthenticationPrincipal CustodianUser user) {
        return pdf(requests.packetPdf(user, id, packetId), "disclosure-packet-" + packetId.toString().substring(0, 8));
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(bytes);
    }

    /** Runs a step; a refusal (bad input, wrong state) comes back to the request page as a message. */
    private static String attempt(UUID id, RedirectAttributes flash, String success, Runnable step) {
        try {
            step.run();
            if (success != null) {
                flash.addFlashAttribute("done", success);
            }
        } catch (IllegalArgumentException refused) {
            flash.addFlashAttribute("problem", ErrorPages.sentence(refused.getMessage()));
        }
        return "redirect:/roi/" + id;
    }
}
