package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.custodian.coding.CodingQueue;
import org.custodian.coding.CodingStatus;
import org.custodian.coding.QueueFilter;
import org.custodian.coding.QueuePage;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.record.EncounterClass;
import org.custodian.record.FacilityRepository;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coding workqueue: discharged encounters awaiting coding, filtered as the coder types (htmx
 * swaps the results), with "start coding" to take a case. Physicians with only queries to answer
 * go to their query inbox.
 */
@Controller
class CodingQueueController {
    private static final String PAGE = "coding/queue";

    private final CodingQueue queue;
    private final FacilityRepository facilities;

    CodingQueueController(CodingQueue queue, FacilityRepository facilities) {
        this.queue = queue;
        this.facilities = facilities;
    }

    @GetMapping("/coding")
    String queue(@ModelAttribute("form") CodingQueueForm form, @AuthenticationPrincipal CustodianUser user,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!user.can(Permission.CODE_ENCOUNTERS) && user.can(Permission.ANSWER_QUERIES)) {
            return "redirect:/coding/queries";
        }
        response.addHeader("Vary", Htmx.REQUEST);
        String view = Htmx.isPartial(request) ? PAGE + " :: results" : PAGE;
        model.addAttribute("facilities", facilities.byIds(user.facilityIds()));
        model.addAttribute("classes", EncounterClass.values());
        model.addAttribute("statuses", CodingStatus.values());
        model.addAttribute("sorts", QueueFilter.Sort.values());
        QueueFilter filter;
        try {
            filter = form.toFilter();
        } catch (IllegalArgumentException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", ErrorPages.sentence(invalid.getMessage()));
            return view;
        }
        QueuePage page = queue.list(user, filter);
        model.addAttribute("page", page);
        return view;
    }

    @PostMapping("/coding/{encounterId}/claim")
    String claim(@PathVariable UUID encounterId, @AuthenticationPrincipal CustodianUser user) {
        queue.claim(user, encounterId);
        return "redirect:/coding/" + encounterId;
    }

    @PostMapping("/coding/{encounterId}/assign")
    String assign(@PathVariable UUID encounterId, @RequestParam(required = false) String assignee,
                  @AuthenticationPrincipal CustodianUser user) {
        queue.assign(user, encounterId, assignee);
        return "redirect:/coding/" + encounterId;
    }

    @PostMapping("/coding/{encounterId}/payer")
    String payer(@PathVariable UUID encounterId, @RequestParam(required = false) String payer,
                 @AuthenticationPrincipal CustodianUser user) {
        queue.setPayer(user, encounterId, payer);
        return "redirect:/coding/" + encounterId;
    }

    @PostMapping("/coding/{encounterId}/status")
    String status(@PathVariable UUID encounterId, @RequestParam CodingStatus status,
                  @RequestParam(required = false) String note, @AuthenticationPrincipal CustodianUser user) {
        queue.changeStatus(user, encounterId, status, note);
        return "redirect:/coding/" + encounterId;
    }
}
