package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.custodian.coding.CodedLine;
import org.custodian.coding.CodingPass;
import org.custodian.coding.CodingRefused;
import org.custodian.coding.CodingWork;
import org.custodian.coding.EncounterCoding;
import org.custodian.coding.NewCode;
import org.custodian.coding.PhysicianQueries;
import org.custodian.privacy.CustodianUser;
import org.custodian.record.Diagnosis.PresentOnAdmission;
import org.custodian.terminology.SearchHit;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coding screen: the encounter's documents beside the code search; adding or removing a code
 * re-runs the edits and htmx swaps in the codes and edits; finalising needs a clean check or an
 * override reason. With {@code pass=AUDIT} it is the blind re-code of a coding audit.
 */
@Controller
class CodingScreenController {
    static final String PAGE = "coding/encounter";
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    private final CodingWork work;
    private final PhysicianQueries queries;
    private final CodingSuggestionsPanel suggestions;

    CodingScreenController(CodingWork work, PhysicianQueries queries, CodingSuggestionsPanel suggestions) {
        this.work = work;
        this.queries = queries;
        this.suggestions = suggestions;
    }

    @GetMapping("/coding/{encounterId}")
    String screen(@PathVariable UUID encounterId, @RequestParam(defaultValue = "PRIMARY") CodingPass pass,
                  @AuthenticationPrincipal CustodianUser user, Model model) {
        EncounterCoding coding = work.open(user, encounterId, pass);
        model.addAttribute("coding", coding);
        model.addAttribute("recipients", queries.recipients(user, encounterId));
        model.addAttribute("poas", PresentOnAdmission.values());
        suggestions.addTo(model, user, coding);
        return PAGE;
    }

    @GetMapping("/coding/{encounterId}/search")
    String search(@PathVariable UUID encounterId, @RequestParam(defaultValue = "") String code,
                  @RequestParam(defaultValue = "DIAGNOSIS") CodedLine.Kind kind,
                  @AuthenticationPrincipal CustodianUser user, Model model) {
        List<SearchHit> hits = code.isBlank() ? List.of() : work.search(user, encounterId, code.trim(), kind, 12);
        model.addAttribute("hits", hits);
        model.addAttribute("kind", kind);
        return PAGE + " :: search-results";
    }

    @PostMapping("/coding/{encounterId}/diagnoses")
    String addDiagnosis(@PathVariable UUID encounterId, @RequestParam(defaultValue = "PRIMARY") CodingPass pass,
                        @RequestParam(defaultValue = "") String code,
                        @RequestParam(defaultValue = "false") boolean principal,
                        @RequestParam(required = false) String poa, @AuthenticationPrincipal CustodianUser user,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        return change(encounterId, pass, user, request, response, model, () -> work.add(user, encounterId, pass,
                new NewCode.Diagnosis(code, principal, poa(poa))));
    }

    @PostMapping("/coding/{encounterId}/procedures")
    String addProcedure(@PathVariable UUID encounterId, @RequestParam(defaultValue = "PRIMARY") CodingPass pass,
                        @RequestParam(defaultValue = "") String code,
                        @RequestParam(required = false) String performedOn, @AuthenticationPrincipal CustodianUser user,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        return change(encounterId, pass, user, request, response, model, () -> work.add(user, encounterId, pass,
                new NewCode.Procedure(code, date(performedOn))));
    }

    @PostMapping("/coding/{encounterId}/lines/{lineId}/delete")
    String remove(@PathVariable UUID encounterId, @PathVariable UUID lineId,
                  @RequestParam(defaultValue = "PRIMARY") CodingPass pass, @AuthenticationPrincipal CustodianUser user,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        return change(encounterId, pass, user, request, response, model,
                () -> work.remove(user, encounterId, pass, lineId));
    }

    @PostMapping("/coding/{encounterId}/finalise")
    String finalise(@PathVariable UUID encounterId, @RequestParam(required = false) String overrideReason,
                    @AuthenticationPrincipal CustodianUser user, HttpServletResponse response, Model model) {
        try {
            work.finalise(user, encounterId, overrideReason);
        } catch (CodingRefused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("finaliseProblem", ErrorPages.sentence(refused.getMessage()));
            model.addAttribute("overrideReason", overrideReason);
            return screen(encounterId, CodingPass.PRIMARY, user, model);
        }
        return "redirect:/coding/" + encounterId + "?finalised";
    }

    private String change(UUID encounterId, CodingPass pass, CustodianUser user, HttpServletRequest request,
                          HttpServletResponse response, Model model, Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException refused) {
            if (!Htmx.isPartial(request)) {
                throw refused;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", ErrorPages.sentence(refused.getMessage()));
        }
        if (!Htmx.isPartial(request)) {
            return "redirect:/coding/" + encounterId + (pass == CodingPass.AUDIT ? "?pass=AUDIT" : "");
        }
        model.addAttribute("coding", work.refresh(user, encounterId, pass));
        model.addAttribute("poas", PresentOnAdmission.values());
        return PAGE + " :: work";
    }

    private static PresentOnAdmission poa(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PresentOnAdmission.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("POA indicator '" + text + "' is not Y, N, U, W or exempt");
        }
    }

    /** Procedure dates as MM/DD/YYYY (as pages print them) or YYYY-MM-DD (as date pickers send them). */
    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            return value.contains("/") ? LocalDate.parse(value, US_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("procedure date '" + text + "' is not a date (MM/DD/YYYY)");
        }
    }
}
