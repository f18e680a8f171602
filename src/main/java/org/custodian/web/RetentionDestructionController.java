package org.custodian.web;

import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.retention.DestructionBatch;
import org.custodian.retention.Destructions;
import org.custodian.retention.RecordType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Destruction batches: proposed by one person, approved or rejected by another, with the certificate. */
@Controller
class RetentionDestructionController {
    private final Destructions destructions;

    RetentionDestructionController(Destructions destructions) {
        this.destructions = destructions;
    }

    @PostMapping("/retention/batches")
    String propose(@RequestParam String facility, @RequestParam RecordType type,
                   @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        return RetentionPages.attempt(flash, "Destruction proposed; a second person must approve it.",
                "/retention?facility=" + facility + "&type=" + type, () -> "/retention/batches/"
                        + destructions.propose(user, type, RetentionPages.facility(facility), RetentionPages.today()));
    }

    @GetMapping("/retention/batches/{id}")
    String batch(@PathVariable UUID id, @AuthenticationPrincipal CustodianUser user, Model model) {
        DestructionBatch batch = destructions.get(user, id);
        model.addAttribute("batch", batch);
        model.addAttribute("canDecide", batch.status() == DestructionBatch.Status.PROPOSED
                && user.can(Permission.APPROVE_DESTRUCTION) && !batch.proposedBy().equals(user.getUsername()));
        model.addAttribute("ownProposal", batch.proposedBy().equals(user.getUsername()));
        return "retention/batch";
    }

    @PostMapping("/retention/batches/{id}/approve")
    String approve(@PathVariable UUID id, @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        String page = "/retention/batches/" + id;
        return RetentionPages.attempt(flash, "Destruction approved and carried out; the certificate is ready.", page,
                () -> {
                    destructions.approve(user, id, RetentionPages.today());
                    return null;
                });
    }

    @PostMapping("/retention/batches/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
                  @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        return RetentionPages.attempt(flash, "Destruction rejected; nothing was destroyed.", "/retention/batches/" + id,
                () -> {
                    destructions.reject(user, id, note);
                    return null;
                });
    }

    @GetMapping("/retention/batches/{id}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable UUID id, @AuthenticationPrincipal CustodianUser user) {
        return RoiRequestController.pdf(destructions.certificate(user, id),
                "destruction-certificate-" + id.toString().substring(0, 8));
    }
}
