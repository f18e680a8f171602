package org.custodian.web;

import java.time.LocalDate;
import java.util.UUID;
import org.custodian.disclosure.Amendment;
import org.custodian.disclosure.Amendments;
import org.custodian.disclosure.DenialBasis;
import org.custodian.disclosure.NewAmendment;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.ChartScope;
import org.custodian.record.PatientChart;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Amendment requests (164.526): intake, then accept with the amendment text, or deny and link the statements. */
@Controller
class RoiAmendmentController {
    private final Amendments amendments;
    private final PhiAccess phi;

    RoiAmendmentController(Amendments amendments, PhiAccess phi) {
        this.amendments = amendments;
        this.phi = phi;
    }

    @GetMapping("/roi/amendments/new")
    String form(@RequestParam UUID patient, @AuthenticationPrincipal CustodianUser user, Model model) {
        PatientChart chart = phi.chart(user, patient, ChartScope.FULL)
                .orElseThrow(() -> new PageNotFound("There is no such patient."));
        model.addAttribute("chart", chart);
        model.addAttribute("today", LocalDate.now());
        return "roi/new-amendment";
    }

    @PostMapping("/roi/amendments")
    String create(@RequestParam UUID patient, @RequestParam(required = false) UUID document,
                  @RequestParam String requestedChange, @RequestParam String reason,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                  @AuthenticationPrincipal CustodianUser user) {
        UUID id = amendments.request(user, new NewAmendment(patient, document, requestedChange, reason, receivedOn));
        return "redirect:/roi/amendments/" + id;
    }

    @GetMapping("/roi/amendments/{id}")
    String amendment(@PathVariable UUID id, @AuthenticationPrincipal CustodianUser user, Model model) {
        Amendment a = amendments.get(user, id);
        model.addAttribute("a", a);
        model.addAttribute("deadline", a.deadline(LocalDate.now()));
        model.addAttribute("bases", DenialBasis.values());
        return "roi/amendment";
    }

    @PostMapping("/roi/amendments/{id}/acceptance")
    String accept(@PathVariable UUID id, @RequestParam String amendmentText,
                  @RequestParam(defaultValue = "") String namedRecipients, @AuthenticationPrincipal CustodianUser user,
                  RedirectAttributes flash) {
        return attempt(id, flash, () -> {
            Amendment a = amendments.accept(user, id, amendmentText, namedRecipients.lines().toList());
            flash.addFlashAttribute("done", "Accepted: the amendment is signed and appended to the record; "
                    + a.notified().size() + " recipient(s) notified.");
        });
    }

    @PostMapping("/roi/amendments/{id}/denial")
    String deny(@PathVariable UUID id, @RequestParam(required = false) DenialBasis basis,
                @RequestParam(required = false) String explanation, @AuthenticationPrincipal CustodianUser user,
                RedirectAttributes flash) {
        return attempt(id, flash, () -> {
            amendments.deny(user, id, basis, explanation);
            flash.addFlashAttribute("done", "Denied: the written denial is linked to the record.");
        });
    }

    @PostMapping("/roi/amendments/{id}/disagreement")
    String disagreement(@PathVariable UUID id, @RequestParam String statement,
                        @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        return attempt(id, flash, () -> {
            amendments.disagreement(user, id, statement);
            flash.addFlashAttribute("done", "The statement of disagreement is linked to the record.");
        });
    }

    @PostMapping("/roi/amendments/{id}/rebuttal")
    String rebuttal(@PathVariable UUID id, @RequestParam String rebuttal, @AuthenticationPrincipal CustodianUser user,
                    RedirectAttributes flash) {
        return attempt(id, flash, () -> {
            amendments.rebuttal(user, id, rebuttal);
            flash.addFlashAttribute("done", "The rebuttal is linked to the record.");
        });
    }

    private static String attempt(UUID id, RedirectAttributes flash, Runnable step) {
        try {
            step.run();
        } catch (IllegalArgumentException refused) {
            flash.addFlashAttribute("problem", ErrorPages.sentence(refused.getMessage()));
        }
        return "redirect:/roi/amendments/" + id;
    }
}
