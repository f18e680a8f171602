package org.custodian.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.transcription.JobStatus;
import org.custodian.transcription.TranscriptionQueue;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The transcription queue by stage, and each physician's queue of documents to sign and co-sign. */
@Controller
class TranscriptionQueueController {
    static final String PATH = "/transcription";

    /** Queue tabs: the states each shows. */
    static final Map<String, List<JobStatus>> TABS = Map.of(
            "transcribing", List.of(JobStatus.TRANSCRIBING),
            "qa", List.of(JobStatus.QA_REVIEW),
            "signature", List.of(JobStatus.AWAITING_SIGNATURE, JobStatus.AWAITING_COSIGNATURE),
            "signed", List.of(JobStatus.SIGNED));

    private final TranscriptionQueue queue;

    TranscriptionQueueController(TranscriptionQueue queue) {
        this.queue = queue;
    }

    @GetMapping(PATH)
    String work(@RequestParam(defaultValue = "transcribing") String stage, @AuthenticationPrincipal CustodianUser user,
                Model model) {
        if (!TranscriptionGuard.works(user)) {
            if (user.can(Permission.SIGN_DOCUMENTS)) {
                return "redirect:" + PATH + "/signatures";
            }
            if (user.can(Permission.EDIT_TRANSCRIPTION_TEMPLATES)) {
                return "redirect:" + PATH + "/templates";
            }
            throw new PageForbidden("Your role does not include transcription.");
        }
        List<JobStatus> statuses = TABS.get(stage);
        if (statuses == null) {
            throw new PageNotFound("no queue stage '" + stage + "' (" + String.join(", ", TABS.keySet()) + ")");
        }
        model.addAttribute("page", TranscriptionGuard.allowed(() -> queue.work(user, statuses)));
        model.addAttribute("stage", stage);
        model.addAttribute("stages", Arrays.asList("transcribing", "qa", "signature", "signed"));
        model.addAttribute("canType", user.can(Permission.TRANSCRIBE_DOCUMENTS));
        model.addAttribute("tabs", TranscriptionTabs.of(user));
        return "transcription/queue";
    }

    @GetMapping(PATH + "/signatures")
    String signatures(@AuthenticationPrincipal CustodianUser user, Model model) {
        model.addAttribute("page", TranscriptionGuard.allowed(() -> queue.signatures(user)).orElse(null));
        model.addAttribute("tabs", TranscriptionTabs.of(user));
        return "transcription/signatures";
    }
}
