package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.terminology.SearchHit;
import org.custodian.terminology.SearchQuery;
import org.custodian.terminology.Terminology;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Code search with a typeahead, for roles with {@link Permission#SEARCH_CODES}.
 * <p>
 * {@code GET /terminology} is the page. {@code GET /terminology/search?q=...&date=YYYY-MM-DD&system=icd10cm}
 * always answers an HTML fragment, for any screen to reuse (the coding screen does): an
 * {@code <ol class="code-hits">} whose {@code <li>} items carry {@code data-code} (E11.9),
 * {@code data-system} (icd10cm, icd10pcs, hcpcs) and {@code data-billable}, best match first, from the
 * release in force on {@code date} (or the latest). Wire it with
 * {@code hx-get="/terminology/search" hx-trigger="input changed delay:150ms" hx-target="..."} on an input
 * named {@code q}. A bad date or system answers 400 with the reason in an {@code .alert} of the fragment.
 */
@Controller
class TerminologySearchController {
    private static final String PAGE = "terminology/search";
    private static final int LIMIT = 15;

    private final Terminology terminology;

    TerminologySearchController(Terminology terminology) {
        this.terminology = terminology;
    }

    @GetMapping("/terminology")
    String page(@ModelAttribute("form") TerminologySearchForm form, @AuthenticationPrincipal CustodianUser user,
                HttpServletResponse response, Model model) {
        allowed(user);
        if (!form.isEmpty()) {
            search(form, response, model);
        }
        return PAGE;
    }

    @GetMapping("/terminology/search")
    String hits(@ModelAttribute("form") TerminologySearchForm form, @AuthenticationPrincipal CustodianUser user,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        allowed(user);
        if (!form.isEmpty()) {
            search(form, response, model);
        }
        return PAGE + " :: hits";
    }

    private void search(TerminologySearchForm form, HttpServletResponse response, Model model) {
        SearchQuery query;
        try {
            query = form.toQuery(LIMIT);
        } catch (IllegalArgumentException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", ErrorPages.sentence(invalid.getMessage()));
            return;
        }
        List<SearchHit> hits = terminology.search(query);
        model.addAttribute("hits", hits);
    }

    private static void allowed(CustodianUser user) {
        if (!user.can(Permission.SEARCH_CODES)) {
            throw new PageForbidden("Your role does not include code search.");
        }
    }
}
