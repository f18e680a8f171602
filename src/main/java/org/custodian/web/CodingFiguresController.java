package org.custodian.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.custodian.coding.CodingAudits;
import org.custodian.coding.CodingFigures;
import org.custodian.coding.CodingMetrics;
import org.custodian.coding.QueueEntry;
import org.custodian.privacy.CustodianUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Coding productivity and accuracy, and the coding audit sample a second coder re-codes blind. */
@Controller
class CodingFiguresController {
    private static final int DEFAULT_DAYS = 14;

    private final CodingMetrics metrics;
    private final CodingAudits audits;

    CodingFiguresController(CodingMetrics metrics, CodingAudits audits) {
        this.metrics = metrics;
        this.audits = audits;
    }

    @GetMapping("/coding/figures")
    String figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @AuthenticationPrincipal CustodianUser user, Model model) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(ZoneId.systemDefault()) : day(to, "to");
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : day(from, "from");
        CodingFigures figures = metrics.figures(user, start, end);
        model.addAttribute("figures", figures);
        model.addAttribute("chart", CodingChart.codedPerDay(figures));
        return "coding/figures";
    }

    @GetMapping("/coding/audits")
    String audits(@RequestParam(defaultValue = "10") int size, @AuthenticationPrincipal CustodianUser user, Model model) {
        List<QueueEntry> sample = audits.sample(user, size);
        model.addAttribute("sample", sample);
        model.addAttribute("size", size);
        return "coding/audits";
    }

    @PostMapping("/coding/audits/{encounterId}/complete")
    String complete(@PathVariable UUID encounterId, @AuthenticationPrincipal CustodianUser user) {
        CodingAudits.AuditResult result = audits.complete(user, encounterId);
        return "redirect:/coding/figures?audited=" + result.agreed() + "of" + result.union();
    }

    private static LocalDate day(String text, String what) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + what + "' date '" + text + "' is not YYYY-MM-DD");
        }
    }
}
