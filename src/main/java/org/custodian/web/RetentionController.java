package org.custodian.web;

import java.util.List;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.record.Facility;
import org.custodian.record.FacilityRepository;
import org.custodian.retention.Destructions;
import org.custodian.retention.Eligibility;
import org.custodian.retention.LegalHolds;
import org.custodian.retention.RecordType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The HIM director's retention page: records past retention at a facility, held records, holds, batches. */
@Controller
class RetentionController {
    private final Eligibility eligibility;
    private final LegalHolds holds;
    private final Destructions destructions;
    private final FacilityRepository facilities;

    RetentionController(Eligibility eligibility, LegalHolds holds, Destructions destructions,
                        FacilityRepository facilities) {
        this.eligibility = eligibility;
        this.holds = holds;
        this.destructions = destructions;
        this.facilities = facilities;
    }

    @GetMapping("/retention")
    String page(@RequestParam(required = false) String facility, @RequestParam(defaultValue = "ENCOUNTER") RecordType type,
                @AuthenticationPrincipal CustodianUser user, Model model) {
        List<Facility> mine = facilities.byIds(user.facilityIds()).stream()
                .sorted(java.util.Comparator.comparing(Facility::name)).toList();
        // raw messages of senders that are no facility of ours have a schedule too (the default one)
        boolean noFacility = RetentionPages.NO_FACILITY.equals(facility) && type == RecordType.RAW_MESSAGE;
        UUID asked = noFacility ? null : RetentionPages.facility(facility);
        UUID chosen = noFacility || asked != null ? asked : mine.isEmpty() ? null : mine.getFirst().id();
        model.addAttribute("facilities", mine);
        model.addAttribute("facility", noFacility ? RetentionPages.NO_FACILITY : chosen);
        model.addAttribute("noFacility", RetentionPages.NO_FACILITY);
        model.addAttribute("type", type);
        model.addAttribute("types", RecordType.values());
        model.addAttribute("today", RetentionPages.today());
        model.addAttribute("report", chosen == null && !noFacility ? null
                : eligibility.report(user, type, chosen, RetentionPages.today()));
        model.addAttribute("holds", holds.active(user));
        model.addAttribute("released", holds.recentlyReleased(user));
        model.addAttribute("batches", destructions.recent(user));
        return "retention/overview";
    }
}
