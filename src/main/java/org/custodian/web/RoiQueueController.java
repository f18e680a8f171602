package org.custodian.web;

import java.time.LocalDate;
import java.util.List;
import org.custodian.disclosure.Amendments;
import org.custodian.disclosure.ReleaseRequests;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.PatientQuery;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The release-of-information desk: open requests by deadline (days left, overdue first), open
 * amendment requests, recent releases, and a patient search to start a new request or amendment.
 */
@Controller
class RoiQueueController {
    private final ReleaseRequests requests;
    private final Amendments amendments;
    private final PhiAccess phi;

    RoiQueueController(ReleaseRequests requests, Amendments amendments, PhiAccess phi) {
        this.requests = requests;
        this.amendments = amendments;
        this.phi = phi;
    }

    @GetMapping("/roi")
    String queue(@RequestParam(required = false) String name, @AuthenticationPrincipal CustodianUser user, Model model) {
        boolean releases = user.can(Permission.RELEASE_INFORMATION);
        boolean amends = user.can(Permission.MANAGE_AMENDMENTS);
        if (!releases && !amends && !user.can(Permission.DEIDENTIFY)) {
            throw new PageForbidden("Release of information is not part of your role.");
        }
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("canRelease", releases);
        model.addAttribute("canAmend", amends);
        model.addAttribute("canDeidentify", user.can(Permission.DEIDENTIFY));
        model.addAttribute("requests", releases ? requests.queue(user) : List.of());
        model.addAttribute("closed", releases ? requests.recentlyClosed(user) : List.of());
        model.addAttribute("amendments", amends ? amendments.queue(user) : List.of());
        model.addAttribute("decided", amends ? amendments.recentlyDecided(user) : List.of());
        model.addAttribute("name", name);
        if (name != null && !name.isBlank() && (releases || amends)) {
            PatientQuery query = new PatientQuery(name, null, null);
            model.addAttribute("patients", releases ? phi.searchPatientsForRelease(user, query)
                    : phi.searchPatients(user, query));
        }
        return "roi/queue";
    }
}
