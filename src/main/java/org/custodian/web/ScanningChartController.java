package org.custodian.web;

import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.scanning.ScanReading;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The scanned documents filed to a patient's chart (linked from the chart page). */
@Controller
class ScanningChartController {
    private final ScanReading reading;

    ScanningChartController(ScanReading reading) {
        this.reading = reading;
    }

    @GetMapping("/scanning/patients/{patientId}")
    String chart(@PathVariable UUID patientId, @AuthenticationPrincipal CustodianUser user, Model model) {
        model.addAttribute("chart", reading.chartScans(user, patientId)
                .orElseThrow(() -> new PageNotFound(ChartController.NO_PATIENT)));
        return "scanning/chart";
    }
}
