package org.custodian.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.PhiAccess;
import org.custodian.record.ChartScope;
import org.custodian.record.DocumentStatus;
import org.custodian.record.PatientChart;
import org.custodian.record.PatientChart.DocumentRow;
import org.custodian.record.PatientChart.EncounterRow;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A patient's chart. Privacy decides and audits before anything is read; nothing is shown on denial. */
@Controller
class ChartController {
    static final String NO_PATIENT = "There is no patient with this id. Search for the patient again.";

    private final PhiAccess phi;
    private final Formats fmt;
    private final ChartPage page;

    ChartController(PhiAccess phi, Formats fmt, ChartPage page) {
        this.phi = phi;
        this.fmt = fmt;
        this.page = page;
    }

    @GetMapping("/patients/{patientId}")
    String chart(@PathVariable UUID patientId,
                 @RequestParam(name = "retracted", defaultValue = "false") boolean showRetracted,
                 @RequestParam(name = "full", defaultValue = "false") boolean full,
                 @AuthenticationPrincipal CustodianUser user, HttpServletRequest request, Model model) {
        PatientChart chart = phi.chart(user, patientId, full ? ChartScope.FULL : ChartScope.RECENT)
                .orElseThrow(() -> new PageNotFound(NO_PATIENT));
        List<DocumentRow> retracted = chart.documents().stream()
                .filter(d -> d.status() == DocumentStatus.ENTERED_IN_ERROR).toList();
        List<EncounterRow> encounters = chart.encounters().stream()
                .sorted(Comparator.comparing(EncounterRow::admitAt).reversed()).toList();
        Map<UUID, String> encounterNames = chart.encounters().stream()
                .collect(Collectors.toMap(EncounterRow::id, this::encounterName, (a, b) -> a));
        List<DocumentRow> documents = showRetracted ? chart.documents()
                : chart.documents().stream().filter(d -> d.status() != DocumentStatus.ENTERED_IN_ERROR).toList();
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        model.addAttribute("patient", chart.patient());
        model.addAttribute("chartMain", page.main(new ChartPage.View(chart, encounters, documents, encounterNames,
                retracted.size(), showRetracted, viewer == null ? null : viewer.displayName(), request.getContextPath())));
        return "patients/chart";
    }

    private String encounterName(EncounterRow e) {
        return e.encounterClass().label() + " " + fmt.date(e.admitAt());
    }
}
