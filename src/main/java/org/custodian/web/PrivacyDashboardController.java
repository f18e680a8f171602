package org.custodian.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.custodian.privacy.BreakGlass;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.PrivacyMonitor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The privacy officer's dashboard: emergency accesses to review, unusual access, failed sign-ins. */
@Controller
class PrivacyDashboardController {
    static final Duration WINDOW = Duration.ofDays(30);
    static final int CHART_DAYS = 14;

    private final BreakGlass breakGlass;
    private final PrivacyMonitor monitor;

    PrivacyDashboardController(BreakGlass breakGlass, PrivacyMonitor monitor) {
        this.breakGlass = breakGlass;
        this.monitor = monitor;
    }

    @GetMapping("/privacy")
    String dashboard(@AuthenticationPrincipal CustodianUser user, Model model) {
        monitor.recordView(user);
        List<BreakGlass.Event> events = breakGlass.queue(user, 100);
        List<PrivacyMonitor.DailyCount> failed = monitor.failedLoginsByDay(user, CHART_DAYS);
        model.addAttribute("events", events);
        model.addAttribute("unreviewed", events.stream().filter(e -> !e.reviewed()).count());
        model.addAttribute("sameSurname", monitor.sameSurname(user, WINDOW));
        model.addAttribute("outliers", monitor.volumeOutliers(user, WINDOW));
        model.addAttribute("failedAccounts", monitor.failedAccounts(user, WINDOW));
        model.addAttribute("failedTotal", failed.stream().mapToInt(PrivacyMonitor.DailyCount::count).sum());
        model.addAttribute("failedChart", PrivacyBarChart.of(
                failed.stream().map(d -> d.day().toString().substring(5)).toList(),
                failed.stream().map(PrivacyMonitor.DailyCount::count).toList()));
        return "privacy/dashboard";
    }

    @PostMapping("/privacy/break-glass/{eventId}/review")
    String review(@PathVariable UUID eventId, @RequestParam(required = false) BreakGlass.ReviewOutcome outcome,
                  @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal CustodianUser user) {
        breakGlass.review(user, eventId, outcome, note);
        return "redirect:/privacy";
    }
}
