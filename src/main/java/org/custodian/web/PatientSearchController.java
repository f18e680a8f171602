package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.PatientSearchHit;
import org.custodian.privacy.Permission;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.PatientQuery;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Patient search. A plain GET form, so it works without JavaScript; with htmx the same URL returns
 * only the results while the user types. A record the user could open only by breaking the glass
 * is a masked row with no name, birth date or MRN.
 */
@Controller
class PatientSearchController {
    private static final String PAGE = "patients/search";

    private final PhiAccess phi;

    PatientSearchController(PhiAccess phi) {
        this.phi = phi;
    }

    @GetMapping("/patients")
    String search(@ModelAttribute("form") PatientSearchForm form, @AuthenticationPrincipal CustodianUser user,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!user.can(Permission.SEARCH_PATIENTS)) {
            throw new PageForbidden("Your role does not include patient search.");
        }
        response.addHeader("Vary", Htmx.REQUEST);
        String view = Htmx.isPartial(request) ? PAGE + " :: results" : PAGE;
        if (form.isEmpty()) {
            return view;
        }
        PatientQuery query;
        try {
            query = form.toQuery();
        } catch (IllegalArgumentException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", ErrorPages.sentence(invalid.getMessage()));
            return view;
        }
        List<PatientSearchHit> patients = phi.findPatients(user, query);
        model.addAttribute("patients", patients);
        return view;
    }
}
