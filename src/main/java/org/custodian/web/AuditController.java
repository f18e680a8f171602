package org.custodian.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import org.custodian.privacy.AuditAction;
import org.custodian.privacy.AuditPage;
import org.custodian.privacy.AuditQuery;
import org.custodian.privacy.AuditTrail;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The audit report: who did what to which patient's record, filtered, sorted and paged. */
@Controller
class AuditController {
    static final int PAGE_SIZE = 50;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping(AuditFilterForm.PATH)
    String report(@ModelAttribute("filter") AuditFilterForm filter, @AuthenticationPrincipal CustodianUser user,
                  HttpServletResponse response, Model model) {
        // SecurityConfig refuses the URL already; this keeps the screen safe if that rule is ever changed.
        if (!user.can(Permission.VIEW_AUDIT)) {
            throw new PageForbidden("Your role does not include the audit report.");
        }
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("columns", AuditQuery.SortColumn.values());
        AuditQuery query;
        try {
            query = filter.toQuery(ZoneId.systemDefault(), PAGE_SIZE);
        } catch (IllegalArgumentException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", ErrorPages.sentence(invalid.getMessage()));
            return "audit";
        }
        AuditPage page = trail.search(query);
        model.addAttribute("page", page);
        model.addAttribute("pageNumber", page.page() + 1);
        return "audit";
    }
}
