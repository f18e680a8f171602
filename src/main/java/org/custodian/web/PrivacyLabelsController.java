package org.custodian.web;

import java.util.Arrays;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.LabelTarget;
import org.custodian.privacy.Role;
import org.custodian.privacy.SensitivityLabel;
import org.custodian.privacy.SensitivityLabels;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Where the privacy officer puts sensitivity labels on a record and records restrictions the patient asked for. */
@Controller
class PrivacyLabelsController {
    private static final String PATH = "/privacy/patients/{patientId}/sensitivity";

    private final SensitivityLabels labels;

    PrivacyLabelsController(SensitivityLabels labels) {
        this.labels = labels;
    }

    @GetMapping(PATH)
    String page(@PathVariable UUID patientId, @AuthenticationPrincipal CustodianUser user, Model model) {
        model.addAttribute("patientId", patientId);
        model.addAttribute("labels", labels.labels(user, patientId));
        model.addAttribute("restrictions", labels.restrictions(user, patientId));
        model.addAttribute("kinds", Arrays.asList(SensitivityLabel.values()));
        model.addAttribute("targets", Arrays.asList(LabelTarget.values()));
        model.addAttribute("roles", Arrays.asList(Role.values()));
        return "privacy/sensitivity";
    }

    /** {@code targetId} names the encounter or document; for the patient it is the patient. */
    @PostMapping(PATH + "/labels")
    String label(@PathVariable UUID patientId, @RequestParam LabelTarget target,
                 @RequestParam(required = false) UUID targetId, @RequestParam SensitivityLabel label,
                 @AuthenticationPrincipal CustodianUser user) {
        UUID on = target == LabelTarget.PATIENT ? patientId : targetId;
        if (on == null) {
            throw new IllegalArgumentException("give the id of the " + target.name().toLowerCase() + " to label");
        }
        labels.label(user, patientId, target, on, label);
        return "redirect:/privacy/patients/" + patientId + "/sensitivity";
    }

    @PostMapping(PATH + "/labels/{labelId}/remove")
    String remove(@PathVariable UUID patientId, @PathVariable UUID labelId, @AuthenticationPrincipal CustodianUser user) {
        labels.remove(user, patientId, labelId);
        return "redirect:/privacy/patients/" + patientId + "/sensitivity";
    }

    @PostMapping(PATH + "/restrictions")
    String restrict(@PathVariable UUID patientId, @RequestParam(defaultValue = "") String username,
                    @RequestParam(required = false) Role role, @RequestParam(defaultValue = "") String reason,
                    @AuthenticationPrincipal CustodianUser user) {
        labels.restrict(user, patientId, username.strip(), role, reason.strip());
        return "redirect:/privacy/patients/" + patientId + "/sensitivity";
    }

    @PostMapping(PATH + "/restrictions/{restrictionId}/end")
    String end(@PathVariable UUID patientId, @PathVariable UUID restrictionId,
               @AuthenticationPrincipal CustodianUser user) {
        labels.endRestriction(user, patientId, restrictionId);
        return "redirect:/privacy/patients/" + patientId + "/sensitivity";
    }
}
