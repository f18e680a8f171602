package org.custodian.web;

import java.util.UUID;
import org.custodian.coding.PhysicianQueries;
import org.custodian.privacy.CustodianUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Physician queries: the coder raises one from the coding screen; the physician answers from their inbox. */
@Controller
class CodingQueryController {
    private final PhysicianQueries queries;

    CodingQueryController(PhysicianQueries queries) {
        this.queries = queries;
    }

    @PostMapping("/coding/{encounterId}/queries")
    String raise(@PathVariable UUID encounterId, @RequestParam(required = false) UUID practitioner,
                 @RequestParam(defaultValue = "") String question, @AuthenticationPrincipal CustodianUser user) {
        queries.raise(user, encounterId, practitioner, question);
        return "redirect:/coding/" + encounterId + "#queries";
    }

    @GetMapping("/coding/queries")
    String inbox(@AuthenticationPrincipal CustodianUser user, Model model) {
        model.addAttribute("inbox", queries.inbox(user));
        return "coding/queries";
    }

    @PostMapping("/coding/queries/{queryId}/answer")
    String answer(@PathVariable UUID queryId, @RequestParam(defaultValue = "") String answer,
                  @AuthenticationPrincipal CustodianUser user) {
        queries.answer(user, queryId, answer);
        return "redirect:/coding/queries?answered";
    }
}
