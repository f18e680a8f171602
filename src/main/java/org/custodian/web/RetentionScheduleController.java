package org.custodian.web;

import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.record.FacilityRepository;
import org.custodian.retention.RecordType;
import org.custodian.retention.RetentionRule;
import org.custodian.retention.RetentionSchedules;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The schedule editor: the default per record type and facility overrides where state rules differ. */
@Controller
class RetentionScheduleController {
    private static final String PAGE = "/retention/schedules";

    private final RetentionSchedules schedules;
    private final FacilityRepository facilities;

    RetentionScheduleController(RetentionSchedules schedules, FacilityRepository facilities) {
        this.schedules = schedules;
        this.facilities = facilities;
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal CustodianUser user, Model model) {
        model.addAttribute("schedules", schedules.all(user));
        model.addAttribute("facilities", facilities.byIds(user.facilityIds()));
        model.addAttribute("types", RecordType.values());
        return "retention/schedules";
    }

    /** {@code facility} empty: the default for every facility. */
    @PostMapping(PAGE)
    String save(@RequestParam RecordType type, @RequestParam(required = false) UUID facility,
                @RequestParam int yearsAfterLastActivity, @RequestParam int ageOfMajority,
                @RequestParam int yearsAfterMajority, @RequestParam(defaultValue = "") String basis,
                @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        return RetentionPages.attempt(flash, "Schedule saved.", PAGE, () -> {
            schedules.save(user, type, facility,
                    new RetentionRule(yearsAfterLastActivity, ageOfMajority, yearsAfterMajority), basis);
            return null;
        });
    }

    @PostMapping(PAGE + "/remove")
    String remove(@RequestParam RecordType type, @RequestParam UUID facility,
                  @AuthenticationPrincipal CustodianUser user, RedirectAttributes flash) {
        return RetentionPages.attempt(flash, "Facility schedule removed; the default applies there.", PAGE, () -> {
            schedules.removeOverride(user, type, facility);
            return null;
        });
    }
}
