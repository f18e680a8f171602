package org.custodian.web;

import java.time.LocalDate;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.retention.LegalHolds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Placing legal holds (on a patient, or on a facility's records of a date range) and releasing them. */
@Controller
class RetentionHoldController {
    private final LegalHolds holds;

    RetentionHoldController(LegalHolds holds) {
        this.holds = holds;
    }

    @PostMapping("/retention/holds/patient")
    String holdPatient(@RequestParam UUID patient, @RequestParam(defaultValue = "") String matter,
                       @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String facility,
                       @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        UUID shown = RetentionPages.facility(facility);
        return RetentionPages.attempt(flash, "Legal hold placed on the patient's records.", back(shown), () -> {
            holds.holdPatient(user, matter, patient, reason);
            return null;
        });
    }

    @PostMapping("/retention/holds/facility")
    String holdFacility(@RequestParam UUID facility, @RequestParam(defaultValue = "") String matter,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(defaultValue = "") String reason,
                        @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        return RetentionPages.attempt(flash, "Legal hold placed on the facility's records.", back(facility), () -> {
            holds.holdFacility(user, matter, facility, from, to, reason);
            return null;
        });
    }

    @PostMapping("/retention/holds/{id}/release")
    String release(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
                   @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        return RetentionPages.attempt(flash, "Legal hold released.", "/retention", () -> {
            holds.release(user, id, note);
            return null;
        });
    }

    private static String back(UUID facility) {
        return facility == null ? "/retention" : "/retention?facility=" + facility;
    }
}
