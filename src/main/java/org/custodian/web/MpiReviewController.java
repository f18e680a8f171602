package org.custodian.web;

import java.util.List;
import java.util.UUID;
import org.custodian.mpi.Actor;
import org.custodian.mpi.DuplicateQueue;
import org.custodian.mpi.MergeRefused;
import org.custodian.mpi.OverlayDetector;
import org.custodian.mpi.PatientMerges;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The duplicate review queue: the waiting pairs, one pair side by side with every field's agreement
 * and weight, the reviewer's decision (merge, not a duplicate, defer), recent merges with unmerge,
 * and overlay flags. For those with MANAGE_DUPLICATES (HIM director, HIT).
 */
@Controller
class MpiReviewController {
    static final String PATH = "/mpi/duplicates";
    private static final int LIMIT = 100;

    private final DuplicateQueue queue;
    private final PatientMerges merges;
    private final OverlayDetector overlays;

    MpiReviewController(DuplicateQueue queue, PatientMerges merges, OverlayDetector overlays) {
        this.queue = queue;
        this.merges = merges;
        this.overlays = overlays;
    }

    @GetMapping(PATH)
    String list(@AuthenticationPrincipal CustodianUser user, HttpServletRequest request,
                Model model) {
        Actor actor = requireAllowed(user, request);
        model.addAttribute("entries", queue.waiting(LIMIT, actor));
        model.addAttribute("waiting", queue.waitingCount());
        model.addAttribute("merges", merges.recent(20));
        model.addAttribute("overlays", overlays.open());
        return "mpi/queue";
    }

    @GetMapping(PATH + "/{taskId}")
    String pair(@PathVariable UUID taskId, @AuthenticationPrincipal CustodianUser user, HttpServletRequest request,
                Model model) {
        Actor actor = requireAllowed(user, request);
        DuplicateQueue.Pair pair = queue.pair(taskId, actor)
                .orElseThrow(() -> new PageNotFound("There is no duplicate review task " + taskId + "."));
        List<MpiPairRow> rows = pair.fields().stream().map(f -> MpiPairRow.of(f, pair.a(), pair.b())).toList();
        model.addAttribute("pair", pair);
        model.addAttribute("rows", rows);
        model.addAttribute("weight", String.format(java.util.Locale.ROOT, "%.1f", pair.weight()));
        return "mpi/pair";
    }

    @PostMapping(PATH + "/{taskId}/decision")
    String decide(@PathVariable UUID taskId, @RequestParam DuplicateQueue.Choice choice,
                  @RequestParam(required = false) UUID survivor, @AuthenticationPrincipal CustodianUser user,
                  HttpServletRequest request, RedirectAttributes flash) {
        Actor actor = requireAllowed(user, request);
        try {
            var merge = queue.decide(taskId, choice, survivor, actor);
            flash.addFlashAttribute("ok", true);
            flash.addFlashAttribute("message", merge.map(m -> "Merged: the records are now one patient (merge "
                    + m.id() + "). It can be undone below.").orElse(switch (choice) {
                        case NOT_DUPLICATE -> "Marked as not a duplicate; this pair will not be proposed again.";
                        case DEFER -> "Deferred; the pair stays in the queue.";
                        case MERGE -> "Merged.";
                    }));
        } catch (MergeRefused refused) {
            flash.addFlashAttribute("ok", false);
            flash.addFlashAttribute("message", refused.getMessage());
            return "redirect:" + PATH + "/" + taskId;
        }
        return "redirect:" + PATH;
    }

    @PostMapping("/mpi/merges/{mergeId}/unmerge")
    String unmerge(@PathVariable UUID mergeId, @AuthenticationPrincipal CustodianUser user,
                   HttpServletRequest request, RedirectAttributes flash) {
        Actor actor = requireAllowed(user, request);
        try {
            merges.unmerge(mergeId, actor);
            flash.addFlashAttribute("ok", true);
            flash.addFlashAttribute("message", "Unmerged: both records are restored exactly as they were (merge "
                    + mergeId + ").");
        } catch (MergeRefused refused) {
            flash.addFlashAttribute("ok", false);
            flash.addFlashAttribute("message", refused.getMessage());
        }
        return "redirect:" + PATH;
    }

    private static Actor requireAllowed(CustodianUser user, HttpServletRequest request) {
        if (!user.can(Permission.MANAGE_DUPLICATES)) {
            throw new PageForbidden("Your role does not include the duplicate review queue.");
        }
        return new Actor(user.getUsername(), user.rolesText(), request.getRemoteAddr());
    }
}
