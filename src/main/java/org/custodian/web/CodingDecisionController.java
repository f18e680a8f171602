package org.custodian.web;

import java.util.Locale;
import java.util.UUID;
import org.custodian.coding.CodingSuggestions;
import org.custodian.coding.SuggestionDecision;
import org.custodian.privacy.CustodianUser;
import org.custodian.record.Diagnosis.PresentOnAdmission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The coder's accept / edit / reject on one suggestion of the coding screen. */
@Controller
class CodingDecisionController {
    private final CodingSuggestions suggestions;

    CodingDecisionController(CodingSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @PostMapping("/coding/{encounterId}/suggestions")
    String decide(@PathVariable UUID encounterId, @RequestParam String code, @RequestParam double confidence,
                  @RequestParam(required = false) String evidence, @RequestParam String outcome,
                  @RequestParam(required = false) String finalCode, @RequestParam(required = false) String poa,
                  @AuthenticationPrincipal CustodianUser user) {
        SuggestionDecision.Outcome decided;
        try {
            decided = SuggestionDecision.Outcome.valueOf(outcome.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("decision '" + outcome + "' is not accept, edit or reject");
        }
        PresentOnAdmission presentOnAdmission = poa == null || poa.isBlank() ? null
                : PresentOnAdmission.valueOf(poa.trim().toUpperCase(Locale.ROOT));
        suggestions.decide(user, encounterId, new SuggestionDecision(code, confidence, evidence, decided, finalCode),
                presentOnAdmission);
        return "redirect:/coding/" + encounterId + "#suggestions";
    }
}
